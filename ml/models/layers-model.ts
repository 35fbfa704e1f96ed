import * as tf from '@tensorflow/tfjs';

import type { ImageShape } from '../datasets/image-dataset';
import { glorotUniform, type Random } from '../training/random';
import type { RunConfig } from './config';
import { SeededDropout } from './seeded-dropout';

export interface LayersModelOptions {
  /** Adds the dropout layers, seeded, for training; without it the model has none. */
  dropoutSeed?: number;
}

type ModelConfig = Pick<RunConfig, 'architecture' | 'hiddenLayers' | 'convFilters' |
  'dropout' | 'l1' | 'l2'>;

/**
 * The network a configuration describes, taking images [rows, cols, channels] with pixels
 * in [0, 1] and giving class probabilities:
 *  - 'mlp': flatten, then per hidden layer Dense ReLU (+ dropout), then Dense softmax;
 *  - 'cnn': per filter count a 3×3 'same' convolution with ReLU and a 2×2 max-pooling,
 *    then flatten and the 'mlp' layers.
 */
export function buildLayersModel(config: ModelConfig, shape: ImageShape, numClasses: number,
  options: LayersModelOptions = {}): tf.Sequential {
  const regularizer = config.l1 > 0 || config.l2 > 0
    ? tf.regularizers.l1l2({ l1: config.l1, l2: config.l2 })
    : undefined;
  const model = tf.sequential();

  if (config.architecture === 'cnn') {
    config.convFilters.forEach((filters, k) => {
      model.add(tf.layers.conv2d({
        ...(k === 0 ? { inputShape: [...shape] } : {}),
        filters,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        kernelRegularizer: regularizer,
      }));
      model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    });
    model.add(tf.layers.flatten());
  } else {
    model.add(tf.layers.flatten({ inputShape: [...shape] }));
  }

  config.hiddenLayers.forEach((units, k) => {
    model.add(tf.layers.dense({ units, activation: 'relu', kernelRegularizer: regularizer }));
    if (options.dropoutSeed !== undefined && config.dropout > 0) {
      model.add(new SeededDropout({ rate: config.dropout, seed: options.dropoutSeed + k }));
    }
  });
  model.add(tf.layers.dense({
    units: numClasses,
    activation: 'softmax',
    kernelRegularizer: regularizer,
  }));
  return model;
}

/** The reference MLP family without dropout: what the manual trainer's weights fill. */
export function buildMlpModel(shape: ImageShape, hiddenLayers: readonly number[],
  numClasses: number): tf.Sequential {
  return buildLayersModel(
    { architecture: 'mlp', hiddenLayers: [...hiddenLayers], convFilters: [], dropout: 0,
      l1: 0, l2: 0 },
    shape, numClasses);
}

/**
 * Re-draws every kernel Glorot-uniform from `random` and zeroes every bias, Keras's
 * defaults, so that the same seed gives the same starting point on every backend.
 */
export function initializeWeights(model: tf.LayersModel, random: Random): void {
  const weights = model.getWeights().map((weight) => {
    if (weight.rank === 1) return tf.zeros(weight.shape);

    const [fanIn, fanOut] = kernelFans(weight.shape);
    return tf.tensor(glorotUniform(weight.size, fanIn, fanOut, random), weight.shape);
  });
  model.setWeights(weights);
  tf.dispose(weights);
}

/** Copies weights between two models of the same layers, e.g. to drop dropout layers. */
export function copyWeights(from: tf.LayersModel, to: tf.LayersModel): void {
  const weights = from.getWeights();
  to.setWeights(weights);
}

function kernelFans(shape: number[]): [number, number] {
  // A dense kernel is [in, out]; a convolution kernel [height, width, in, out].
  const receptiveField = shape.slice(0, -2).reduce((product, size) => product * size, 1);
  return [shape[shape.length - 2] * receptiveField, shape[shape.length - 1] * receptiveField];
}
