import type { Readable } from 'node:stream'
import { storage } from '@/lib/storage'
import { CANONICAL_NAMES, type VersionMetadata } from './versions'

const COLUMNS = 8
const SAMPLES = 32
const CELL_PIXELS = 56

/** Reads the first `bytes` of a stream, then stops it: no more of the file is read. */
async function readPrefix(stream: Readable, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer)
    length += (chunk as Buffer).length
    if (length >= bytes) break
  }
  stream.destroy()
  return Buffer.concat(chunks).subarray(0, bytes)
}

/**
 * A PNG grid of the first training images of a version. Only for users with download
 * access: it shows samples, which train-only users must never see.
 */
export async function previewGrid(storageKey: string, metadata: VersionMetadata) {
  const [rows, cols, channels] = metadata.shape
  const count = Math.min(SAMPLES, metadata.train.samples)
  const header = channels === 1 ? 16 : 20
  const perImage = rows * cols * channels
  const prefix = await readPrefix(await storage().get(storageKey + CANONICAL_NAMES.trainImages),
    header + count * perImage)

  const gridColumns = Math.min(COLUMNS, count)
  const gridRows = Math.ceil(count / gridColumns)
  const grid = Buffer.alloc(gridRows * rows * gridColumns * cols * channels)
  for (let i = 0; i < count; i++) {
    const top = Math.floor(i / gridColumns) * rows
    const left = (i % gridColumns) * cols
    for (let y = 0; y < rows; y++) {
      const from = header + i * perImage + y * cols * channels
      const to = ((top + y) * gridColumns * cols + left) * channels
      prefix.copy(grid, to, from, from + cols * channels)
    }
  }
  const scale = Math.max(1, Math.round(CELL_PIXELS / Math.max(rows, cols)))
  const { default: sharp } = await import('sharp')
  return sharp(grid, { raw: { width: gridColumns * cols, height: gridRows * rows,
    channels: channels as 1 | 3 } })
    .resize({ width: gridColumns * cols * scale, kernel: 'nearest' })
    .png()
    .toBuffer()
}
