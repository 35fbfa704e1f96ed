import { pixelsPerImage, type ImageDataset } from '../datasets/image-dataset';
import type { AugmentationConfig } from '../models/config';
import type { Random } from './random';

/** A random move of one training image: whole-pixel shifts and a turn about its centre. */
export interface ImageTransform {
  shiftX: number;
  shiftY: number;
  angle: number; // radians, counter-clockwise
}

export function drawTransform(config: AugmentationConfig, random: Random): ImageTransform {
  const shift = () => Math.floor(random() * (2 * config.maxShiftPixels + 1)) -
    config.maxShiftPixels;
  const degrees = (2 * random() - 1) * config.maxRotationDegrees;
  return { shiftX: shift(), shiftY: shift(), angle: (degrees * Math.PI) / 180 };
}

/**
 * Writes image `sample` of the dataset, transformed, into `target` at `offset` as floats
 * in [0, 1]. Each output pixel samples the source bilinearly at the point the inverse
 * transform maps it to; points outside the image read as 0 (background).
 */
export function writeTransformedImage(dataset: ImageDataset, sample: number,
  transform: ImageTransform, target: Float32Array, offset: number): void {
  const [rows, cols, channels] = dataset.shape;
  const source = dataset.images;
  const base = sample * pixelsPerImage(dataset.shape);
  const centreX = (cols - 1) / 2;
  const centreY = (rows - 1) / 2;
  const cos = Math.cos(transform.angle);
  const sin = Math.sin(transform.angle);
  const pixel = (y: number, x: number, c: number) =>
    y < 0 || y >= rows || x < 0 || x >= cols ? 0 : source[base + (y * cols + x) * channels + c];

  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const u = x - centreX - transform.shiftX;
      const v = y - centreY - transform.shiftY;
      const sourceX = cos * u + sin * v + centreX;
      const sourceY = -sin * u + cos * v + centreY;
      const x0 = Math.floor(sourceX);
      const y0 = Math.floor(sourceY);
      const fx = sourceX - x0;
      const fy = sourceY - y0;

      for (let c = 0; c < channels; c++) {
        const top = pixel(y0, x0, c) * (1 - fx) + pixel(y0, x0 + 1, c) * fx;
        const bottom = pixel(y0 + 1, x0, c) * (1 - fx) + pixel(y0 + 1, x0 + 1, c) * fx;
        target[offset + (y * cols + x) * channels + c] = (top * (1 - fy) + bottom * fy) / 255;
      }
    }
  }
}
