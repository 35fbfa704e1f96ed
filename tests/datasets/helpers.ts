import { mkdtempSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { useStagingRoot } from '@/lib/datasets/staging'
import { db } from '@/lib/db/client'

/** A private staging folder for a test file, to check that nothing is left in it. */
export function useTestStaging(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tandem-staging-'))
  useStagingRoot(dir)
  return dir
}

export function idxImages(count: number, rows = 4, cols = 4, fill = (i: number) => i % 256) {
  const header = Buffer.alloc(16)
  header.writeUInt32BE(0x803, 0)
  header.writeUInt32BE(count, 4)
  header.writeUInt32BE(rows, 8)
  header.writeUInt32BE(cols, 12)
  const body = Buffer.alloc(count * rows * cols)
  for (let i = 0; i < body.length; i++) body[i] = fill(i)
  return Buffer.concat([header, body])
}

export function idxLabels(labels: number[]) {
  const header = Buffer.alloc(8)
  header.writeUInt32BE(0x801, 0)
  header.writeUInt32BE(labels.length, 4)
  return Buffer.concat([header, Buffer.from(labels)])
}

/** Four small valid IDX files: 20 training and 10 test images of 4×4, 3 classes. */
export function smallIdxPair(options: { gzip?: boolean } = {}) {
  const wrap = (bytes: Buffer) => (options.gzip ? gzipSync(bytes) : bytes)
  return {
    trainImages: wrap(idxImages(20)),
    trainLabels: wrap(idxLabels(Array.from({ length: 20 }, (_, i) => i % 3))),
    testImages: wrap(idxImages(10)),
    testLabels: wrap(idxLabels(Array.from({ length: 10 }, (_, i) => i % 3))),
  }
}

/** Everything an upload could have left behind: rows, stored files, staged files. */
export async function leftovers(storageRoot: string, stagingDir: string) {
  const files = await readdir(path.join(storageRoot, 'datasets'), { recursive: true })
    .catch(() => [] as string[])
  return {
    datasets: await db().dataset.count(),
    versions: await db().datasetVersion.count(),
    storedFiles: files.length,
    staged: (await readdir(stagingDir)).length,
  }
}

/** A multipart upload request as a browser or script sends it. */
export function uploadRequest(url: string, token: string | null,
  fields: Record<string, string>, files: Record<string, { bytes: Buffer; name?: string }>) {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  for (const [key, file] of Object.entries(files)) {
    form.append(key, new Blob([new Uint8Array(file.bytes)]), file.name ?? key)
  }
  return new Request(url, { method: 'POST', body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {} })
}

export function idxUploadFiles(pair: Record<string, Buffer>) {
  return Object.fromEntries(Object.entries(pair).map(([k, bytes]) => [k, { bytes }]))
}
