import { pixelsPerImage, type ImageDataset } from '../datasets/image-dataset';

/** v / 255 for every byte value: a lookup instead of a division per pixel. */
const UNIT_SCALE = Float32Array.from({ length: 256 }, (_, value) => value / 255);

/**
 * Copies the images order[start .. start + count) into `target` as floats in [0, 1], one
 * per row of `rowStride` floats (at least the image size: the rest of a row is left as is).
 */
export function fillScaledRows(dataset: ImageDataset, order: ArrayLike<number> | null,
  start: number, count: number, target: Float32Array,
  rowStride = pixelsPerImage(dataset.shape)): void {
  const size = pixelsPerImage(dataset.shape);
  const { images } = dataset;

  for (let row = 0; row < count; row++) {
    const sample = order === null ? start + row : order[start + row];
    const from = sample * size;
    const to = row * rowStride;
    for (let i = 0; i < size; i++) target[to + i] = UNIT_SCALE[images[from + i]];
  }
}

/** One-hot rows for the labels of order[start .. start + count). */
export function fillOneHotRows(dataset: ImageDataset, order: ArrayLike<number>, start: number,
  count: number, target: Float32Array): void {
  const classes = dataset.numClasses;
  target.fill(0, 0, count * classes);
  for (let row = 0; row < count; row++) {
    target[row * classes + dataset.labels[order[start + row]]] = 1;
  }
}
