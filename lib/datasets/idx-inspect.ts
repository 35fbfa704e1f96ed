import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { DatasetFormatError } from '@/ml/datasets/dataset-format-error'
import {
  DEFAULT_MAX_IDX_BYTES,
  IDX_IMAGES_HEADER_BYTES,
  IDX_IMAGES_MAGIC,
  IDX_LABELS_HEADER_BYTES,
  IDX_LABELS_MAGIC,
} from '@/ml/datasets/idx'

// ml/datasets reads whole files into memory; an upload may be 1 GB, so this checks the
// same rules (magic, header, declared size, labels) while the bytes stream past.
// Colour images use IDX magic 0x0804: unsigned bytes in 4 dimensions (count, rows,
// cols, channels); MNIST-style grey images are 0x0803.
export const IDX_COLOUR_IMAGES_MAGIC = 0x00000804
const PREVIEW_SAMPLES = 32

export type IdxKind = 'images' | 'labels'

export type IdxInspection = {
  kind: IdxKind
  count: number
  shape: [rows: number, cols: number, channels: number]
  /** Samples per label value 0..255 (labels files only). */
  histogram: number[]
  /** sha256 and size of the raw (uncompressed) IDX bytes, as stored. */
  sha256: string
  sizeBytes: number
}

class IdxInspector extends Transform {
  private readonly header: Buffer
  private headerFilled = 0
  private expectedBody = -1
  private bodyBytes = 0
  private total = 0
  private readonly hash = createHash('sha256')
  count = 0
  shape: [number, number, number] = [1, 1, 1]
  readonly histogram = new Array<number>(256).fill(0)

  constructor(
    private readonly kind: IdxKind,
    private readonly source: string,
    private readonly maxBytes: number,
  ) {
    super()
    // Colour headers are 4 bytes longer; the magic decides which one applies.
    this.header = Buffer.alloc(IDX_IMAGES_HEADER_BYTES + 4)
  }

  get sha256(): string {
    return this.hash.digest('hex')
  }

  get sizeBytes(): number {
    return this.total
  }

  override _transform(chunk: Buffer, _: BufferEncoding, done: TransformCallback): void {
    this.total += chunk.length
    if (this.total > this.maxBytes) return done(tooLarge(this.source, this.maxBytes))
    this.hash.update(chunk)
    try {
      this.inspect(chunk)
    } catch (error) {
      return done(error as Error)
    }
    done(null, chunk)
  }

  override _flush(done: TransformCallback): void {
    try {
      this.finish()
      done()
    } catch (error) {
      done(error as Error)
    }
  }

  private inspect(chunk: Buffer): void {
    let body = chunk
    // The header's length is known only once its magic is read (colour headers are longer),
    // so it is filled in steps until complete.
    while (this.expectedBody < 0) {
      const taken = body.subarray(0, this.headerLength() - this.headerFilled)
      taken.copy(this.header, this.headerFilled)
      this.headerFilled += taken.length
      body = body.subarray(taken.length)
      if (this.headerFilled >= 4) this.checkMagic()
      if (this.headerFilled === this.headerLength()) this.readHeader()
      else if (body.length === 0) return
    }
    this.bodyBytes += body.length
    if (this.bodyBytes > this.expectedBody) throw this.trailing()
    if (this.kind === 'labels') for (const label of body) this.histogram[label] += 1
  }

  private headerLength(): number {
    if (this.kind === 'labels') return IDX_LABELS_HEADER_BYTES
    if (this.headerFilled >= 4 && this.header.readUInt32BE(0) === IDX_COLOUR_IMAGES_MAGIC) {
      return IDX_IMAGES_HEADER_BYTES + 4
    }
    return IDX_IMAGES_HEADER_BYTES
  }

  private checkMagic(): void {
    const magic = this.header.readUInt32BE(0)
    const accepted = this.kind === 'labels'
      ? [IDX_LABELS_MAGIC]
      : [IDX_IMAGES_MAGIC, IDX_COLOUR_IMAGES_MAGIC]
    if (accepted.includes(magic)) return
    const expected = this.kind === 'labels' ? 'label' : 'image'
    throw new DatasetFormatError('idx_bad_magic',
      `${this.source} is not an IDX ${expected} file: its magic number is ${hex(magic)} ` +
      `(${describeMagic(magic)}), expected ${hex(accepted[0])}. ` +
      'Check that the images and labels files are not swapped.', { source: this.source })
  }

  private readHeader(): void {
    const h = this.header
    this.count = h.readUInt32BE(4)
    if (this.kind === 'images') {
      const channels = h.readUInt32BE(0) === IDX_COLOUR_IMAGES_MAGIC ? h.readUInt32BE(16) : 1
      this.shape = [h.readUInt32BE(8), h.readUInt32BE(12), channels]
    }
    const perSample = this.shape[0] * this.shape[1] * this.shape[2]
    if (this.count === 0 || perSample === 0) {
      throw new DatasetFormatError('idx_empty',
        `${this.source} declares ${this.count} ${this.kind}` +
        (this.kind === 'images' ? ` of ${this.shape[0]}×${this.shape[1]} pixels` : '') +
        ': there is nothing to train on. Upload a file with at least one sample.',
      { source: this.source })
    }
    this.expectedBody = this.count * perSample
  }

  private finish(): void {
    if (this.expectedBody < 0) {
      throw new DatasetFormatError('idx_truncated',
        `${this.source} has only ${this.total} bytes, fewer than the header of an IDX ` +
        `${this.kind === 'labels' ? 'label' : 'image'} file. The upload may have been cut ` +
        'off: upload the file again.', { source: this.source })
    }
    if (this.bodyBytes < this.expectedBody) {
      throw new DatasetFormatError('idx_truncated',
        `${this.source} declares ${this.count} ${this.kind} (${this.expectedBody} bytes) but ` +
        `holds only ${this.bodyBytes} bytes after its header. The upload may have been ` +
        'cut off: upload the file again.', { source: this.source })
    }
  }

  private trailing(): DatasetFormatError {
    return new DatasetFormatError('idx_trailing_bytes',
      `${this.source} declares ${this.count} ${this.kind} (${this.expectedBody} bytes) but ` +
      'holds more bytes after them. Its header does not match its contents: re-export it.',
    { source: this.source })
  }
}

/**
 * Streams an uploaded IDX file (raw or gzip, detected by its magic 1f 8b) into `target`
 * as raw IDX, checking it on the way. Throws DatasetFormatError; the caller removes
 * `target` (it lives in a staging folder).
 */
export async function stageIdxFile(options: {
  from: string
  to: string
  kind: IdxKind
  source: string
  maxBytes?: number
  /** Only for tests of the chunk boundaries. */
  readChunkBytes?: number
}): Promise<IdxInspection> {
  const { from, to, kind, source } = options
  const inspector = new IdxInspector(kind, source, options.maxBytes ?? DEFAULT_MAX_IDX_BYTES)
  const gzip = await startsWithGzipMagic(from)
  const input = () => createReadStream(from, { highWaterMark: options.readChunkBytes })
  try {
    if (gzip) await pipeline(input(), createGunzip(), inspector, createWriteStream(to))
    else await pipeline(input(), inspector, createWriteStream(to))
  } catch (error) {
    if (error instanceof DatasetFormatError) throw error
    if (gzip && (error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
      throw new DatasetFormatError('idx_bad_gzip',
        `${source} starts like a gzip file but cannot be decompressed ` +
        `(${(error as Error).message}). Upload the file again, or upload it uncompressed.`,
      { source, cause: error })
    }
    throw error
  }
  return {
    kind,
    count: inspector.count,
    shape: inspector.shape,
    histogram: inspector.histogram,
    sha256: inspector.sha256,
    sizeBytes: inspector.sizeBytes,
  }
}

async function startsWithGzipMagic(file: string): Promise<boolean> {
  const handle = await open(file, 'r')
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0)
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b
  } finally {
    await handle.close()
  }
}

export function previewSampleCount(count: number): number {
  return Math.min(count, PREVIEW_SAMPLES)
}

function describeMagic(magic: number): string {
  if (magic === IDX_IMAGES_MAGIC) return 'an IDX image file'
  if (magic === IDX_LABELS_MAGIC) return 'an IDX label file'
  return 'not an IDX file Tandem reads'
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`
}

function tooLarge(source: string, maxBytes: number): DatasetFormatError {
  return new DatasetFormatError('idx_too_large',
    `${source} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB once decompressed, ` +
    'the most Tandem accepts for one file. Split the dataset or raise UPLOAD_LIMIT_MB.',
  { source })
}
