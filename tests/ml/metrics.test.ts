import { describe, expect, it } from 'vitest';

import {
  accuracy,
  argmaxRows,
  confusionMatrix,
  macroF1,
  meanCrossEntropy,
  perClassMetrics,
} from '../../ml/evaluation/metrics';

// Three classes, eight samples. By hand:
//   true 0: predicted 0, 0, 1        → row [2, 1, 0]
//   true 1: predicted 1, 1, 2        → row [0, 2, 1]
//   true 2: predicted 2, 0           → row [1, 0, 1]
const trueLabels = [0, 0, 0, 1, 1, 1, 2, 2];
const predicted = [0, 0, 1, 1, 1, 2, 2, 0];

describe('classification metrics', () => {
  it('counts each (true, predicted) pair in the confusion matrix', () => {
    const matrix = confusionMatrix(trueLabels, predicted, 3);

    expect(matrix).toEqual([
      [2, 1, 0],
      [0, 2, 1],
      [1, 0, 1],
    ]);
  });

  it('computes accuracy as the share of right predictions', () => {
    expect(accuracy(trueLabels, predicted)).toBe(5 / 8);
    expect(accuracy([], [])).toBe(0);
  });

  it('computes precision, recall, F1 and support per class', () => {
    const matrix = confusionMatrix(trueLabels, predicted, 3);

    const perClass = perClassMetrics(matrix);

    // class 0: tp 2, predicted 3, support 3; class 1: tp 2, predicted 3, support 3;
    // class 2: tp 1, predicted 2, support 2.
    const supports = perClass.map(({ label, support }) => [label, support]);
    expect(supports).toEqual([[0, 3], [1, 3], [2, 2]]);
    expect(perClass[0].precision).toBeCloseTo(2 / 3);
    expect(perClass[0].recall).toBeCloseTo(2 / 3);
    expect(perClass[0].f1).toBeCloseTo(2 / 3);
    expect(perClass[2].precision).toBeCloseTo(1 / 2);
    expect(perClass[2].recall).toBeCloseTo(1 / 2);
    expect(perClass[2].f1).toBeCloseTo(1 / 2);
  });

  it('averages F1 over the classes that occur', () => {
    const matrix = confusionMatrix(trueLabels, predicted, 4);

    expect(macroF1(matrix)).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 2) / 3);
  });

  it('counts a class that is never predicted as precision 0, not a division by zero', () => {
    const matrix = confusionMatrix([0, 1, 1], [0, 0, 0], 2);

    const [zero, one] = perClassMetrics(matrix);

    expect(one).toEqual({ label: 1, precision: 0, recall: 0, f1: 0, support: 2 });
    expect(zero.precision).toBeCloseTo(1 / 3);
    expect(zero.recall).toBe(1);
    expect(zero.f1).toBeCloseTo(0.5);
  });

  it('refuses label arrays that do not pair up', () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(/2 true labels but 1 predictions/);
  });

  it('takes the most probable class of each row', () => {
    const probabilities = [0.1, 0.7, 0.2, 0.5, 0.2, 0.3];

    expect(Array.from(argmaxRows(probabilities, 3))).toEqual([1, 0]);
  });

  it('computes the mean cross-entropy of the true classes, clipping zero probabilities', () => {
    const probabilities = [0.5, 0.5, 0, 1];

    const loss = meanCrossEntropy(probabilities, [0, 0], 2);

    expect(loss).toBeCloseTo((-Math.log(0.5) - Math.log(1e-7)) / 2);
  });
});
