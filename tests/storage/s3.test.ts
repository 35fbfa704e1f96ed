// The S3 driver against a real S3-compatible server (s3rver in a child process).
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as downloadFile }
  from '@/app/api/datasets/[datasetId]/versions/[version]/files/[file]/route'
import { POST as uploadDataset } from '@/app/api/projects/[projectId]/datasets/route'
import { createApiToken } from '@/lib/auth/api-tokens'
import { loadDatasetVersionForTraining } from '@/lib/datasets/versions'
import { storage, useStorage } from '@/lib/storage'
import type { S3Storage } from '@/lib/storage/s3'
import {
  idxLabels, idxUploadFiles, smallIdxPair, uploadRequest, useTestStaging,
} from '../datasets/helpers'
import { setupTestDatabase, type TestDatabase } from '../helpers/db'
import { createOrganization, createProject, createUser } from '../helpers/fixtures'
import { startS3Emulator, type S3Emulator } from '../helpers/s3-emulator'
import { storageContract } from './contract'

const MiB = 1024 * 1024

let emulator: S3Emulator
let s3: S3Storage

beforeAll(async () => {
  emulator = await startS3Emulator()
  s3 = await emulator.storage()
})
afterAll(async () => { await emulator?.stop() })

storageContract('S3', () => s3)

/** `count` chunks of 1 MiB, each filled with its own number, as a file read from disk. */
function mebibytes(count: number): { stream: Readable; sha256: string } {
  const chunks = Array.from({ length: count }, (_, i) => Buffer.alloc(MiB, i + 1))
  const sha256 = createHash('sha256').update(Buffer.concat(chunks)).digest('hex')
  return { stream: Readable.from(chunks), sha256 }
}

describe('the S3 driver with large files and many objects', () => {
  it('a stream larger than one part goes up in parts and reads back whole', async () => {
    const { stream, sha256 } = mebibytes(12)

    const result = await s3.put('large/train-images-idx3-ubyte', stream)
    const back = await s3.read('large/train-images-idx3-ubyte')

    expect(result.sizeBytes).toBe(12 * MiB)
    expect(back.length).toBe(12 * MiB)
    expect(createHash('sha256').update(back).digest('hex')).toBe(sha256)
  })

  it('a multipart upload whose stream fails after the first part leaves no object', async () => {
    let sent = false
    const stream = new Readable({
      read() {
        if (sent) return
        sent = true
        this.push(Buffer.alloc(6 * MiB, 7))
        setTimeout(() => this.destroy(new Error('upload cut off')), 200)
      },
    })

    // s3rver has no AbortMultipartUpload, so the rejection may carry its refusal of the
    // abort rather than the stream's error; S3 and MinIO abort and discard the parts.
    await expect(s3.put('large/cut-off', stream)).rejects.toThrow()

    expect(await s3.exists('large/cut-off')).toBe(false)
    expect(await s3.list('large/')).not.toContain('large/cut-off')
  })

  it('more than a thousand objects are listed across pages and deleted in batches',
    async () => {
      const keys = Array.from({ length: 1005 }, (_, i) => `many/run-${i}/metrics.json`)
      for (let start = 0; start < keys.length; start += 25) {
        await Promise.all(keys.slice(start, start + 25)
          .map((key) => s3.put(key, Buffer.from('{}'))))
      }
      await s3.put('many-kept/notes', Buffer.from('kept'))

      const listed = await s3.list('many/')
      await s3.delete('many/')

      expect(listed).toEqual([...keys].sort())
      expect(await s3.list('many/')).toEqual([])
      expect(await s3.list('many-kept/')).toEqual(['many-kept/notes'])
    }, 120_000)
})

describe('datasets stored in S3', () => {
  let database: TestDatabase
  let projectId: string
  let token: string

  beforeAll(async () => {
    database = await setupTestDatabase()
    useTestStaging()
    useStorage(await emulator.storage())
    const org = await createOrganization('UNIVERSITY')
    const user = await createUser({ organizationId: org.id })
    projectId = (await createProject({ createdById: user.id, members: [
      { userId: user.id, organizationId: org.id, role: 'RESEARCHER' },
    ] })).id
    token = (await createApiToken(user.id, 'test')).token
  })
  afterAll(async () => { await database?.close() })

  const upload = (name: string, files: Record<string, Buffer>) => uploadDataset(
    uploadRequest(`http://test/api/projects/${projectId}/datasets`, token, { name },
      idxUploadFiles(files)), { params: Promise.resolve({ projectId }) })

  it('an uploaded IDX dataset is read back from the bucket for training', async () => {
    const pair = smallIdxPair({ gzip: true })

    const response = await upload('digits in S3', pair)
    const { dataset, version } = await response.json()
    const sets = await loadDatasetVersionForTraining(version.id)

    expect(response.status).toBe(201)
    expect(await storage().list(`datasets/${dataset.id}/`)).toHaveLength(4)
    expect(sets.train.count).toBe(20)
    expect(sets.test.count).toBe(10)
    expect(sets.train.images.length).toBe(20 * 16)
    expect(Array.from(sets.test.labels.slice(0, 4))).toEqual([0, 1, 2, 0])
  })

  it('a stored file downloads from the bucket byte for byte', async () => {
    const created = await (await upload('download me', smallIdxPair())).json()
    const file = created.version.metadata.files[0]

    const response = await downloadFile(new Request('http://test/api/download', {
      headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({
      datasetId: created.dataset.id, version: '1', file: file.name }) })
    const bytes = Buffer.from(await response.arrayBuffer())

    expect(response.status).toBe(200)
    expect(bytes.length).toBe(file.sizeBytes)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256)
  })

  it('a refused upload leaves nothing in the bucket', async () => {
    const before = await storage().list('datasets/')

    const response = await upload('bad labels', { ...smallIdxPair(),
      trainLabels: idxLabels([0, 1, 2]) })

    expect(response.status).toBe(422)
    expect(await storage().list('datasets/')).toEqual(before)
  })
})
