import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'

export type DatabaseHandle = {
  adapter: PrismaPGlite | PrismaPg
  kind: 'pglite' | 'postgresql'
  close: () => Promise<void>
}

/** Opens the database named by a URL: `pglite:<dir>`, `pglite:memory://` or `postgresql://…`. */
export function openDatabase(url: string): DatabaseHandle {
  if (url.startsWith('pglite:')) {
    const dir = url.slice('pglite:'.length)
    if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true })
    const pglite = new PGlite(dir)
    return {
      adapter: new PrismaPGlite(pglite),
      kind: 'pglite',
      close: () => pglite.close(),
    }
  }
  const adapter = new PrismaPg({ connectionString: url })
  return { adapter, kind: 'postgresql', close: async () => {} }
}
