import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useStagingRoot } from '@/lib/datasets/staging'
import { db } from '@/lib/db/client'
import { RunWorker } from '@/lib/queue/run-worker'
import { launchRun } from '@/lib/runs/launch'
import { setupTestDatabase, type TestDatabase } from '../helpers/db'
import { createUser } from '../helpers/fixtures'
import { createRunFixture } from './helpers'

// Train access is decided when a run is queued, again when a worker starts it, and with
// every heartbeat while it trains: a policy tightened in between stops it.
let database: TestDatabase
let fixture: Awaited<ReturnType<typeof createRunFixture>>
let colleagueId: string

beforeAll(async () => {
  database = await setupTestDatabase()
  useStagingRoot(mkdtempSync(path.join(tmpdir(), 'tandem-staging-')))
  fixture = await createRunFixture({ train: 3000, test: 100, projectLevel: 'TRAIN' })
  const colleague = await createUser({ organizationId: fixture.organization.id })
  await db().projectMember.create({ data: { projectId: fixture.project.id,
    userId: colleague.id, organizationId: fixture.organization.id, role: 'RESEARCHER' } })
  colleagueId = colleague.id
})

afterAll(async () => {
  await database?.close()
})

async function setProjectLevel(projectLevel: 'METADATA' | 'TRAIN') {
  await db().dataset.update({ where: { id: fixture.version.datasetId }, data: { projectLevel } })
}

async function settled(id: string) {
  for (let i = 0; i < 600; i++) {
    const run = await db().run.findUniqueOrThrow({ where: { id } })
    if (!['QUEUED', 'RUNNING'].includes(run.status)) return run
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the run did not end')
}

describe('train access of a queued or running run', () => {
  it('a run queued before access was withdrawn fails when it starts, and says why', async () => {
    await setProjectLevel('TRAIN')
    const run = await launchRun(colleagueId, fixture.project.id,
      { datasetVersionId: fixture.version.id, epochs: 1, sampleLimit: 100 })

    await setProjectLevel('METADATA')
    await new RunWorker({ kind: 'standalone', pollMs: 50, heartbeatMs: 150, maxRuns: 1 })
      .start()

    const ended = await db().run.findUniqueOrThrow({ where: { id: run.id } })
    expect(ended).toMatchObject({ status: 'FAILED', errorCode: 'access_denied' })
    // A new launch is refused at once, with a reason pages can put in their language.
    await expect(launchRun(colleagueId, fixture.project.id,
      { datasetVersionId: fixture.version.id, epochs: 1 })).rejects.toMatchObject({
      code: 'forbidden', details: { reasonKey: 'dataset_level',
        reasonParams: { needed: 'TRAIN', level: 'METADATA', lapse: 'none' } } })
    expect(ended.history).toEqual([])
    const refusal = await db().auditEvent.findFirst({ where: { action: 'dataset.train',
      actorId: colleagueId, outcome: 'deny' } })
    expect(refusal?.details).toMatchObject({ runId: run.id })
  })

  it('a run whose access ends while it trains is stopped', async () => {
    await setProjectLevel('TRAIN')
    const run = await launchRun(colleagueId, fixture.project.id,
      { datasetVersionId: fixture.version.id, epochs: 500, sampleLimit: 3000 })
    const worker = new RunWorker({ kind: 'standalone', pollMs: 50, heartbeatMs: 150,
      maxRuns: 1 })
    const finished = worker.start()
    for (let i = 0; i < 600; i++) {
      const current = await db().run.findUniqueOrThrow({ where: { id: run.id } })
      if (current.currentEpoch >= 1) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }

    await setProjectLevel('METADATA')
    await finished

    const ended = await settled(run.id)
    expect(ended).toMatchObject({ status: 'FAILED', errorCode: 'access_revoked' })
    expect(ended.currentEpoch).toBeLessThan(500)
  })
})
