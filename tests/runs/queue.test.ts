import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useStagingRoot } from '@/lib/datasets/staging'
import { db } from '@/lib/db/client'
import { claimNextRun, heartbeat, reapDeadRuns } from '@/lib/queue/claim'
import { RunWorker } from '@/lib/queue/run-worker'
import { cancelRun, launchRun } from '@/lib/runs/launch'
import { setupTestDatabase, type TestDatabase } from '../helpers/db'
import { Readable } from 'node:stream'
import { createIdxDatasetVersion } from '@/lib/datasets/versions'
import { storage } from '@/lib/storage'
import { createRunFixture, tinyIdx } from './helpers'

let database: TestDatabase
let fixture: Awaited<ReturnType<typeof createRunFixture>>

beforeAll(async () => {
  database = await setupTestDatabase()
  useStagingRoot(mkdtempSync(path.join(tmpdir(), 'tandem-staging-')))
  fixture = await createRunFixture({ train: 3000, test: 100 })
})

afterAll(async () => {
  await database.close()
})

async function queueRuns(count: number, config: object = { epochs: 1, sampleLimit: 50 },
  extra: object = {}) {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const run = await db().run.create({
      data: {
        projectId: fixture.project.id, datasetVersionId: fixture.version.id,
        createdById: fixture.researcher.id, config, seed: 42,
        datasetChecksum: fixture.version.sha256,
        totalEpochs: (config as { epochs?: number }).epochs ?? 1, ...extra,
      },
    })
    ids.push(run.id)
  }
  return ids
}

async function clearQueue() {
  await db().run.updateMany({ where: { status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'CANCELLED' } })
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000) {
  const until = Date.now() + ms
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > until) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('claiming runs from the queue', () => {
  it('never gives one run to two workers, however many claim at once', async () => {
    await clearQueue()
    const queued = await queueRuns(60)
    const claims = new Map<string, string[]>()

    await Promise.all(Array.from({ length: 6 }, async (_, worker) => {
      const workerId = `test-worker-${worker}`
      for (;;) {
        const run = await claimNextRun(workerId)
        if (!run) return
        claims.set(run.id, [...(claims.get(run.id) ?? []), workerId])
      }
    }))

    expect([...claims.keys()].sort()).toEqual([...queued].sort())
    expect([...claims.values()].every((workers) => workers.length === 1)).toBe(true)
    const rows = await db().run.findMany({ where: { id: { in: queued } } })
    expect(rows.every((row) => row.status === 'RUNNING' && row.attempts === 1)).toBe(true)
    expect(new Set(rows.map((row) => row.workerId)).size).toBeGreaterThan(1)
  })

  it('takes the oldest queued run first and skips runs flagged for cancel', async () => {
    await clearQueue()
    const [first, second] = await queueRuns(2)
    await db().run.update({ where: { id: first }, data: { cancelRequested: true } })

    const claimed = await claimNextRun('w')

    expect(claimed?.id).toBe(second)
  })
})

describe('runs of dead workers', () => {
  it('are queued again while attempts remain, then failed with the reason', async () => {
    await clearQueue()
    const [id] = await queueRuns(1)
    await claimNextRun('dead-worker-1')
    await db().run.update({ where: { id }, data: { heartbeatAt: new Date(Date.now() - 60_000) } })

    const first = await reapDeadRuns(30)
    const afterFirst = await db().run.findUniqueOrThrow({ where: { id } })
    await claimNextRun('dead-worker-2')
    await db().run.update({ where: { id }, data: { heartbeatAt: new Date(Date.now() - 60_000) } })
    const second = await reapDeadRuns(30)
    const afterSecond = await db().run.findUniqueOrThrow({ where: { id } })

    expect(first.requeued).toEqual([id])
    expect(afterFirst).toMatchObject({ status: 'QUEUED', workerId: null,
      errorCode: 'worker_lost' })
    expect(second.failed).toEqual([id])
    expect(afterSecond.status).toBe('FAILED')
    expect(afterSecond.error).toContain('dead-worker-2')
    expect(afterSecond.error).toContain('No attempts are left')
  })

  it('a worker whose run was reaped loses it: its heartbeat says so', async () => {
    await clearQueue()
    const [id] = await queueRuns(1)
    await claimNextRun('slow-worker')
    await db().run.update({ where: { id }, data: { heartbeatAt: new Date(Date.now() - 60_000) } })
    await reapDeadRuns(30)

    const beat = await heartbeat(id, 'slow-worker')

    expect(beat.held).toBe(false)
  })
})

describe('stopping a running run', () => {
  it('a user cancels a running run; the worker stops training and records it', async () => {
    await clearQueue()
    const [id] = await queueRuns(1, { epochs: 500, sampleLimit: 3000 })
    const worker = new RunWorker({ kind: 'standalone', pollMs: 50, heartbeatMs: 150,
      maxRuns: 1 })
    const finished = worker.start()
    await waitFor(() => db().run.findUniqueOrThrow({ where: { id } }),
      (run) => run.currentEpoch >= 1)

    await cancelRun(fixture.researcher.id, id)
    await finished

    const run = await db().run.findUniqueOrThrow({ where: { id } })
    expect(run.status).toBe('CANCELLED')
    expect(run.currentEpoch).toBeLessThan(500)
  })

  it('a run over its time limit is stopped and failed with the reason', async () => {
    await clearQueue()
    const [id] = await queueRuns(1, { epochs: 500, sampleLimit: 3000 },
      { timeLimitSeconds: 2 })
    const worker = new RunWorker({ kind: 'standalone', pollMs: 50, heartbeatMs: 150,
      maxRuns: 1 })

    await worker.start()

    const run = await db().run.findUniqueOrThrow({ where: { id } })
    expect(run).toMatchObject({ status: 'FAILED', errorCode: 'time_limit' })
    expect(run.error).toContain('2 seconds')
  })
})

describe('runs that cannot succeed', () => {
  it('a CNN too deep for its images fails with the reason, and the worker goes on',
    async () => {
      await clearQueue()
      const split = () => tinyIdx(12, 4, 4, 2)
      const [train, test] = [split(), split()]
      const { version } = await createIdxDatasetVersion({
        projectId: fixture.project.id, organizationId: fixture.organization.id,
        createdById: fixture.researcher.id, name: 'Tiny 4x4',
        files: { trainImages: Readable.from([train.images]),
          trainLabels: Readable.from([train.labels]),
          testImages: Readable.from([test.images]), testLabels: Readable.from([test.labels]) },
      })
      const tooDeep = { datasetVersionId: version.id, preset: 'cnn-small',
        config: { convFilters: [8, 8, 8] }, epochs: 1 }
      // Launching refuses it at once; a run queued some other way (an older version of
      // Tandem, a hand-made row) still fails in the worker with the reason.
      await expect(launchRun(fixture.researcher.id, fixture.project.id, tooDeep))
        .rejects.toMatchObject({ code: 'unprocessable_entity',
          message: expect.stringContaining('too small for 3 convolution blocks') })
      const bad = await db().run.create({ data: { projectId: fixture.project.id,
        datasetVersionId: version.id, createdById: fixture.researcher.id, seed: 1,
        config: { architecture: 'cnn', convFilters: [8, 8, 8], hiddenLayers: [8], epochs: 1 },
        datasetChecksum: version.sha256, totalEpochs: 1 } })
      const [good] = await queueRuns(1)

      await new RunWorker({ kind: 'standalone', pollMs: 50, heartbeatMs: 200, maxRuns: 2 })
        .start()

      const failed = await db().run.findUniqueOrThrow({ where: { id: bad.id } })
      expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'dataset_incompatible' })
      expect(failed.error).toContain('too small for 3 convolution blocks')
      const next = await db().run.findUniqueOrThrow({ where: { id: good } })
      expect(next.status).toBe('SUCCEEDED')
    })

  it('a dataset version whose stored file was damaged fails before training', async () => {
    await clearQueue()
    const [id] = await queueRuns(1)
    const key = `${fixture.version.storageKey}train-labels-idx1-ubyte`
    const original = await storage().read(key)
    await storage().put(key, Buffer.concat([original.subarray(0, 8),
      Buffer.alloc(original.length - 8, 1)]))

    try {
      await new RunWorker({ kind: 'standalone', pollMs: 50, heartbeatMs: 200, maxRuns: 1 })
        .start()
    } finally {
      await storage().put(key, original)
    }

    const run = await db().run.findUniqueOrThrow({ where: { id } })
    expect(run.status).toBe('FAILED')
    expect(run.error).toContain('does not match its checksum')
  })
})
