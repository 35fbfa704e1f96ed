import { defineConfig } from 'prisma/config'

// The Prisma CLI only runs `prisma generate` here; migrations go through
// lib/db/migrations.ts (Prisma's WASM schema engine), see scripts/db-migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(process.env.DATABASE_URL?.startsWith('postgres')
    ? { datasource: { url: process.env.DATABASE_URL } }
    : {}),
})
