import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { inferMetadata } from '../../ml/datasets/dataset-metadata';
import { DatasetFormatError } from '../../ml/datasets/dataset-format-error';
import { findIdxPairFiles, loadIdxPair, loadMnist } from '../../ml/datasets/idx-pair';
import { idxImagesBytes, idxLabelsBytes, tinyImages, writeIdxPair } from './idx-fixtures';

async function loadError(directory: string): Promise<DatasetFormatError> {
  const error = await loadIdxPair(directory).then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(DatasetFormatError);
  return error as DatasetFormatError;
}

describe('loading an IDX train/test pair from a folder', () => {
  it('loads both sets with their shape and the training set’s class count', async () => {
    const directory = await writeIdxPair();

    const { train, test } = await loadIdxPair(directory);

    expect(train).toMatchObject({ count: 3, shape: [2, 2, 1], numClasses: 3 });
    expect(test).toMatchObject({ count: 2, shape: [2, 2, 1], numClasses: 3 });
    expect(Array.from(test.labels)).toEqual([1, 2]);
  });

  it('loads gzip-compressed files named with .gz', async () => {
    const directory = await writeIdxPair({ gzip: true });

    const { train } = await loadIdxPair(directory);

    expect(Array.from(train.images.subarray(0, 4))).toEqual(tinyImages[0]);
  });

  it('accepts the dotted file names some mirrors use', async () => {
    const directory = await writeIdxPair();
    await rename(join(directory, 'train-images-idx3-ubyte'),
      join(directory, 'train-images.idx3-ubyte'));

    const files = await findIdxPairFiles(directory);

    expect(files.trainImages).toBe(join(directory, 'train-images.idx3-ubyte'));
  });

  it('names the missing file', async () => {
    const directory = await writeIdxPair();
    await rm(join(directory, 't10k-labels-idx1-ubyte'));

    const error = await loadError(directory);

    expect(error.code).toBe('idx_file_missing');
    expect(error.message).toContain('t10k-labels-idx1-ubyte');
  });

  it('refuses a folder with two candidates for one file', async () => {
    const directory = await writeIdxPair();
    await writeFile(join(directory, 'train-labels-idx1-ubyte.gz'), idxLabelsBytes([0, 1, 2]));

    expect((await loadError(directory)).code).toBe('idx_files_ambiguous');
  });

  it('refuses images and labels that do not pair up', async () => {
    const directory = await writeIdxPair({ trainLabels: idxLabelsBytes([0, 1]) });

    const error = await loadError(directory);

    expect(error.code).toBe('idx_count_mismatch');
    expect(error.message).toContain('3 images');
    expect(error.message).toContain('2 labels');
  });

  it('refuses a test label the training set never had', async () => {
    const directory = await writeIdxPair({ testLabels: idxLabelsBytes([1, 7]) });

    const error = await loadError(directory);

    expect(error.code).toBe('idx_label_out_of_range');
    expect(error.message).toContain('label 7 at position 1');
  });

  it('refuses test images of another size than the training images', async () => {
    const oneByThree = idxImagesBytes([[1, 2, 3], [4, 5, 6]], 1, 3);
    const directory = await writeIdxPair({ testImages: oneByThree });

    expect((await loadError(directory)).code).toBe('idx_shape_mismatch');
  });
});

describe('inferring a dataset’s metadata', () => {
  it('counts samples, classes and samples per class', async () => {
    const directory = await writeIdxPair({ trainLabels: idxLabelsBytes([0, 3, 3]),
      testLabels: idxLabelsBytes([3, 3]) });
    const sets = await loadIdxPair(directory);

    const metadata = inferMetadata(sets);

    expect(metadata).toEqual({
      samples: { train: 3, test: 2 },
      numClasses: 4,
      distinctClasses: 2,
      shape: [2, 2, 1],
      classBalance: { train: [1, 0, 0, 2], test: [0, 0, 0, 2] },
    });
  });

  it('describes the real MNIST', async () => {
    const sets = await loadMnist();

    const metadata = inferMetadata(sets);

    expect(metadata.samples).toEqual({ train: 60_000, test: 10_000 });
    expect(metadata.numClasses).toBe(10);
    expect(metadata.shape).toEqual([28, 28, 1]);
    expect(metadata.classBalance.train[1]).toBe(6742);
    expect(metadata.classBalance.test.reduce((a, b) => a + b)).toBe(10_000);
  });
});
