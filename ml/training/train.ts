import * as tf from '@tensorflow/tfjs';

import { splitValidation, takeFirst, type ImageDataset } from '../datasets/image-dataset';
import { argmaxRows, accuracy, meanCrossEntropy } from '../evaluation/metrics';
import type { MlLogger } from '../logger';
import { cnnDepthProblem, type RunConfig } from '../models/config';
import type { BatchTrainer, TrainerKind } from './batch-trainer';
import { LayersTrainer } from './layers-trainer';
import { ManualMlpTrainer } from './manual-mlp';
import { createRandom, deriveSeed, shuffledIndices } from './random';
import { SimdMlpTrainer, type SimdMlpOptions } from './simd-mlp';
import { TrainingError } from './training-error';

/** Progress after each epoch, as a run page shows it. */
export interface EpochRecord {
  epoch: number;
  epochs: number;
  /** Mean training loss and accuracy over the epoch's batches, as Keras reports them. */
  loss: number;
  accuracy: number;
  valLoss?: number;
  valAccuracy?: number;
  /** Training time of the epoch, validation excluded. */
  seconds: number;
  samplesPerSecond: number;
}

export interface TrainOptions {
  trainSet: ImageDataset;
  config: RunConfig;
  /** Awaited after each epoch, so a worker can post progress before training goes on. */
  onEpoch?: (record: EpochRecord) => void | Promise<void>;
  /** Checked between batches; an abort ends the run with TrainingError 'run_cancelled'. */
  signal?: AbortSignal;
  logger?: MlLogger;
}

export interface TrainResult {
  /** The trained network as a stock Layers model; the caller disposes it. */
  model: tf.LayersModel;
  history: EpochRecord[];
  trainer: TrainerKind;
  trainSeconds: number;
  trainSamples: number;
}

// Training runs synchronously on WASM; handing the event loop a turn this often lets a
// worker receive a cancellation message while it trains.
const YIELD_EVERY_MS = 100;

// Seeds of the independent random streams of a run.
const STREAM_INIT = 1;
const STREAM_SHUFFLE = 2;
const STREAM_AUGMENTATION = 3;
const STREAM_DROPOUT = 4;

/**
 * The manual trainer covers the reference MLP family: dense ReLU layers without dropout,
 * penalties or augmentation. Everything else goes through the Layers API.
 */
export function usesManualMlp(config: RunConfig): boolean {
  return config.architecture === 'mlp' && config.dropout === 0 && config.l1 === 0 &&
    config.l2 === 0 && !config.augmentation.enabled;
}

export async function trainModel(options: TrainOptions): Promise<TrainResult> {
  const { config, signal } = options;
  const { train, validation } = splitValidation(takeFirst(options.trainSet, config.sampleLimit),
    config.validationSplit);
  if (train.count === 0) {
    throw new TrainingError('dataset_incompatible',
      'The training set has no samples left to train on: raise the sample limit or lower ' +
      'the validation split.');
  }

  const trainer = createTrainer(train, config);
  const shuffleRandom = createRandom(deriveSeed(config.seed, STREAM_SHUFFLE));
  const history: EpochRecord[] = [];
  const started = performance.now();
  options.logger?.info({ trainer: trainer.kind, samples: train.count, config }, 'training');

  try {
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      const order = shuffledIndices(train.count, shuffleRandom);
      const record = await trainEpoch(trainer, order, config.batchSize, signal);
      const entry: EpochRecord = { epoch, epochs: config.epochs, ...record };
      if (validation) Object.assign(entry, validate(trainer, validation));

      history.push(entry);
      options.logger?.info({ ...entry }, 'epoch done');
      await options.onEpoch?.(entry);
    }

    return {
      model: trainer.toLayersModel(),
      history,
      trainer: trainer.kind,
      trainSeconds: (performance.now() - started) / 1000,
      trainSamples: train.count,
    };
  } finally {
    trainer.dispose();
  }
}

function createTrainer(trainSet: ImageDataset, config: RunConfig): BatchTrainer {
  checkImageSize(trainSet, config);
  const initRandom = createRandom(deriveSeed(config.seed, STREAM_INIT));

  if (usesManualMlp(config)) {
    const options = { trainSet, hiddenLayers: config.hiddenLayers,
      learningRate: config.learningRate, batchSize: config.batchSize, random: initRandom };
    return createSimdMlpTrainer(options) ?? new ManualMlpTrainer(options);
  }
  return new LayersTrainer({
    trainSet,
    config,
    initRandom,
    augmentationRandom: createRandom(deriveSeed(config.seed, STREAM_AUGMENTATION)),
    dropoutSeed: deriveSeed(config.seed, STREAM_DROPOUT) >>> 1,
  });
}

async function trainEpoch(trainer: BatchTrainer, order: Int32Array, batchSize: number,
  signal: AbortSignal | undefined) {
  const started = performance.now();
  let lastYield = started;
  let lossSum = 0;
  let correct = 0;

  for (let start = 0; start < order.length; start += batchSize) {
    if (signal?.aborted) {
      throw new TrainingError('run_cancelled', 'The run was cancelled while training.');
    }
    const count = Math.min(batchSize, order.length - start);
    const stats = await trainer.trainBatch(order, start, count);
    lossSum += stats.lossSum;
    correct += stats.correct;

    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }

  const seconds = (performance.now() - started) / 1000;
  return {
    loss: lossSum / order.length,
    accuracy: correct / order.length,
    seconds,
    samplesPerSecond: order.length / seconds,
  };
}

function validate(trainer: BatchTrainer, validation: ImageDataset) {
  const probabilities = trainer.predict(validation);
  const numClasses = probabilities.length / validation.count;
  return {
    valLoss: meanCrossEntropy(probabilities, validation.labels, numClasses),
    valAccuracy: accuracy(validation.labels, argmaxRows(probabilities, numClasses)),
  };
}

// Tandem's kernels skip zero inputs; on fully dense data at large batches XNNPACK's dense
// products catch up (bench/trainer-density.ts, docs/BENCHMARKS.md). Measured on this share
// of the training images' bytes.
const SIMD_MAX_NONZERO_SHARE = 0.8;
const DENSITY_SAMPLE_BYTES = 1 << 20;

/** The share of non-zero bytes among (at most the first 1 MB of) the training images. */
export function nonzeroShare(images: Uint8Array): number {
  const length = Math.min(images.length, DENSITY_SAMPLE_BYTES);
  let nonzero = 0;
  for (let i = 0; i < length; i++) if (images[i] !== 0) nonzero += 1;
  return length === 0 ? 1 : nonzero / length;
}

/**
 * Tandem's SIMD kernels train the reference MLP family on the WASM backend when most
 * inputs are zeros, the engine runs WebAssembly SIMD and the images fit in a WebAssembly
 * memory; otherwise null.
 */
function createSimdMlpTrainer(options: SimdMlpOptions): SimdMlpTrainer | null {
  if (tf.getBackend() !== 'wasm') return null;
  if (nonzeroShare(options.trainSet.images) > SIMD_MAX_NONZERO_SHARE) return null;
  try {
    return new SimdMlpTrainer(options);
  } catch (error) {
    // No SIMD in this engine (the module does not compile), or no memory that large.
    if (error instanceof WebAssembly.CompileError || error instanceof RangeError) return null;
    throw error;
  }
}

/** Each convolution block halves the image; refuse images that would vanish. */
function checkImageSize(trainSet: ImageDataset, config: RunConfig): void {
  const problem = cnnDepthProblem(trainSet.shape, config);
  if (problem) throw new TrainingError('dataset_incompatible', problem.message);
}
