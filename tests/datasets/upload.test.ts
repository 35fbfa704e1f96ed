import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as listDatasets, POST as uploadDataset }
  from '@/app/api/projects/[projectId]/datasets/route'
import { POST as uploadVersion } from '@/app/api/datasets/[datasetId]/versions/route'
import { createApiToken } from '@/lib/auth/api-tokens'
import { setupTestDatabase, type TestDatabase } from '../helpers/db'
import { createOrganization, createProject, createUser } from '../helpers/fixtures'
import {
  idxImages, idxLabels, idxUploadFiles, leftovers, smallIdxPair, uploadRequest, useTestStaging,
} from './helpers'

let database: TestDatabase & { storageRoot: string }
let staging: string
let projectId: string
let researcher: string
let viewer: string

beforeAll(async () => {
  database = await setupTestDatabase()
  staging = useTestStaging()
  const org = await createOrganization('UNIVERSITY')
  const a = await createUser({ organizationId: org.id })
  const b = await createUser({ organizationId: org.id })
  projectId = (await createProject({ createdById: a.id, members: [
    { userId: a.id, organizationId: org.id, role: 'RESEARCHER' },
    { userId: b.id, organizationId: org.id, role: 'VIEWER' },
  ] })).id
  researcher = (await createApiToken(a.id, 'test')).token
  viewer = (await createApiToken(b.id, 'test')).token
})
afterAll(async () => { await database.close() })

const url = () => `http://test/api/projects/${projectId}/datasets`
const params = () => ({ params: Promise.resolve({ projectId }) })

describe('uploading an IDX dataset through the API', () => {
  it('a researcher uploads a gzip IDX pair and the project lists it', async () => {
    const request = uploadRequest(url(), researcher, { name: 'digits', licence: 'CC-BY-4.0' },
      idxUploadFiles(smallIdxPair({ gzip: true })))

    const response = await uploadDataset(request, params())
    const list = await (await listDatasets(
      new Request(url(), { headers: { authorization: `Bearer ${researcher}` } }), params())).json()

    expect(response.status).toBe(201)
    const body = await response.json()
    expect(body.version.metadata).toMatchObject({ format: 'IDX', classes: 3,
      train: { samples: 20 }, test: { samples: 10 }, shape: [4, 4, 1],
      classBalance: { train: [7, 7, 6], test: [4, 3, 3] } })
    expect(list.datasets.map((d: { name: string }) => d.name)).toEqual(['digits'])
    expect(list.datasets[0].card.licence).toBe('CC-BY-4.0')
  })

  it.each([
    ['wrong magic number', { trainImages: idxLabels([1, 2]) }, 'idx_bad_magic'],
    ['truncated images', { testImages: idxImages(10).subarray(0, 60) }, 'idx_truncated'],
    ['count mismatch', { trainLabels: idxLabels([0, 1, 2]) }, 'idx_count_mismatch'],
    ['label out of range', { testLabels: idxLabels([0, 1, 2, 9, 0, 1, 2, 0, 1, 2]) },
      'idx_label_out_of_range'],
  ])('%s is refused with a clear message and leaves nothing', async (_, bad, reason) => {
    const before = await leftovers(database.storageRoot, staging)
    const files = idxUploadFiles({ ...smallIdxPair(), ...bad })

    const response = await uploadDataset(
      uploadRequest(url(), researcher, { name: `bad-${reason}` }, files), params())

    expect(response.status).toBe(422)
    const body = await response.json()
    expect(body.error).toMatchObject({ code: 'invalid_dataset', reason })
    expect(body.error.message.length).toBeGreaterThan(40)
    expect(await leftovers(database.storageRoot, staging)).toEqual(before)
  })

  it('a viewer may not upload', async () => {
    const response = await uploadDataset(uploadRequest(url(), viewer, { name: 'v' },
      idxUploadFiles(smallIdxPair())), params())

    expect(response.status).toBe(403)
  })

  it('a new version in another format is refused and leaves the dataset as it was', async () => {
    const created = await (await uploadDataset(uploadRequest(url(), researcher,
      { name: 'formats' }, idxUploadFiles(smallIdxPair())), params())).json()
    const datasetId = created.dataset.id
    const before = await leftovers(database.storageRoot, staging)

    const response = await uploadVersion(uploadRequest(`http://test/api/datasets/${datasetId}`
      + '/versions', researcher, { format: 'CSV' },
    { train: { bytes: Buffer.from('a,label\n1,0\n2,1\n3,0\n'), name: 't.csv' } }),
    { params: Promise.resolve({ datasetId }) })

    expect(response.status).toBe(409)
    expect((await response.json()).error.message).toMatch(/holds IDX versions/)
    expect(await leftovers(database.storageRoot, staging)).toEqual(before)
  })
})
