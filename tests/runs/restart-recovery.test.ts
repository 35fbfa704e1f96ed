// The web server on the embedded database was killed while a run trained: when it
// starts again, its inline worker settles the run it left RUNNING (nobody else can hold
// it: PGlite belongs to one process) and trains it again. This file always uses an
// embedded database in a folder, opened the way the server opens it.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useStagingRoot } from '@/lib/datasets/staging'
import { openDatabase } from '@/lib/db/adapter'
import { closeDb, databaseKind, db } from '@/lib/db/client'
import { applyMigrations } from '@/lib/db/migrations'
import { RunWorker } from '@/lib/queue/run-worker'
import { launchRun } from '@/lib/runs/launch'
import { useStorage } from '@/lib/storage'
import { LocalStorage } from '@/lib/storage/local'
import { createRunFixture } from './helpers'

const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-restart-'))

beforeAll(async () => {
  process.env.DATABASE_URL = `pglite:${path.join(dataDir, 'db')}`
  const handle = openDatabase(process.env.DATABASE_URL)
  await applyMigrations(handle.adapter)
  await handle.close()
  useStorage(new LocalStorage(path.join(dataDir, 'storage')))
  useStagingRoot(mkdtempSync(path.join(tmpdir(), 'tandem-staging-')))
})

afterAll(async () => {
  await closeDb()
})

describe('a restart of the web server on the embedded database', () => {
  it('queues the run its previous process left running, and trains it again', async () => {
    const fixture = await createRunFixture()
    const run = await launchRun(fixture.researcher.id, fixture.project.id,
      { datasetVersionId: fixture.version.id, epochs: 1, sampleLimit: 200 })
    await db().run.update({ where: { id: run.id }, data: { status: 'RUNNING', attempts: 1,
      workerId: 'inline:old-host:1234:deadbeef', heartbeatAt: new Date(), currentEpoch: 3 } })
    expect(databaseKind()).toBe('pglite')

    await new RunWorker({ kind: 'inline', pollMs: 50, heartbeatMs: 200, maxRuns: 1 }).start()

    const after = await db().run.findUniqueOrThrow({ where: { id: run.id } })
    expect(after).toMatchObject({ status: 'SUCCEEDED', attempts: 2 })
    expect(after.workerId).toMatch(/^inline:/)
    expect(after.workerId).not.toContain('old-host')
  })
})
