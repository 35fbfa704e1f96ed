// Classification metrics as pure functions of label arrays, with no TensorFlow.js in them.

export interface ClassMetrics {
  label: number;
  precision: number;
  recall: number;
  f1: number;
  /** Test samples that truly carry this label. */
  support: number;
}

/** Probabilities are clipped to [ε, 1 − ε] before the log, as Keras does. */
const CROSS_ENTROPY_EPSILON = 1e-7;

/** counts[true label][predicted label]. */
export function confusionMatrix(trueLabels: ArrayLike<number>, predicted: ArrayLike<number>,
  numClasses: number): number[][] {
  checkSameLength(trueLabels, predicted);
  const matrix = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < trueLabels.length; i++) matrix[trueLabels[i]][predicted[i]] += 1;
  return matrix;
}

/** Share of predictions equal to the true label; 0 for no samples. */
export function accuracy(trueLabels: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkSameLength(trueLabels, predicted);
  if (trueLabels.length === 0) return 0;

  let correct = 0;
  for (let i = 0; i < trueLabels.length; i++) if (trueLabels[i] === predicted[i]) correct += 1;
  return correct / trueLabels.length;
}

/**
 * Precision, recall and F1 of each class from a confusion matrix. A ratio with nothing
 * to divide by (a class never predicted, or never present) counts as 0, as in
 * scikit-learn's default.
 */
export function perClassMetrics(matrix: number[][]): ClassMetrics[] {
  return matrix.map((row, label) => {
    const truePositives = row[label];
    const support = sum(row);
    const predictedCount = sum(matrix.map((otherRow) => otherRow[label]));
    const precision = ratio(truePositives, predictedCount);
    const recall = ratio(truePositives, support);
    return { label, precision, recall, f1: ratio(2 * precision * recall, precision + recall),
      support };
  });
}

/**
 * The unweighted mean F1 over the classes that occur among the true or the predicted
 * labels (a class in neither says nothing about the model).
 */
export function macroF1(matrix: number[][]): number {
  const perClass = perClassMetrics(matrix);
  const occurring = perClass.filter(({ label, support }) =>
    support > 0 || matrix.some((row) => row[label] > 0));
  return ratio(sum(occurring.map(({ f1 }) => f1)), occurring.length);
}

/** The most probable class of each row of `numClasses` probabilities. */
export function argmaxRows(probabilities: ArrayLike<number>, numClasses: number): Int32Array {
  const rows = probabilities.length / numClasses;
  const predicted = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    let best = 0;
    for (let j = 1; j < numClasses; j++) {
      if (probabilities[row * numClasses + j] > probabilities[row * numClasses + best]) best = j;
    }
    predicted[row] = best;
  }
  return predicted;
}

/** Mean categorical cross-entropy of predicted probabilities against the true labels. */
export function meanCrossEntropy(probabilities: ArrayLike<number>,
  trueLabels: ArrayLike<number>, numClasses: number): number {
  if (trueLabels.length === 0) return 0;

  let total = 0;
  for (let row = 0; row < trueLabels.length; row++) {
    const p = probabilities[row * numClasses + trueLabels[row]];
    total -= Math.log(Math.min(Math.max(p, CROSS_ENTROPY_EPSILON), 1 - CROSS_ENTROPY_EPSILON));
  }
  return total / trueLabels.length;
}

function checkSameLength(trueLabels: ArrayLike<number>, predicted: ArrayLike<number>): void {
  if (trueLabels.length === predicted.length) return;
  throw new RangeError(`There are ${trueLabels.length} true labels but ${predicted.length} ` +
    'predictions; they must pair up one to one.');
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
