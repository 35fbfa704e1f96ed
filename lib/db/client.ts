import { PrismaClient } from '@/generated/prisma/client'
import { databaseUrl } from '@/lib/env'
import { logger } from '@/lib/logging'
import { openDatabase, type DatabaseHandle } from './adapter'

type Holder = { prisma?: PrismaClient; handle?: DatabaseHandle }

// One client (and one PGlite) per process, created on first use so that
// `next build` never opens the database; held on globalThis across hot reloads.
const holder = globalThis as typeof globalThis & { __tandemDb?: Holder }
holder.__tandemDb ??= {}
const state = holder.__tandemDb

export function db(): PrismaClient {
  if (state.prisma) return state.prisma

  const handle = openDatabase(databaseUrl())
  state.handle = handle
  state.prisma = new PrismaClient({ adapter: handle.adapter })
  logger.info({ database: handle.kind }, 'database opened')
  return state.prisma
}

export function databaseKind(): DatabaseHandle['kind'] | undefined {
  return state.handle?.kind
}

/** Closes the client; PGlite must be closed or its next open runs crash recovery. */
export async function closeDb(): Promise<void> {
  const { prisma, handle } = state
  state.prisma = undefined
  state.handle = undefined
  await prisma?.$disconnect()
  await handle?.close()
}

/** Makes a test or a script use an already-open client. */
export function useDb(prisma: PrismaClient): void {
  state.prisma = prisma
}
