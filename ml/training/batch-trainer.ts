import type * as tf from '@tensorflow/tfjs';

import type { ImageDataset } from '../datasets/image-dataset';

/** Summed over a batch's samples, so batches of any size add up to an epoch. */
export interface BatchStats {
  lossSum: number;
  correct: number;
}

export type TrainerKind = 'simd-mlp' | 'manual-mlp' | 'layers';

/** One of the two ways ml/ trains a model, seen by the epoch loop. */
export interface BatchTrainer {
  readonly kind: TrainerKind;
  /** One optimizer step on the training samples order[start .. start + count). */
  trainBatch(order: Int32Array, start: number, count: number): BatchStats | Promise<BatchStats>;
  /** Class probabilities, `count` rows of `numClasses`, with the current weights. */
  predict(dataset: ImageDataset): Float32Array;
  /** The trained network as a stock Layers model, to evaluate or save. The caller owns it. */
  toLayersModel(): tf.LayersModel;
  dispose(): void;
}
