import * as tf from '@tensorflow/tfjs';

import { ArrayAdam } from './adam';
import type { BatchStats } from './batch-trainer';
import { glorotUniform, type Random } from './random';

/**
 * The manual MLP's output layer, dense + softmax + categorical cross-entropy, held in JS
 * arrays: at a few thousand parameters, plain loops beat a dozen kernel calls.
 */
export class SoftmaxOutputLayer {
  readonly weights: Float32Array; // [inputs, classes]
  readonly bias: Float32Array;
  private readonly weightsT: Float32Array; // [classes, inputs]
  private readonly weightsAdam: ArrayAdam;
  private readonly biasAdam: ArrayAdam;
  // Gradients of the mean loss for the current batch.
  readonly dLogits: Float32Array; // [batch, classes]
  readonly dLogitsT: Float32Array; // [classes, batch]
  private readonly dBias: Float32Array;
  private readonly exps: Float32Array;

  constructor(readonly inputs: number, readonly classes: number, maxBatch: number,
    learningRate: number, random: Random) {
    this.weights = glorotUniform(inputs * classes, inputs, classes, random);
    this.bias = new Float32Array(classes);
    this.weightsT = new Float32Array(inputs * classes);
    this.weightsAdam = new ArrayAdam(this.weights.length, learningRate);
    this.biasAdam = new ArrayAdam(classes, learningRate);
    this.dLogits = new Float32Array(maxBatch * classes);
    this.dLogitsT = new Float32Array(maxBatch * classes);
    this.dBias = new Float32Array(classes);
    this.exps = new Float32Array(classes);
  }

  weightsTensor(): tf.Tensor2D {
    return tf.tensor2d(this.weights, [this.inputs, this.classes]);
  }

  /** The weights as [classes, inputs], current as of the last update. */
  transposedWeightsTensor(): tf.Tensor2D {
    for (let i = 0; i < this.inputs; i++) {
      for (let j = 0; j < this.classes; j++) {
        this.weightsT[j * this.inputs + i] = this.weights[i * this.classes + j];
      }
    }
    return tf.tensor2d(this.weightsT, [this.classes, this.inputs]);
  }

  dLogitsTensor(count: number): tf.Tensor2D {
    return tf.tensor2d(this.dLogits.subarray(0, count * this.classes), [count, this.classes]);
  }

  dLogitsTTensor(count: number): tf.Tensor2D {
    return tf.tensor2d(this.dLogitsT.subarray(0, count * this.classes), [this.classes, count]);
  }

  /**
   * Loss and hits of a batch from its logits before the bias, laid out [batch, classes]
   * or, with `classMajor`, [classes, batch]; fills the gradients of the mean loss.
   */
  crossEntropy(logits: ArrayLike<number>, labels: ArrayLike<number>, count: number,
    classMajor: boolean): BatchStats {
    const { classes, dLogits, dLogitsT, dBias, exps } = this;
    let lossSum = 0;
    let correct = 0;
    dBias.fill(0);

    for (let row = 0; row < count; row++) {
      const offset = row * classes;
      const label = labels[row];
      const predicted = this.addBiasAndFindLargest(logits, row, count, classMajor);
      const largest = dLogits[offset + predicted];
      if (predicted === label) correct += 1;

      let expSum = 0;
      for (let j = 0; j < classes; j++) {
        exps[j] = Math.exp(dLogits[offset + j] - largest);
        expSum += exps[j];
      }
      lossSum += Math.log(expSum) - (dLogits[offset + label] - largest);

      for (let j = 0; j < classes; j++) {
        const gradient = (exps[j] / expSum - (j === label ? 1 : 0)) / count;
        dLogits[offset + j] = gradient;
        dLogitsT[j * count + row] = gradient;
        dBias[j] += gradient;
      }
    }
    return { lossSum, correct };
  }

  /** One Adam step, from the weights' gradient and the bias gradient of crossEntropy. */
  update(dWeights: ArrayLike<number>): void {
    this.weightsAdam.update(this.weights, dWeights);
    this.biasAdam.update(this.bias, this.dBias);
  }

  /** Softmax of logits [count, classes] (bias not yet added) into `target` at `offset`. */
  probabilities(logits: ArrayLike<number>, count: number, target: Float32Array,
    offset: number): void {
    const { classes } = this;
    for (let row = 0; row < count; row++) {
      const from = row * classes;
      const to = offset + from;
      let largest = -Infinity;
      for (let j = 0; j < classes; j++) {
        largest = Math.max(largest, logits[from + j] + this.bias[j]);
      }
      let expSum = 0;
      for (let j = 0; j < classes; j++) {
        target[to + j] = Math.exp(logits[from + j] + this.bias[j] - largest);
        expSum += target[to + j];
      }
      for (let j = 0; j < classes; j++) target[to + j] /= expSum;
    }
  }

  /** Writes logit + bias for one row into dLogits; returns the class of the largest. */
  private addBiasAndFindLargest(logits: ArrayLike<number>, row: number, count: number,
    classMajor: boolean): number {
    const offset = row * this.classes;
    let largest = 0;
    for (let j = 0; j < this.classes; j++) {
      const logit = classMajor ? logits[j * count + row] : logits[offset + j];
      this.dLogits[offset + j] = logit + this.bias[j];
      if (this.dLogits[offset + j] > this.dLogits[offset + largest]) largest = j;
    }
    return largest;
  }
}
