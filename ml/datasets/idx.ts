import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { DatasetFormatError } from './dataset-format-error';

// The IDX format (http://yann.lecun.com/exdb/mnist/): a big-endian 32-bit magic number
// whose third byte is the element type and fourth byte the number of dimensions, one
// big-endian 32-bit size per dimension, then the elements, row-major.
export const IDX_IMAGES_MAGIC = 0x00000803; // unsigned bytes, 3 dimensions: count, rows, cols
export const IDX_LABELS_MAGIC = 0x00000801; // unsigned bytes, 1 dimension: count
export const IDX_IMAGES_HEADER_BYTES = 16;
export const IDX_LABELS_HEADER_BYTES = 8;

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const IDX_TYPE_NAMES: Record<number, string> = {
  0x08: 'unsigned bytes',
  0x09: 'signed bytes',
  0x0b: '16-bit integers',
  0x0c: '32-bit integers',
  0x0d: '32-bit floats',
  0x0e: '64-bit floats',
};

/** Guards the server against gzip bombs; the MNIST training images are 47 MB. */
export const DEFAULT_MAX_IDX_BYTES = 1024 * 1024 * 1024;

export interface IdxReadOptions {
  /** Name used in error messages, e.g. the uploaded file's name. */
  source?: string;
  /** Refuse files larger than this once decompressed. */
  maxBytes?: number;
}

export interface IdxLabelReadOptions extends IdxReadOptions {
  /** When given, every label must be below it. */
  numClasses?: number;
}

export interface IdxImages {
  /** `count` images of `rows` × `cols` unsigned bytes, row-major. */
  images: Uint8Array;
  count: number;
  rows: number;
  cols: number;
}

export interface IdxLabels {
  labels: Uint8Array;
  count: number;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** The raw IDX bytes of a file that may be gzip-compressed (detected by its magic 1f 8b). */
export function decompressIdx(bytes: Uint8Array, options: IdxReadOptions = {}): Uint8Array {
  const source = options.source ?? 'the file';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IDX_BYTES;

  if (!isGzip(bytes)) {
    if (bytes.length > maxBytes) throw tooLarge(source, maxBytes);
    return bytes;
  }

  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(source, maxBytes);
    }
    throw new DatasetFormatError(
      'idx_bad_gzip',
      `${source} starts like a gzip file but cannot be decompressed ` +
        `(${(error as Error).message}). Upload the file again, or upload it uncompressed.`,
      { source, cause: error },
    );
  }
}

/** Reads an IDX image file (magic 0x00000803), raw or gzip-compressed. */
export function parseIdxImages(bytes: Uint8Array, options: IdxReadOptions = {}): IdxImages {
  const source = options.source ?? 'the images file';
  const data = decompressIdx(bytes, options);

  checkHeader(data, IDX_IMAGES_MAGIC, IDX_IMAGES_HEADER_BYTES, source);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = view.getUint32(4);
  const rows = view.getUint32(8);
  const cols = view.getUint32(12);

  if (count === 0 || rows === 0 || cols === 0) {
    throw new DatasetFormatError(
      'idx_empty',
      `${source} declares ${count} images of ${rows}×${cols} pixels: there is nothing to ` +
        'train on. Upload a file with at least one non-empty image.',
      { source },
    );
  }
  const pixelBytes = count * rows * cols;
  checkBodyLength(data, IDX_IMAGES_HEADER_BYTES, pixelBytes, source,
    `${count} images of ${rows}×${cols} pixels`);

  return {
    images: data.subarray(IDX_IMAGES_HEADER_BYTES, IDX_IMAGES_HEADER_BYTES + pixelBytes),
    count,
    rows,
    cols,
  };
}

/** Reads an IDX label file (magic 0x00000801), raw or gzip-compressed. */
export function parseIdxLabels(bytes: Uint8Array, options: IdxLabelReadOptions = {}): IdxLabels {
  const source = options.source ?? 'the labels file';
  const data = decompressIdx(bytes, options);

  checkHeader(data, IDX_LABELS_MAGIC, IDX_LABELS_HEADER_BYTES, source);
  const count = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(4);

  if (count === 0) {
    throw new DatasetFormatError(
      'idx_empty',
      `${source} declares 0 labels: there is nothing to train on. ` +
        'Upload a file with at least one label.',
      { source },
    );
  }
  checkBodyLength(data, IDX_LABELS_HEADER_BYTES, count, source, `${count} labels`);

  const labels = data.subarray(IDX_LABELS_HEADER_BYTES, IDX_LABELS_HEADER_BYTES + count);
  if (options.numClasses !== undefined) checkLabelRange(labels, options.numClasses, source);
  return { labels, count };
}

export async function readIdxImagesFile(
  path: string,
  options: IdxReadOptions = {},
): Promise<IdxImages> {
  const source = options.source ?? basename(path);
  return parseIdxImages(await readFile(path), { ...options, source });
}

export async function readIdxLabelsFile(
  path: string,
  options: IdxLabelReadOptions = {},
): Promise<IdxLabels> {
  const source = options.source ?? basename(path);
  return parseIdxLabels(await readFile(path), { ...options, source });
}

/** Refuses the first label that is not below `numClasses`, naming it and its position. */
export function checkLabelRange(
  labels: ArrayLike<number>,
  numClasses: number,
  source: string,
  classesDescription = `the classes 0–${numClasses - 1}`,
): void {
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < numClasses) continue;
    throw new DatasetFormatError(
      'idx_label_out_of_range',
      `${source} has label ${labels[i]} at position ${i}, which is not among ` +
        `${classesDescription}. Check that the labels belong to this dataset.`,
      { source },
    );
  }
}

function checkHeader(data: Uint8Array, expectedMagic: number, headerBytes: number,
  source: string): void {
  const kind = expectedMagic === IDX_IMAGES_MAGIC ? 'image' : 'label';

  if (data.length < 4) {
    throw new DatasetFormatError(
      'idx_truncated',
      `${source} has only ${data.length} bytes, too few to be an IDX ${kind} file. ` +
        'The upload may have been cut off: upload the file again.',
      { source },
    );
  }
  const magic = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0);
  if (magic !== expectedMagic) {
    throw new DatasetFormatError(
      'idx_bad_magic',
      `${source} is not an IDX ${kind} file: its magic number is ${hex(magic)} ` +
        `(${describeMagic(magic)}), expected ${hex(expectedMagic)}. ` +
        'Check that the images and labels files are not swapped.',
      { source },
    );
  }
  if (data.length < headerBytes) {
    throw new DatasetFormatError(
      'idx_truncated',
      `${source} has only ${data.length} bytes, fewer than the ${headerBytes}-byte header ` +
        `of an IDX ${kind} file. The upload may have been cut off: upload the file again.`,
      { source },
    );
  }
}

function checkBodyLength(data: Uint8Array, headerBytes: number, expectedBytes: number,
  source: string, declared: string): void {
  const bodyBytes = data.length - headerBytes;

  if (bodyBytes < expectedBytes) {
    throw new DatasetFormatError(
      'idx_truncated',
      `${source} declares ${declared} (${expectedBytes} bytes) but holds only ` +
        `${bodyBytes} bytes after its header. The upload may have been cut off: ` +
        'upload the file again.',
      { source },
    );
  }
  if (bodyBytes > expectedBytes) {
    throw new DatasetFormatError(
      'idx_trailing_bytes',
      `${source} declares ${declared} (${expectedBytes} bytes) but holds ` +
        `${bodyBytes - expectedBytes} more bytes after them. Its header does not match ` +
        'its contents: re-export the file.',
      { source },
    );
  }
}

function describeMagic(magic: number): string {
  if (magic === IDX_IMAGES_MAGIC) return 'an IDX image file';
  if (magic === IDX_LABELS_MAGIC) return 'an IDX label file';
  if (magic >>> 16 !== 0) return 'not an IDX file';

  const typeName = IDX_TYPE_NAMES[(magic >>> 8) & 0xff];
  const dimensions = magic & 0xff;
  if (typeName === undefined) return 'not an IDX file';
  return `an IDX file of ${typeName} in ${dimensions} dimensions, which Tandem does not read`;
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

function tooLarge(source: string, maxBytes: number): DatasetFormatError {
  return new DatasetFormatError(
    'idx_too_large',
    `${source} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB once ` +
      'decompressed, the most Tandem reads from one IDX file. Split the dataset.',
    { source },
  );
}
