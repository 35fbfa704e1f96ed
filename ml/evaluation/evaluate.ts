import type * as tf from '@tensorflow/tfjs';

import type { ImageDataset } from '../datasets/image-dataset';
import { predictProbabilities } from '../models/predict';
import {
  accuracy,
  argmaxRows,
  confusionMatrix,
  macroF1,
  meanCrossEntropy,
  perClassMetrics,
  type ClassMetrics,
} from './metrics';

const MISCLASSIFIED_KEPT = 32;

export interface Misclassification {
  /** Position of the sample in the test set. */
  index: number;
  label: number;
  predicted: number;
}

/** A trained model's report on a test set. */
export interface Evaluation {
  samples: number;
  accuracy: number;
  /** Mean categorical cross-entropy. */
  loss: number;
  macroF1: number;
  perClass: ClassMetrics[];
  /** confusionMatrix[true label][predicted label]. */
  confusionMatrix: number[][];
  /** The first misclassified test samples, in test-set order. */
  misclassified: Misclassification[];
}

export function evaluate(model: tf.LayersModel, testSet: ImageDataset): Evaluation {
  return evaluateProbabilities(predictProbabilities(model, testSet), testSet);
}

/** The report from probabilities already computed, `count` rows of `numClasses`. */
export function evaluateProbabilities(probabilities: Float32Array,
  testSet: ImageDataset): Evaluation {
  const { labels } = testSet;
  // The model's output width, which a test set loaded on its own may undercount.
  const numClasses = testSet.count > 0 ? probabilities.length / testSet.count : 0;
  const predicted = argmaxRows(probabilities, numClasses);
  const matrix = confusionMatrix(labels, predicted, numClasses);

  const misclassified: Misclassification[] = [];
  for (let index = 0; index < labels.length && misclassified.length < MISCLASSIFIED_KEPT;
    index++) {
    if (labels[index] !== predicted[index]) {
      misclassified.push({ index, label: labels[index], predicted: predicted[index] });
    }
  }

  return {
    samples: testSet.count,
    accuracy: accuracy(labels, predicted),
    loss: meanCrossEntropy(probabilities, labels, numClasses),
    macroF1: macroF1(matrix),
    perClass: perClassMetrics(matrix),
    confusionMatrix: matrix,
    misclassified,
  };
}
