import * as tf from '@tensorflow/tfjs';

import { pixelsPerImage, type ImageDataset } from '../datasets/image-dataset';
import type { RunConfig } from '../models/config';
import { buildLayersModel, copyWeights, initializeWeights } from '../models/layers-model';
import { predictProbabilities } from '../models/predict';
import { drawTransform, writeTransformedImage } from './augmentation';
import type { BatchStats, BatchTrainer } from './batch-trainer';
import { fillOneHotRows, fillScaledRows } from './pixels';
import type { Random } from './random';

export interface LayersTrainerOptions {
  trainSet: ImageDataset;
  config: RunConfig;
  initRandom: Random;
  augmentationRandom: Random;
  dropoutSeed: number;
}

/**
 * The general path: any configuration, trained through the Layers API one batch at a time
 * with `trainOnBatch`. Batches are built in Float32Arrays: slicing a large tensor on WASM
 * copies all of it at every call.
 */
export class LayersTrainer implements BatchTrainer {
  readonly kind = 'layers';
  private readonly model: tf.Sequential;
  private readonly trainSet: ImageDataset;
  private readonly config: RunConfig;
  private readonly augmentationRandom: Random;
  private readonly images: Float32Array;
  private readonly oneHot: Float32Array;

  constructor(options: LayersTrainerOptions) {
    const { trainSet, config } = options;
    this.trainSet = trainSet;
    this.config = config;
    this.augmentationRandom = options.augmentationRandom;

    this.model = buildLayersModel(config, trainSet.shape, trainSet.numClasses,
      { dropoutSeed: options.dropoutSeed });
    initializeWeights(this.model, options.initRandom);
    this.model.compile({
      optimizer: tf.train.adam(config.learningRate),
      loss: 'categoricalCrossentropy',
      metrics: ['accuracy'],
    });

    this.images = new Float32Array(config.batchSize * pixelsPerImage(trainSet.shape));
    this.oneHot = new Float32Array(config.batchSize * trainSet.numClasses);
  }

  async trainBatch(order: Int32Array, start: number, count: number): Promise<BatchStats> {
    this.fillImages(order, start, count);
    fillOneHotRows(this.trainSet, order, start, count, this.oneHot);

    const size = pixelsPerImage(this.trainSet.shape);
    const inputs = tf.tensor4d(this.images.subarray(0, count * size),
      [count, ...this.trainSet.shape]);
    const targets = tf.tensor2d(this.oneHot.subarray(0, count * this.trainSet.numClasses),
      [count, this.trainSet.numClasses]);
    try {
      const [loss, accuracy] = (await this.model.trainOnBatch(inputs, targets)) as number[];
      return { lossSum: loss * count, correct: Math.round(accuracy * count) };
    } finally {
      tf.dispose([inputs, targets]);
    }
  }

  predict(dataset: ImageDataset): Float32Array {
    return predictProbabilities(this.model, dataset);
  }

  /** A copy without the dropout layers, which only act in training. */
  toLayersModel(): tf.LayersModel {
    const inference = buildLayersModel(this.config, this.trainSet.shape,
      this.trainSet.numClasses);
    copyWeights(this.model, inference);
    return inference;
  }

  dispose(): void {
    this.model.optimizer?.dispose();
    this.model.dispose();
  }

  private fillImages(order: Int32Array, start: number, count: number): void {
    const augmentation = this.config.augmentation;
    if (!augmentation.enabled) {
      fillScaledRows(this.trainSet, order, start, count, this.images);
      return;
    }

    const size = pixelsPerImage(this.trainSet.shape);
    for (let row = 0; row < count; row++) {
      const transform = drawTransform(augmentation, this.augmentationRandom);
      writeTransformedImage(this.trainSet, order[start + row], transform, this.images, row * size);
    }
  }
}
