// The ml module: datasets in, trained models and evaluations out. It knows nothing of
// HTTP or databases, and runs alike from the command line, a worker thread or a test.
import type * as tf from '@tensorflow/tfjs';

import { takeFirst, type ImageDataset } from './datasets/image-dataset';
import { evaluate, type Evaluation } from './evaluation/evaluate';
import type { MlLogger } from './logger';
import { parseRunConfig, type RunConfig, type RunConfigInput } from './models/config';
import { setupBackend, type BackendChoice, type BackendName } from './training/backend';
import type { TrainerKind } from './training/batch-trainer';
import { trainModel, type EpochRecord } from './training/train';
import { TrainingError } from './training/training-error';

export * from './datasets/dataset-format-error';
export * from './datasets/dataset-metadata';
export * from './datasets/idx';
export * from './datasets/idx-pair';
export * from './datasets/image-dataset';
export * from './evaluation/evaluate';
export * from './evaluation/metrics';
export type { MlLogger } from './logger';
export * from './models/config';
export { buildLayersModel } from './models/layers-model';
export * from './models/model-files';
export { predictProbabilities } from './models/predict';
export * from './training/backend';
export type { TrainerKind } from './training/batch-trainer';
export { trainModel, usesManualMlp, type EpochRecord, type TrainOptions,
  type TrainResult } from './training/train';
export * from './training/training-error';

export interface RunRequest {
  trainSet: ImageDataset;
  testSet: ImageDataset;
  /** A configuration as users write it; validated here. */
  config?: RunConfigInput;
  backend?: BackendChoice;
  onEpoch?: (record: EpochRecord) => void | Promise<void>;
  signal?: AbortSignal;
  logger?: MlLogger;
}

export interface RunOutcome {
  /** The trained model, to save with saveModel; the caller disposes it. */
  model: tf.LayersModel;
  config: RunConfig;
  history: EpochRecord[];
  evaluation: Evaluation;
  timings: { trainSeconds: number; evalSeconds: number; secondsPerEpoch: number };
  backend: BackendName;
  tfjsVersion: string;
  trainer: TrainerKind;
  /** Training samples per second over all epochs. */
  samplesPerSecond: number;
}

/** Trains a model on the training set as configured, then evaluates it on the test set. */
export async function trainAndEvaluate(request: RunRequest): Promise<RunOutcome> {
  const config = parseRunConfig(request.config ?? {});
  const testSet = takeFirst(request.testSet, config.testLimit);
  checkCompatible(request.trainSet, testSet);
  const backend = await setupBackend(request.backend ?? 'auto', { logger: request.logger });

  const trained = await trainModel({
    trainSet: request.trainSet,
    config,
    onEpoch: request.onEpoch,
    signal: request.signal,
    logger: request.logger,
  });

  const evalStarted = performance.now();
  const evaluation = evaluate(trained.model, testSet);
  const evalSeconds = (performance.now() - evalStarted) / 1000;
  const epochSeconds = trained.history.reduce((total, record) => total + record.seconds, 0);
  request.logger?.info({ accuracy: evaluation.accuracy, loss: evaluation.loss }, 'evaluated');

  return {
    model: trained.model,
    config,
    history: trained.history,
    evaluation,
    timings: {
      trainSeconds: trained.trainSeconds,
      evalSeconds,
      secondsPerEpoch: epochSeconds / trained.history.length,
    },
    backend: backend.name,
    tfjsVersion: backend.tfjsVersion,
    trainer: trained.trainer,
    samplesPerSecond: (trained.trainSamples * trained.history.length) / epochSeconds,
  };
}

function checkCompatible(trainSet: ImageDataset, testSet: ImageDataset): void {
  const same = trainSet.shape.every((size, axis) => size === testSet.shape[axis]);
  if (!same) {
    throw new TrainingError('dataset_incompatible',
      `The training images are ${trainSet.shape.join('×')} but the test images are ` +
      `${testSet.shape.join('×')}; a model can only be tested on images like its own.`);
  }
  if (testSet.numClasses > trainSet.numClasses) {
    throw new TrainingError('dataset_incompatible',
      `The test set has labels up to ${testSet.numClasses - 1} but the training set only ` +
      `up to ${trainSet.numClasses - 1}; the model cannot predict the classes it never saw.`);
  }
}
