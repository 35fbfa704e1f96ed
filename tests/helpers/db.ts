// A real, migrated database per test file: PGlite by default, or a fresh
// PostgreSQL database cloned from a migrated template when TEST_DATABASE=postgres.
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from '@/generated/prisma/client'
import { closeDb, useDb } from '@/lib/db/client'
import { applyMigrations } from '@/lib/db/migrations'
import { LocalStorage } from '@/lib/storage/local'
import { useStorage } from '@/lib/storage'

const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://root@127.0.0.1:5432/postgres'

export type TestDatabase = { prisma: PrismaClient; close: () => Promise<void> }

let pgliteTemplate: Promise<Blob> | undefined

async function freshPglite(): Promise<TestDatabase> {
  pgliteTemplate ??= (async () => {
    const template = new PGlite()
    await applyMigrations(new PrismaPGlite(template))
    const dump = await template.dumpDataDir('none')
    await template.close()
    return dump
  })()
  const pglite = new PGlite({ loadDataDir: await pgliteTemplate })
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) })
  return { prisma, close: async () => { await prisma.$disconnect(); await pglite.close() } }
}

let postgresTemplate: Promise<string> | undefined

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

async function freshPostgres(): Promise<TestDatabase> {
  const admin = new pg.Pool({ connectionString: POSTGRES_ADMIN_URL, max: 1 })
  postgresTemplate ??= (async () => {
    const name = `tandem_tmpl_${randomUUID().replaceAll('-', '')}`
    await admin.query(`CREATE DATABASE "${name}"`)
    const pool = new pg.Pool({ connectionString: withDatabase(POSTGRES_ADMIN_URL, name) })
    await applyMigrations(new PrismaPg(pool))
    await pool.end()
    return name
  })()
  const template = await postgresTemplate
  const name = `tandem_test_${randomUUID().replaceAll('-', '')}`
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)
  const url = withDatabase(POSTGRES_ADMIN_URL, name)
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) })
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect()
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`)
      await admin.end()
    },
  }
}

/**
 * Opens a fresh database and a fresh storage folder, and makes lib/ use them.
 * Call in beforeAll; call the returned close in afterAll.
 */
export async function setupTestDatabase(): Promise<TestDatabase & { storageRoot: string }> {
  const database = process.env.TEST_DATABASE === 'postgres'
    ? await freshPostgres()
    : await freshPglite()
  useDb(database.prisma)

  const storageRoot = mkdtempSync(path.join(tmpdir(), 'tandem-storage-'))
  useStorage(new LocalStorage(storageRoot))
  return {
    ...database,
    storageRoot,
    close: async () => { await closeDb(); await database.close() },
  }
}
