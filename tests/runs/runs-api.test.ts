import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as cancel } from '@/app/api/runs/[runId]/cancel/route'
import { GET as getRun } from '@/app/api/runs/[runId]/route'
import { GET as listRuns, POST as launch } from '@/app/api/projects/[projectId]/runs/route'
import { createApiToken } from '@/lib/auth/api-tokens'
import { useStagingRoot } from '@/lib/datasets/staging'
import { db } from '@/lib/db/client'
import { RunWorker } from '@/lib/queue/run-worker'
import { setupTestDatabase, type TestDatabase } from '../helpers/db'
import { createProject } from '../helpers/fixtures'
import { bearer, createRunFixture } from './helpers'

let database: TestDatabase
let fixture: Awaited<ReturnType<typeof createRunFixture>>
const tokens = { researcher: '', viewer: '', outsider: '' }

beforeAll(async () => {
  database = await setupTestDatabase()
  useStagingRoot(mkdtempSync(path.join(tmpdir(), 'tandem-staging-')))
  fixture = await createRunFixture()
  tokens.researcher = (await createApiToken(fixture.researcher.id, 'test')).token
  tokens.viewer = (await createApiToken(fixture.viewer.id, 'test')).token
  tokens.outsider = (await createApiToken(fixture.outsider.id, 'test')).token
})

afterAll(async () => {
  await database.close()
})

function launchAs(token: string, body: unknown, projectId = fixture.project.id) {
  return launch(bearer(token, { method: 'POST', body: JSON.stringify(body) }),
    { params: Promise.resolve({ projectId }) })
}

describe('launching a run through the API', () => {
  it('queues the run with its full configuration, seed and dataset checksum', async () => {
    const response = await launchAs(tokens.researcher, {
      datasetVersionId: fixture.version.id, epochs: 1, sampleLimit: 200, seed: 7,
    })

    expect(response.status).toBe(201)
    const { run } = await response.json()
    expect(run).toMatchObject({ status: 'QUEUED', totalEpochs: 1, seed: 7 })
    const row = await db().run.findUniqueOrThrow({ where: { id: run.id } })
    expect(row.datasetChecksum).toBe(fixture.version.sha256)
    expect(row.config).toMatchObject({ hiddenLayers: [128], batchSize: 64, sampleLimit: 200 })
    const audit = await db().auditEvent.findFirst({ where: { action: 'run.start' } })
    expect(audit?.resourceId).toBe(run.id)
  })

  it('refuses a dataset of another project, even one the researcher may train on',
    async () => {
      const elsewhere = await createProject({ createdById: fixture.researcher.id,
        members: [{ userId: fixture.researcher.id, organizationId: fixture.organization.id,
          role: 'RESEARCHER' }] })

      const response = await launchAs(tokens.researcher,
        { datasetVersionId: fixture.version.id, epochs: 1 }, elsewhere.id)

      expect(response.status).toBe(404)
      expect((await response.json()).error.message).toContain("project's own datasets")
      expect(await db().run.count({ where: { projectId: elsewhere.id } })).toBe(0)
    })

  it('refuses a configuration out of range, naming the field', async () => {
    const response = await launchAs(tokens.researcher, {
      datasetVersionId: fixture.version.id, epochs: 0, preset: 'cnn-small',
    })

    expect(response.status).toBe(422)
    const body = await response.json()
    expect(body.error.code).toBe('unprocessable_entity')
    expect(body.error.fields.epochs).toBeDefined()
  })

  it('merges configuration fields over the preset, and names an unknown field', async () => {
    const merged = await launchAs(tokens.researcher, {
      datasetVersionId: fixture.version.id, preset: 'cnn-augmented', epochs: 1,
      config: { dropout: 0.1, augmentation: { maxRotationDegrees: 5 } },
    })
    const unknown = await launchAs(tokens.researcher, {
      datasetVersionId: fixture.version.id, config: { hiddenLayer: [64] },
    })

    const { run } = await merged.json()
    const row = await db().run.findUniqueOrThrow({ where: { id: run.id } })
    expect(row.config).toMatchObject({ architecture: 'cnn', dropout: 0.1, epochs: 1,
      augmentation: { enabled: true, maxShiftPixels: 2, maxRotationDegrees: 5 } })
    expect(unknown.status).toBe(422)
    expect((await unknown.json()).error.message).toContain('hiddenLayer')
  })

  it('refuses an unknown preset', async () => {
    const response = await launchAs(tokens.researcher, {
      datasetVersionId: fixture.version.id, preset: 'gigantic',
    })

    expect(response.status).toBe(422)
    expect((await response.json()).error.fields.preset).toBeDefined()
  })

  it('answers 401 without a valid token', async () => {
    const response = await launchAs('tdm_not-a-token', { datasetVersionId: fixture.version.id })

    expect(response.status).toBe(401)
  })

  it('answers 403 to a viewer, who may not launch runs', async () => {
    const response = await launchAs(tokens.viewer, { datasetVersionId: fixture.version.id })

    expect(response.status).toBe(403)
    expect((await response.json()).error.reason).toContain('researcher')
  })

  it('answers 404 to someone outside the project', async () => {
    const response = await launchAs(tokens.outsider, { datasetVersionId: fixture.version.id })

    expect(response.status).toBe(404)
  })

  it('answers 404 for an unknown dataset version', async () => {
    const response = await launchAs(tokens.researcher, { datasetVersionId: 'nope' })

    expect(response.status).toBe(404)
  })
})

describe('a run from queue to report', () => {
  it('trains in a worker thread and ends with the evaluation', async () => {
    await db().run.updateMany({ where: { status: 'QUEUED' }, data: { status: 'CANCELLED' } })
    const launched = await (await launchAs(tokens.researcher, {
      datasetVersionId: fixture.version.id, epochs: 2, sampleLimit: 200, batchSize: 32,
      validationSplit: 0.1,
    })).json()
    const worker = new RunWorker({ kind: 'standalone', pollMs: 100, heartbeatMs: 200,
      maxRuns: 1 })

    await worker.start()

    const response = await getRun(bearer(tokens.viewer),
      { params: Promise.resolve({ runId: launched.run.id }) })
    const { run } = await response.json()
    expect(run.error).toBeNull()
    expect(run.status).toBe('SUCCEEDED')
    expect(run.history).toHaveLength(2)
    expect(run.history[1].valAccuracy).toBeTypeOf('number')
    expect(run.metrics.confusionMatrix).toHaveLength(10)
    expect(run.metrics.perClass[0]).toHaveProperty('precision')
    expect(run.metrics.testSamples).toBe(100)
    expect(run.reproducibility.backend).toBe('wasm')
    expect(run.reproducibility.libraryVersions.tfjs).toBe('4.22.0')
    // The project's feed tells the story, and the launcher is told the result.
    const feed = await db().activityEvent.findMany({ where: { projectId: fixture.project.id,
      kind: { startsWith: 'run.' } }, orderBy: { createdAt: 'asc' } })
    const thisRun = feed.filter((event) =>
      (event.params as { runId?: string }).runId === launched.run.id)
    expect(thisRun.map((event) => event.kind)).toEqual(['run.launched', 'run.finished'])
    expect(thisRun[1].params).toMatchObject({ accuracy: expect.stringMatching(/^\d+\.\d\d%$/) })
    const told = await db().notification.findMany({ where: { userId: fixture.researcher.id,
      kind: 'run.finished' } })
    expect(told.map((notification) => notification.link)).toContain(`/runs/${run.id}`)
  })

  it('lists the project runs for a viewer', async () => {
    const response = await listRuns(bearer(tokens.viewer),
      { params: Promise.resolve({ projectId: fixture.project.id }) })

    expect(response.status).toBe(200)
    expect((await response.json()).runs.length).toBeGreaterThan(0)
  })

  it('cancels a queued run at once; a finished one cannot be cancelled', async () => {
    const launched = await (await launchAs(tokens.researcher, {
      datasetVersionId: fixture.version.id, epochs: 1, sampleLimit: 50,
    })).json()
    const context = { params: Promise.resolve({ runId: launched.run.id }) }

    const first = await cancel(bearer(tokens.researcher, { method: 'POST' }), context)
    const second = await cancel(bearer(tokens.researcher, { method: 'POST' }), context)

    expect(first.status).toBe(202)
    expect((await first.json()).run.status).toBe('CANCELLED')
    expect(second.status).toBe(409)
  })
})
