import sharp from 'sharp'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as uploadDataset } from '@/app/api/projects/[projectId]/datasets/route'
import { createApiToken } from '@/lib/auth/api-tokens'
import { db } from '@/lib/db/client'
import { setupTestDatabase, type TestDatabase } from '../helpers/db'
import { createOrganization, createProject, createUser } from '../helpers/fixtures'
import {
  idxImages, idxLabels, idxUploadFiles, leftovers, smallIdxPair, uploadRequest, useTestStaging,
} from './helpers'
import { makeZip } from './zip-fixture'

let database: TestDatabase & { storageRoot: string }
let staging: string
let projectId: string
let token: string

beforeAll(async () => {
  database = await setupTestDatabase()
  staging = useTestStaging()
  const org = await createOrganization('COMPANY')
  const user = await createUser({ organizationId: org.id })
  projectId = (await createProject({ createdById: user.id,
    members: [{ userId: user.id, organizationId: org.id, role: 'OWNER' }] })).id
  token = (await createApiToken(user.id, 'test')).token
})
afterAll(async () => { await database.close() })

const png = (shade: number) => sharp({ create: { width: 8, height: 8, channels: 3,
  background: { r: shade, g: shade, b: shade } } }).png().toBuffer()

async function upload(fields: Record<string, string>,
  files: Record<string, { bytes: Buffer; name?: string }>) {
  const request = uploadRequest(`http://test/api/projects/${projectId}/datasets`, token,
    { name: `upload-${Math.random()}`, ...fields }, files)
  return uploadDataset(request, { params: Promise.resolve({ projectId }) })
}

const csv = (text: string) => ({ train: { bytes: Buffer.from(text), name: 'table.csv' } })
const zip = async (entries: { name: string; data: Buffer }[]) =>
  ({ archive: { bytes: makeZip(entries), name: 'images.zip' } })

const corpus: [string, () => Promise<[Record<string, string>, Record<string, { bytes: Buffer;
  name?: string }>]>, string][] = [
  ['a truncated IDX images file', async () => [{}, idxUploadFiles({ ...smallIdxPair(),
    trainImages: idxImages(20).subarray(0, 200) })], 'idx_truncated'],
  ['mislabeled IDX (a test label beyond the classes)', async () => [{ classes: '3' },
    idxUploadFiles({ ...smallIdxPair(), testLabels: idxLabels([0, 1, 2, 7, 0, 1, 2, 0, 1, 2]) })],
  'idx_label_out_of_range'],
  ['an IDX file with the wrong magic number', async () => [{}, idxUploadFiles({
    ...smallIdxPair(), testLabels: idxImages(10) })], 'idx_bad_magic'],
  ['images and labels counts that differ', async () => [{}, idxUploadFiles({
    ...smallIdxPair(), testLabels: idxLabels([0, 1, 2]) })], 'idx_count_mismatch'],
  ['an IDX file with bytes after the declared data', async () => [{}, idxUploadFiles({
    ...smallIdxPair(), trainLabels: Buffer.concat([idxLabels(new Array(20).fill(1)),
      Buffer.from([1])]) })], 'idx_trailing_bytes'],
  ['a broken gzip file', async () => [{}, idxUploadFiles({ ...smallIdxPair(),
    trainImages: gzipSync(idxImages(20)).subarray(0, 40) })], 'idx_bad_gzip'],
  ['an empty file', async () => [{}, idxUploadFiles({ ...smallIdxPair(),
    testImages: Buffer.alloc(0) })], 'upload_empty'],
  ['a missing IDX file', async () => [{}, idxUploadFiles({ trainImages: idxImages(2) })],
    'upload_missing_file'],
  ['a ragged CSV', async () => [{ format: 'CSV' }, csv('a,b,label\n1,2,0\n3,1\n4,5,1\n')],
    'csv_ragged'],
  ['a non-numeric CSV feature', async () => [{ format: 'CSV' },
    csv('a,b,label\n1,2,0\n3,x,1\n4,5,1\n')], 'csv_non_numeric'],
  ['an empty CSV', async () => [{ format: 'CSV' }, csv('\n')], 'csv_empty'],
  ['a CSV with only a header', async () => [{ format: 'CSV' }, csv('a,b,label\n')],
    'csv_empty'],
  ['a CSV without the named label column', async () => [{ format: 'CSV', labelColumn: 'y' },
    csv('a,b,label\n1,2,0\n3,4,1\n')], 'csv_label_column_missing'],
  ['a CSV with one class only', async () => [{ format: 'CSV' },
    csv('a,b,label\n1,2,0\n3,4,0\n5,6,0\n')], 'csv_one_class'],
  ['a ZIP with a ../ entry', async () => [{ format: 'IMAGE_ZIP' }, await zip([
    { name: 'cats/a.png', data: await png(10) }, { name: '../evil.png', data: await png(20) },
  ])], 'zip_unsafe_path'],
  ['a ZIP bomb', async () => [{ format: 'IMAGE_ZIP' }, await zip([
    { name: 'cats/a.png', data: await png(10) },
    { name: 'dogs/huge.png', data: Buffer.alloc(8 * 1024 * 1024) },
  ])], 'zip_too_large_unpacked'],
  ['a non-image file in a class folder', async () => [{ format: 'IMAGE_ZIP' }, await zip([
    { name: 'cats/a.png', data: await png(10) }, { name: 'dogs/notes.txt',
      data: Buffer.from('hello') },
  ])], 'zip_not_image'],
  ['an image file that is not an image', async () => [{ format: 'IMAGE_ZIP' }, await zip([
    { name: 'cats/a.png', data: await png(10) }, { name: 'cats/b.png', data: await png(30) },
    { name: 'dogs/c.png', data: Buffer.from('not a png') },
    { name: 'dogs/d.png', data: await png(90) },
  ])], 'zip_not_image'],
  ['a ZIP with one class only', async () => [{ format: 'IMAGE_ZIP' }, await zip([
    { name: 'cats/a.png', data: await png(10) }, { name: 'cats/b.png', data: await png(20) },
  ])], 'zip_one_class'],
  ['a file that is not a ZIP', async () => [{ format: 'IMAGE_ZIP' },
    { archive: { bytes: Buffer.from('PK but not really a zip file at all'), name: 'x.zip' } }],
  'zip_invalid'],
]

describe('the bad-input corpus', () => {
  it.each(corpus)('%s is refused with a clear code and leaves nothing', async (_, make, code) => {
    const [fields, files] = await make()

    const response = await upload(fields, files)

    const body = await response.json()
    expect(response.status).toBe(422)
    expect(body.error).toMatchObject({ code: 'invalid_dataset', reason: code })
    expect(body.error.message).toMatch(/^.{30,}\.$/s)
    expect(await leftovers(database.storageRoot, staging))
      .toEqual({ datasets: 0, versions: 0, storedFiles: 0, staged: 0 })
  })
})

describe('CSV and image ZIP uploads that are fine', () => {
  it('a CSV becomes a version with a seeded split and named classes', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i},${i * 2},${i % 2 ? 'yes' : 'no'}`)

    const response = await upload({ format: 'CSV', labelColumn: 'answer', seed: '7' },
      csv(`x,y,answer\n${rows.join('\n')}\n`))

    const { version, error } = await response.json()
    expect(error).toBeUndefined()
    expect(response.status).toBe(201)
    expect(version.metadata).toMatchObject({ format: 'CSV', classes: 2, shape: [1, 2, 1],
      classNames: ['no', 'yes'] })
    expect(version.metadata.train.samples + version.metadata.test.samples).toBe(50)
  })

  it('a ZIP of class folders becomes grey 16×16 images', async () => {
    const entries = []
    for (let i = 0; i < 10; i++) {
      entries.push({ name: `pets/cats/${i}.png`, data: await png(i * 5) })
      entries.push({ name: `pets/dogs/${i}.png`, data: await png(200 + i * 5) })
    }

    const response = await upload({ format: 'IMAGE_ZIP', imageSize: '16', testFraction: '0.3' },
      await zip(entries))

    expect(response.status).toBe(201)
    const { version } = await response.json()
    expect(version.metadata).toMatchObject({ format: 'IMAGE_ZIP', classes: 2,
      shape: [16, 16, 1], classNames: ['cats', 'dogs'] })
    expect(await db().datasetVersion.count()).toBe(2)
    expect((await leftovers(database.storageRoot, staging)).staged).toBe(0)
  })

  it('a colour ZIP keeps three channels and loads for training', async () => {
    const { loadDatasetVersionForTraining } = await import('@/lib/datasets/versions')
    const entries = []
    for (let i = 0; i < 6; i++) {
      entries.push({ name: `red/${i}.png`, data: await png(40 * i) })
      entries.push({ name: `blue/${i}.jpg`, data: await sharp({ create: { width: 5,
        height: 7, channels: 3, background: { r: 0, g: 0, b: 255 } } }).jpeg().toBuffer() })
    }

    const response = await upload({ format: 'IMAGE_ZIP', imageSize: '6', colour: 'rgb' },
      await zip(entries))
    const { version } = await response.json()
    const sets = await loadDatasetVersionForTraining(version.id)

    expect(version.metadata.shape).toEqual([6, 6, 3])
    expect(sets.train.count + sets.test.count).toBe(12)
    expect(sets.train.images.length).toBe(sets.train.count * 6 * 6 * 3)
    expect(sets.train.numClasses).toBe(2)
  })
})
