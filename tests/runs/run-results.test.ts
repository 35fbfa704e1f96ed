import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as compare } from '@/app/api/runs/compare/route'
import { GET as leaderboard } from '@/app/api/runs/leaderboard/route'
import { GET as misclassified } from '@/app/api/runs/[runId]/misclassified/route'
import { POST as attach } from '@/app/api/runs/[runId]/milestone/route'
import { GET as modelFile } from '@/app/api/runs/[runId]/model/[file]/route'
import { GET as report } from '@/app/api/runs/[runId]/report/route'
import { POST as rerun } from '@/app/api/runs/[runId]/rerun/route'
import { createApiToken } from '@/lib/auth/api-tokens'
import { useStagingRoot } from '@/lib/datasets/staging'
import { db } from '@/lib/db/client'
import { RunWorker } from '@/lib/queue/run-worker'
import { launchRun } from '@/lib/runs/launch'
import { setupTestDatabase, type TestDatabase } from '../helpers/db'
import { bearer, createRunFixture } from './helpers'

let database: TestDatabase
// Project members may train on the dataset but not download it or look at its images.
let fixture: Awaited<ReturnType<typeof createRunFixture>>
let researcher = ''
let viewer = ''
let firstRunId = ''
let againRunId = ''

async function drain(runs: number) {
  await new RunWorker({ kind: 'standalone', pollMs: 50, heartbeatMs: 200, maxRuns: runs })
    .start()
}

const runContext = (runId: string) => ({ params: Promise.resolve({ runId }) })

beforeAll(async () => {
  database = await setupTestDatabase()
  useStagingRoot(mkdtempSync(path.join(tmpdir(), 'tandem-staging-')))
  fixture = await createRunFixture({ projectLevel: 'TRAIN' })
  researcher = (await createApiToken(fixture.researcher.id, 'test')).token
  viewer = (await createApiToken(fixture.viewer.id, 'test')).token

  const first = await launchRun(fixture.researcher.id, fixture.project.id, {
    datasetVersionId: fixture.version.id, epochs: 2, sampleLimit: 200, seed: 11,
  })
  firstRunId = first.id
  await drain(1)
  const response = await rerun(bearer(researcher, { method: 'POST' }), runContext(first.id))
  againRunId = (await response.json()).run.id
  await drain(1)
})

afterAll(async () => {
  await database.close()
})

describe('reproducibility', () => {
  it('"run again" copies the configuration and reproduces the same metrics', async () => {
    const [first, again] = await Promise.all([firstRunId, againRunId].map((id) =>
      db().run.findUniqueOrThrow({ where: { id } })))

    expect(again.id).not.toBe(first.id)
    expect(again.config).toEqual(first.config)
    expect(again.seed).toBe(11)
    expect(again.status).toBe('SUCCEEDED')
    expect(again.metrics).toEqual({ ...(first.metrics as object),
      trainSeconds: (again.metrics as { trainSeconds: number }).trainSeconds,
      evaluateSeconds: (again.metrics as { evaluateSeconds: number }).evaluateSeconds,
      samplesPerSecond: (again.metrics as { samplesPerSecond: number }).samplesPerSecond })
  })

  it('the report download holds the configuration, checksum, backend and library versions',
    async () => {
      const response = await report(bearer(viewer), runContext(firstRunId))

      expect(response.headers.get('content-disposition')).toContain('attachment')
      const body = await response.json()
      expect(body.dataset.checksum).toBe(fixture.version.sha256)
      expect(body.reproducibility).toMatchObject({ seed: 11, backend: 'wasm',
        libraryVersions: { tfjs: '4.22.0' } })
      expect(body.learningCurves).toHaveLength(2)
      expect(body.evaluation.perClass).toHaveLength(10)
    })
})

describe('what a run reveals of its data', () => {
  it('the model downloads in TensorFlow.js format for a steward, and loads in stock TF.js',
    async () => {
      const json = await modelFile(bearer(researcher),
        { params: Promise.resolve({ runId: firstRunId, file: 'model.json' }) })
      const weights = await modelFile(bearer(researcher),
        { params: Promise.resolve({ runId: firstRunId, file: 'weights.bin' }) })

      expect(json.status).toBe(200)
      const model = await json.json()
      expect(model.format).toBe('layers-model')
      expect(model.weightsManifest[0].paths).toEqual(['weights.bin'])
      const weightData = await weights.arrayBuffer()
      const loaded = await tf.loadLayersModel(tf.io.fromMemory({
        modelTopology: model.modelTopology,
        weightSpecs: model.weightsManifest[0].weights,
        weightData,
      }))
      const output = loaded.predict(tf.zeros([2, 28, 28, 1])) as tf.Tensor
      expect(output.shape).toEqual([2, 10])
    })

  it('a member who may only train gets neither the model nor the images', async () => {
    const model = await modelFile(bearer(viewer),
      { params: Promise.resolve({ runId: firstRunId, file: 'model.json' }) })
    const images = await misclassified(bearer(viewer), runContext(firstRunId))

    expect(model.status).toBe(403)
    expect(images.status).toBe(403)
  })

  it('misclassified test images come with their pixels for a steward', async () => {
    const response = await misclassified(bearer(researcher), runContext(firstRunId))

    const body = await response.json()
    expect(body.shape).toEqual([28, 28, 1])
    expect(body.examples[0].pixels).toHaveLength(784)
    expect(body.examples[0].label).not.toBe(body.examples[0].predicted)
  })
})

describe('leaderboards, comparisons and milestones', () => {
  it('ranks the succeeded runs of a dataset version by the chosen metric', async () => {
    const url = `http://test.local/api/runs/leaderboard?datasetVersionId=${fixture.version.id}` +
      '&metric=loss'
    const response = await leaderboard(bearer(viewer, {}, url), undefined as never)

    const body = await response.json()
    expect(body.entries.map((entry: { run: { id: string } }) => entry.run.id).sort())
      .toEqual([firstRunId, againRunId].sort())
    expect(body.entries[0].score).toBeLessThanOrEqual(body.entries[1].score)
  })

  it('compares runs side by side, and asks for at least two', async () => {
    const ok = await compare(bearer(viewer, {},
      `http://test.local/api/runs/compare?ids=${firstRunId},${againRunId}`), undefined as never)
    const one = await compare(bearer(viewer, {},
      `http://test.local/api/runs/compare?ids=${firstRunId}`), undefined as never)

    expect((await ok.json()).runs).toHaveLength(2)
    expect(one.status).toBe(422)
  })

  it('attaches a report to a milestone of the project; a viewer may not', async () => {
    const milestone = await db().milestone.create({ data: { projectId: fixture.project.id,
      title: 'Baseline', dueDate: new Date(Date.now() + 86_400_000) } })
    const body = JSON.stringify({ milestoneId: milestone.id })

    const refused = await attach(bearer(viewer, { method: 'POST', body }), runContext(firstRunId))
    const done = await attach(bearer(researcher, { method: 'POST', body }), runContext(firstRunId))

    expect(refused.status).toBe(403)
    expect(done.status).toBe(200)
    const row = await db().milestone.findUniqueOrThrow({ where: { id: milestone.id } })
    expect(row.deliverableRunId).toBe(firstRunId)
  })
})
