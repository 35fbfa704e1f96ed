import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { DatasetFormatError } from '../../ml/datasets/dataset-format-error';
import {
  IDX_IMAGES_MAGIC,
  IDX_LABELS_MAGIC,
  parseIdxImages,
  parseIdxLabels,
  readIdxImagesFile,
  readIdxLabelsFile,
} from '../../ml/datasets/idx';
import {
  idxImagesBytes,
  idxLabelsBytes,
  tempDirectory,
  tinyImages,
  tinyLabels,
} from './idx-fixtures';

function formatError(read: () => unknown): DatasetFormatError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetFormatError);
    return error as DatasetFormatError;
  }
  throw new Error('expected a DatasetFormatError, but reading succeeded');
}

describe('reading IDX files', () => {
  it('reads the count, size and pixels of an image file', () => {
    const bytes = idxImagesBytes(tinyImages, 2, 2);

    const images = parseIdxImages(bytes);

    expect(images).toMatchObject({ count: 3, rows: 2, cols: 2 });
    expect(Array.from(images.images)).toEqual(tinyImages.flat());
  });

  it('reads the labels of a label file', () => {
    const bytes = idxLabelsBytes(tinyLabels);

    const labels = parseIdxLabels(bytes);

    expect(labels.count).toBe(3);
    expect(Array.from(labels.labels)).toEqual(tinyLabels);
  });

  it('reads gzip-compressed files the same as raw ones', () => {
    const images = gzipSync(idxImagesBytes(tinyImages, 2, 2));
    const labels = gzipSync(idxLabelsBytes(tinyLabels));

    const parsedImages = parseIdxImages(images);
    const parsedLabels = parseIdxLabels(labels);

    expect(Array.from(parsedImages.images)).toEqual(tinyImages.flat());
    expect(Array.from(parsedLabels.labels)).toEqual(tinyLabels);
  });

  it('reads from a file path, raw or gzip', async () => {
    const directory = await tempDirectory();
    await writeFile(join(directory, 'images.gz'), gzipSync(idxImagesBytes(tinyImages, 2, 2)));
    await writeFile(join(directory, 'labels'), idxLabelsBytes(tinyLabels));

    const images = await readIdxImagesFile(join(directory, 'images.gz'));
    const labels = await readIdxLabelsFile(join(directory, 'labels'));

    expect(images.count).toBe(3);
    expect(Array.from(labels.labels)).toEqual(tinyLabels);
  });

  it('uses the magic numbers of the IDX specification', () => {
    expect(IDX_IMAGES_MAGIC).toBe(0x803);
    expect(IDX_LABELS_MAGIC).toBe(0x801);
  });
});

describe('refusing bad IDX files', () => {
  it('refuses a label file given as images, naming both magic numbers', () => {
    const labels = idxLabelsBytes(tinyLabels);

    const error = formatError(() => parseIdxImages(labels, { source: 'upload.idx' }));

    expect(error.code).toBe('idx_bad_magic');
    expect(error.source).toBe('upload.idx');
    expect(error.message).toContain('0x00000801');
    expect(error.message).toContain('expected 0x00000803');
    expect(error.message).toContain('swapped');
  });

  it('refuses a file that is not IDX at all', () => {
    const png = Buffer.from('\x89PNG\r\n\x1a\n0000000000000000', 'latin1');

    const error = formatError(() => parseIdxLabels(png));

    expect(error.code).toBe('idx_bad_magic');
    expect(error.message).toContain('not an IDX file');
  });

  it('refuses a header cut short', () => {
    const bytes = idxImagesBytes(tinyImages, 2, 2).subarray(0, 10);

    expect(formatError(() => parseIdxImages(bytes)).code).toBe('idx_truncated');
  });

  it('refuses a file with fewer pixels than its header declares', () => {
    const bytes = idxImagesBytes(tinyImages, 2, 2).subarray(0, 16 + 11);

    const error = formatError(() => parseIdxImages(bytes));

    expect(error.code).toBe('idx_truncated');
    expect(error.message).toContain('3 images of 2×2 pixels (12 bytes)');
    expect(error.message).toContain('only 11 bytes');
  });

  it('refuses a file with more bytes than its header declares', () => {
    const bytes = Buffer.concat([idxLabelsBytes(tinyLabels), Buffer.from([7])]);

    expect(formatError(() => parseIdxLabels(bytes)).code).toBe('idx_trailing_bytes');
  });

  it('refuses a file with no samples', () => {
    const images = idxImagesBytes([], 28, 28);
    const labels = idxLabelsBytes([]);

    expect(formatError(() => parseIdxImages(images)).code).toBe('idx_empty');
    expect(formatError(() => parseIdxLabels(labels)).code).toBe('idx_empty');
  });

  it('refuses images of zero pixels', () => {
    const bytes = idxImagesBytes([[], []], 0, 28);

    expect(formatError(() => parseIdxImages(bytes)).code).toBe('idx_empty');
  });

  it('refuses a label beyond the expected classes, naming it and its position', () => {
    const bytes = idxLabelsBytes([1, 0, 12, 3]);

    const error = formatError(() => parseIdxLabels(bytes, { numClasses: 10 }));

    expect(error.code).toBe('idx_label_out_of_range');
    expect(error.message).toContain('label 12 at position 2');
  });

  it('refuses a file that starts like gzip but does not decompress', () => {
    const bytes = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7]);

    expect(formatError(() => parseIdxImages(bytes)).code).toBe('idx_bad_gzip');
  });

  it('refuses a file larger than the limit once decompressed', () => {
    const bytes = gzipSync(idxImagesBytes(tinyImages, 2, 2));

    const error = formatError(() => parseIdxImages(bytes, { maxBytes: 20 }));

    expect(error.code).toBe('idx_too_large');
  });
});
