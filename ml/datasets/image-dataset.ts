/** Height, width and colour channels of every image in a dataset. */
export type ImageShape = readonly [rows: number, cols: number, channels: number];

/**
 * A labelled image dataset held in memory.
 *
 * `images` holds `count` images one after the other, each row-major with its channels
 * innermost, as raw intensities 0–255: scaling to [0, 1] happens when batches are built,
 * so 60,000 MNIST images take 47 MB rather than 188 MB.
 */
export interface ImageDataset {
  readonly images: Uint8Array;
  readonly labels: Uint8Array | Int32Array;
  readonly count: number;
  readonly shape: ImageShape;
  /** Size of the one-hot encoding: the largest label the model can predict, plus one. */
  readonly numClasses: number;
}

export function pixelsPerImage(shape: ImageShape): number {
  return shape[0] * shape[1] * shape[2];
}

/** The first `limit` samples of a dataset, sharing its memory. */
export function takeFirst(dataset: ImageDataset, limit: number | undefined): ImageDataset {
  if (limit === undefined || limit >= dataset.count) return dataset;

  const count = Math.max(0, Math.floor(limit));
  return {
    ...dataset,
    images: dataset.images.subarray(0, count * pixelsPerImage(dataset.shape)),
    labels: dataset.labels.subarray(0, count),
    count,
  };
}

/** Samples `start` (inclusive) to `end` (exclusive), sharing the dataset's memory. */
export function sliceSamples(dataset: ImageDataset, start: number, end: number): ImageDataset {
  const size = pixelsPerImage(dataset.shape);
  return {
    ...dataset,
    images: dataset.images.subarray(start * size, end * size),
    labels: dataset.labels.subarray(start, end),
    count: end - start,
  };
}

/**
 * Holds out the last `fraction` of the samples for validation, as Keras's
 * `validationSplit` does (before any shuffling), so a split is the same on every run.
 */
export function splitValidation(
  dataset: ImageDataset,
  fraction: number,
): { train: ImageDataset; validation: ImageDataset | undefined } {
  const validationCount = Math.floor(dataset.count * fraction);
  if (validationCount <= 0) return { train: dataset, validation: undefined };

  const trainCount = dataset.count - validationCount;
  return {
    train: sliceSamples(dataset, 0, trainCount),
    validation: sliceSamples(dataset, trainCount, dataset.count),
  };
}

/** How many samples carry each label 0..numClasses-1. */
export function countPerClass(labels: ArrayLike<number>, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]] += 1;
  return counts;
}

export function largestLabel(labels: ArrayLike<number>): number {
  let largest = -1;
  for (let i = 0; i < labels.length; i++) if (labels[i] > largest) largest = labels[i];
  return largest;
}
