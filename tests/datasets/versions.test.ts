import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIdxDatasetVersion, loadDatasetVersionForTraining } from '@/lib/datasets/versions'
import { findIdxPairFiles, mnistDirectory } from '@/ml/datasets/idx-pair'
import { setupTestDatabase, type TestDatabase } from '../helpers/db'
import { createOrganization, createProject, createUser } from '../helpers/fixtures'
import { idxImages, leftovers, smallIdxPair, useTestStaging } from './helpers'

let database: TestDatabase & { storageRoot: string }
let staging: string
let owner: { projectId: string; organizationId: string; createdById: string }

beforeAll(async () => {
  database = await setupTestDatabase()
  staging = useTestStaging()
  const org = await createOrganization('COMPANY')
  const user = await createUser({ organizationId: org.id })
  const project = await createProject({ createdById: user.id,
    members: [{ userId: user.id, organizationId: org.id, role: 'OWNER' }] })
  owner = { projectId: project.id, organizationId: org.id, createdById: user.id }
})
afterAll(async () => { await database.close() })

const streams = (files: Record<string, Buffer>) =>
  Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Readable.from([v])])) as never

describe('dataset versions from IDX files', () => {
  it('a bad file leaves no dataset, no stored file and no temporary file', async () => {
    const files = { ...smallIdxPair(), trainImages: idxImages(20).subarray(0, 100) }

    const attempt = createIdxDatasetVersion({ ...owner, name: 'broken', files: streams(files) })

    await expect(attempt).rejects.toMatchObject({ code: 'idx_truncated' })
    expect(await leftovers(database.storageRoot, staging))
      .toEqual({ datasets: 0, versions: 0, storedFiles: 0, staged: 0 })
  })

  it('the real MNIST becomes version 1 with its metadata, and loads for training', async () => {
    const started = Date.now()

    const { dataset, version } = await createIdxDatasetVersion({
      ...owner, name: 'MNIST', files: await findIdxPairFiles(mnistDirectory()),
    })
    const seconds = (Date.now() - started) / 1000
    const sets = await loadDatasetVersionForTraining(version.id)

    expect(seconds).toBeLessThan(15)
    expect(version.version).toBe(1)
    expect(version.storageKey).toBe(`datasets/${dataset.id}/v1/`)
    expect(version.sha256).toMatch(/^[0-9a-f]{64}$/)
    const metadata = version.metadata as Record<string, unknown>
    expect(metadata).toMatchObject({ format: 'IDX', train: { samples: 60000 },
      test: { samples: 10000 }, classes: 10, shape: [28, 28, 1] })
    expect(sets.train.count).toBe(60000)
    expect(sets.test.numClasses).toBe(10)
    expect(sets.train.images.length).toBe(60000 * 784)
  })

  it('a gzip upload of a new version gets the next number and the same checksums', async () => {
    const first = await createIdxDatasetVersion({ ...owner, name: 'small',
      files: streams(smallIdxPair()) })

    const second = await createIdxDatasetVersion({ ...owner, name: 'small',
      datasetId: first.dataset.id, files: streams(smallIdxPair({ gzip: true })) })

    expect(second.version.version).toBe(2)
    expect(second.version.sha256).toBe(first.version.sha256)
    expect((await leftovers(database.storageRoot, staging)).staged).toBe(0)
  })
})

describe('streamed IDX checks', () => {
  it('a colour IDX file read a few bytes at a time is understood', async () => {
    const { stageIdxFile } = await import('@/lib/datasets/idx-inspect')
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const path = await import('node:path')
    const dir = mkdtempSync(path.join(staging, '..', 'colour-'))
    const header = Buffer.alloc(20)
    ;[0x804, 2, 3, 3, 3].forEach((value, i) => header.writeUInt32BE(value, i * 4))
    writeFileSync(path.join(dir, 'in'), Buffer.concat([header, Buffer.alloc(2 * 27, 9)]))

    const inspection = await stageIdxFile({ from: path.join(dir, 'in'), kind: 'images',
      to: path.join(dir, 'out'), source: 'colour', readChunkBytes: 3 })

    expect(inspection).toMatchObject({ count: 2, shape: [3, 3, 3], sizeBytes: 74 })
  })
})
