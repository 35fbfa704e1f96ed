// npm run db:migrate            applies pending migrations to DATABASE_URL (or the embedded db)
// npm run db:migration -- NAME  writes a new migration for the change in prisma/schema.prisma
import { openDatabase } from '../lib/db/adapter'
import { applyMigrations, createMigration } from '../lib/db/migrations'
import { databaseUrl } from '../lib/env'

async function deploy(): Promise<void> {
  const handle = openDatabase(databaseUrl())
  try {
    const applied = await applyMigrations(handle.adapter)
    const list = applied.length > 0 ? applied.join(', ') : 'none (up to date)'
    process.stdout.write(`Migrations applied to ${handle.kind}: ${list}\n`)
  } finally {
    await handle.close()
  }
}

async function create(name: string | undefined): Promise<void> {
  if (!name || !/^\w+$/.test(name)) {
    process.stderr.write('Usage: npm run db:migration -- <name> (letters, digits, _)\n')
    process.exitCode = 2
    return
  }
  const dir = await createMigration(name)
  process.stdout.write(dir ? `Created ${dir}/migration.sql\n` : 'No schema change.\n')
}

const [command, name] = process.argv.slice(2)
if (command === 'deploy') await deploy()
else if (command === 'create') await create(name)
else {
  process.stderr.write('Usage: db-migrate.ts deploy | create <name>\n')
  process.exitCode = 2
}
// pg and PGlite handles keep the event loop alive for a while.
process.exit(process.exitCode ?? 0)
