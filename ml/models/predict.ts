import * as tf from '@tensorflow/tfjs';

import { pixelsPerImage, type ImageDataset } from '../datasets/image-dataset';
import { fillScaledRows } from '../training/pixels';

const PREDICT_CHUNK = 1024;

/** Class probabilities of every image, `count` rows of the model's output width. */
export function predictProbabilities(model: tf.LayersModel, dataset: ImageDataset,
  chunkSize = PREDICT_CHUNK): Float32Array {
  const size = pixelsPerImage(dataset.shape);
  const images = new Float32Array(Math.min(chunkSize, dataset.count) * size);
  let probabilities = new Float32Array(0);

  for (let start = 0; start < dataset.count; start += chunkSize) {
    const count = Math.min(chunkSize, dataset.count - start);
    fillScaledRows(dataset, null, start, count, images);
    const chunk = tf.tidy(() => {
      const inputs = tf.tensor4d(images.subarray(0, count * size), [count, ...dataset.shape]);
      // predictOnBatch, not predict: predict cuts its input into batches of 32 with Slice,
      // which on WASM copies the whole input at every cut.
      return (model.predictOnBatch(inputs) as tf.Tensor).dataSync();
    });
    if (start === 0) probabilities = new Float32Array(dataset.count * (chunk.length / count));
    probabilities.set(chunk, start * (chunk.length / count));
  }
  return probabilities;
}
