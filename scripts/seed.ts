// npm run db:seed: migrates, then seeds the demo data once.
import { openDatabase } from '../lib/db/adapter'
import { closeDb } from '../lib/db/client'
import { applyMigrations } from '../lib/db/migrations'
import { databaseUrl } from '../lib/env'
import { seedDemo } from '../lib/seed/demo'

const handle = openDatabase(databaseUrl())
await applyMigrations(handle.adapter)
await handle.close()

const seeded = await seedDemo()
process.stdout.write(seeded ? 'Demo data seeded.\n' : 'Demo data already present.\n')
await closeDb()
process.exit(0)
