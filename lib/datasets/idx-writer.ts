import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from '@/ml/datasets/idx'
import { IDX_COLOUR_IMAGES_MAGIC } from './idx-inspect'

/** Writes an IDX file whose sample count is known up front, one sample at a time. */
export class IdxWriter {
  private readonly out: WriteStream

  constructor(readonly path: string, count: number,
    shape: [rows: number, cols: number, channels: number] | 'labels') {
    this.out = createWriteStream(path)
    const header = shape === 'labels' ? [IDX_LABELS_MAGIC, count]
      : shape[2] === 1 ? [IDX_IMAGES_MAGIC, count, shape[0], shape[1]]
        : [IDX_COLOUR_IMAGES_MAGIC, count, shape[0], shape[1], shape[2]]
    const bytes = Buffer.alloc(header.length * 4)
    header.forEach((value, i) => bytes.writeUInt32BE(value, i * 4))
    this.out.write(bytes)
  }

  /** Respects back-pressure, so a large conversion never piles up in memory. */
  async write(bytes: Uint8Array): Promise<void> {
    if (!this.out.write(bytes)) await once(this.out, 'drain')
  }

  async close(): Promise<void> {
    this.out.end()
    await once(this.out, 'finish')
  }
}

/** A small seeded generator (mulberry32): the same seed draws the same split. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
