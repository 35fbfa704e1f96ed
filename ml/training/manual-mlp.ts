import * as tf from '@tensorflow/tfjs';

import { pixelsPerImage, type ImageDataset } from '../datasets/image-dataset';
import { buildMlpModel } from '../models/layers-model';
import { TensorAdam } from './adam';
import type { BatchStats, BatchTrainer } from './batch-trainer';
import { fillScaledRows } from './pixels';
import { glorotUniform, type Random } from './random';
import { SoftmaxOutputLayer } from './softmax-output';

// The fast path for the reference MLP family (dense ReLU layers, softmax, Adam, no dropout
// or penalties): backpropagation written out by hand in ~25 kernels per step, where the
// Layers API runs ~150. Each choice below was measured on the WASM backend (STACK.md):
//  - The first layer's bias is a last row of its weights, fed by a column of ones in the
//    input, so its gradient comes out of the weights' product with no extra reduction.
//  - The output layer runs in plain JS (softmax-output.ts).
//  - XNNPACK re-packs the right-hand operand of every product whose tensor is new, i.e.
//    every operand in training. Below a batch of the first layer's width, the network is
//    computed transposed (activations as [units, batch]), so the packed operand is the
//    batch rather than the larger weights.
//  - The remaining products with a transposed operand go through the WASM matmul fix.

const PREDICT_CHUNK = 1024;

export interface ManualMlpOptions {
  trainSet: ImageDataset;
  hiddenLayers: readonly number[];
  learningRate: number;
  batchSize: number;
  random: Random;
  /** 'auto' (the default) computes transposed below a batch of the first layer's width. */
  layout?: 'auto' | 'transposed' | 'row-major';
}

interface HiddenLayer {
  units: number;
  /** [inputs, units]; the first layer has one more input row: its bias. */
  weights: tf.Tensor;
  /** Null for the first layer, whose bias is folded into its weights. */
  bias: tf.Tensor | null;
  weightsAdam: TensorAdam;
  biasAdam: TensorAdam | null;
}

interface HiddenGradients {
  weights: tf.Tensor;
  bias: tf.Tensor | null;
}

interface Backprop {
  stats: BatchStats;
  gradients: HiddenGradients[];
}

export class ManualMlpTrainer implements BatchTrainer {
  readonly kind = 'manual-mlp';
  /** Whether activations are computed as [units, batch]; see the notes above. */
  readonly transposed: boolean;

  private readonly trainSet: ImageDataset;
  /** Pixels per image plus the ones column that carries the first layer's bias. */
  private readonly inputWidth: number;
  private readonly hidden: HiddenLayer[];
  private readonly output: SoftmaxOutputLayer;
  private readonly inputRows: Float32Array; // [batch, inputWidth]
  private readonly batchLabels: Int32Array;

  constructor(options: ManualMlpOptions) {
    const { trainSet, hiddenLayers, learningRate, batchSize, random } = options;
    const layout = options.layout ?? 'auto';
    const pixels = pixelsPerImage(trainSet.shape);
    this.trainSet = trainSet;
    this.inputWidth = pixels + 1;
    this.transposed = layout === 'auto' ? batchSize < hiddenLayers[0] : layout === 'transposed';

    this.hidden = hiddenLayers.map((units, k) => k === 0
      ? createHiddenLayer(pixels, units, true, learningRate, random)
      : createHiddenLayer(hiddenLayers[k - 1], units, false, learningRate, random));
    this.output = new SoftmaxOutputLayer(hiddenLayers[hiddenLayers.length - 1],
      trainSet.numClasses, batchSize, learningRate, random);

    this.inputRows = new Float32Array(batchSize * this.inputWidth).fill(1);
    this.batchLabels = new Int32Array(batchSize);
  }

  trainBatch(order: Int32Array, start: number, count: number): BatchStats {
    fillScaledRows(this.trainSet, order, start, count, this.inputRows, this.inputWidth);
    for (let row = 0; row < count; row++) {
      this.batchLabels[row] = this.trainSet.labels[order[start + row]];
    }

    let backprop: Backprop | undefined;
    tf.tidy(() => {
      backprop = this.transposed ? this.backpropTransposed(count) : this.backpropRowMajor(count);
      for (const gradient of backprop.gradients) {
        tf.keep(gradient.weights);
        if (gradient.bias) tf.keep(gradient.bias);
      }
    });

    this.applyGradients(backprop!.gradients);
    return backprop!.stats;
  }

  predict(dataset: ImageDataset): Float32Array {
    const probabilities = new Float32Array(dataset.count * this.output.classes);
    const rows = new Float32Array(PREDICT_CHUNK * this.inputWidth).fill(1);

    for (let start = 0; start < dataset.count; start += PREDICT_CHUNK) {
      const count = Math.min(PREDICT_CHUNK, dataset.count - start);
      fillScaledRows(dataset, null, start, count, rows, this.inputWidth);
      const logits = tf.tidy(() => {
        const activations = this.forwardRowMajor(rows, count);
        const last = activations[activations.length - 1];
        return tf.matMul(last, this.output.weightsTensor()).dataSync();
      });
      this.output.probabilities(logits, count, probabilities, start * this.output.classes);
    }
    return probabilities;
  }

  toLayersModel(): tf.LayersModel {
    const widths = this.hidden.map((layer) => layer.units);
    const model = buildMlpModel(this.trainSet.shape, widths, this.output.classes);
    // Split in JS: a tensor cut out of another keeps the original's shape in the WASM
    // backend's records, and its fused matmul then refuses it as a bias.
    const [first, ...rest] = this.hidden;
    const firstValues = first.weights.dataSync();
    const kernelSize = (this.inputWidth - 1) * first.units;
    const ownWeights = [
      tf.tensor2d(firstValues.slice(0, kernelSize), [this.inputWidth - 1, first.units]),
      tf.tensor1d(firstValues.slice(kernelSize)),
      tf.tensor2d(this.output.weights.slice(), [this.output.inputs, this.output.classes]),
      tf.tensor1d(this.output.bias.slice()),
    ];
    model.setWeights([
      ownWeights[0],
      ownWeights[1],
      ...rest.flatMap((layer) => [layer.weights, layer.bias as tf.Tensor]),
      ownWeights[2],
      ownWeights[3],
    ]);
    tf.dispose(ownWeights);
    return model;
  }

  dispose(): void {
    for (const layer of this.hidden) {
      layer.weights.dispose();
      layer.bias?.dispose();
      layer.weightsAdam.dispose();
      layer.biasAdam?.dispose();
    }
  }

  private inputTensor(rows: Float32Array, count: number): tf.Tensor {
    return tf.tensor2d(rows.subarray(0, count * this.inputWidth), [count, this.inputWidth]);
  }

  private forwardRowMajor(rows: Float32Array, count: number): tf.Tensor[] {
    const activations = [this.inputTensor(rows, count)];
    for (const layer of this.hidden) {
      activations.push(tf.fused.matMul({
        a: activations[activations.length - 1],
        b: layer.weights,
        bias: layer.bias ?? undefined,
        activation: 'relu',
      }));
    }
    return activations;
  }

  /** Activations as [batch, units]: forward, the output layer in JS, backward. */
  private backpropRowMajor(count: number): Backprop {
    const activations = this.forwardRowMajor(this.inputRows, count);
    const last = activations[activations.length - 1];

    const logits = tf.matMul(last, this.output.weightsTensor()).dataSync();
    const stats = this.output.crossEntropy(logits, this.batchLabels, count, false);
    const dLogits = this.output.dLogitsTensor(count);
    const dOutputWeights = tf.matMul(last, dLogits, true, false).dataSync();
    let dActivation = tf.matMul(dLogits, this.output.transposedWeightsTensor());
    this.output.update(dOutputWeights);

    const gradients: HiddenGradients[] = [];
    for (let k = this.hidden.length - 1; k >= 0; k--) {
      const dPreActivation = tf.mul(dActivation, tf.step(activations[k + 1]));
      const weights = tf.matMul(activations[k], dPreActivation, true, false);
      if (k === 0) {
        gradients[k] = { weights, bias: null };
        break;
      }
      // A product with a row of ones sums over the batch without the transpose that a
      // sum over axis 0 costs on WASM.
      const bias = tf.matMul(tf.ones([1, count]), dPreActivation).reshape([-1]);
      gradients[k] = { weights, bias };
      dActivation = tf.matMul(dPreActivation, this.hidden[k].weights, false, true);
    }
    return { stats, gradients };
  }

  /** Activations as [units, batch]: the same computation, transposed. */
  private backpropTransposed(count: number): Backprop {
    const activationsT = [tf.transpose(this.inputTensor(this.inputRows, count))];
    for (const layer of this.hidden) {
      const previous = activationsT[activationsT.length - 1];
      // An explicit transpose rather than transposeA: the stock WASM fused matmul gets
      // transposed operands wrong in some cases (see wasm-matmul-fix.ts).
      const weightsT = tf.transpose(layer.weights);
      activationsT.push(layer.bias === null
        ? tf.fused.matMul({ a: weightsT, b: previous, activation: 'relu' })
        : tf.relu(tf.add(tf.matMul(weightsT, previous), layer.bias.reshape([-1, 1]))));
    }
    const lastT = activationsT[activationsT.length - 1];

    const logitsT = tf.matMul(this.output.transposedWeightsTensor(), lastT).dataSync();
    const stats = this.output.crossEntropy(logitsT, this.batchLabels, count, true);
    const dOutputWeights = tf.matMul(lastT, this.output.dLogitsTensor(count)).dataSync();
    let dActivationT = tf.matMul(this.output.weightsTensor(), this.output.dLogitsTTensor(count));
    this.output.update(dOutputWeights);

    const gradients: HiddenGradients[] = [];
    for (let k = this.hidden.length - 1; k >= 0; k--) {
      const dPreActivationT = tf.mul(dActivationT, tf.step(activationsT[k + 1]));
      const weights = tf.matMul(activationsT[k], dPreActivationT, false, true);
      if (k === 0) {
        gradients[k] = { weights, bias: null };
        break;
      }
      gradients[k] = { weights, bias: tf.sum(dPreActivationT, 1) };
      dActivationT = tf.matMul(this.hidden[k].weights, dPreActivationT);
    }
    return { stats, gradients };
  }

  private applyGradients(gradients: HiddenGradients[]): void {
    gradients.forEach((gradient, k) => {
      const layer = this.hidden[k];
      const weights = layer.weightsAdam.apply(layer.weights, gradient.weights);
      tf.dispose([layer.weights, gradient.weights]);
      layer.weights = weights;

      if (layer.bias === null || layer.biasAdam === null || gradient.bias === null) return;
      const bias = layer.biasAdam.apply(layer.bias, gradient.bias);
      tf.dispose([layer.bias, gradient.bias]);
      layer.bias = bias;
    });
  }
}

/** Glorot-uniform weights and zero biases, as Keras initializes a dense layer. */
function createHiddenLayer(inputs: number, units: number, foldBias: boolean,
  learningRate: number, random: Random): HiddenLayer {
  const kernel = glorotUniform(inputs * units, inputs, units, random);
  if (!foldBias) {
    return {
      units,
      weights: tf.tensor2d(kernel, [inputs, units]),
      bias: tf.zeros([units]),
      weightsAdam: new TensorAdam([inputs, units], learningRate),
      biasAdam: new TensorAdam([units], learningRate),
    };
  }

  const withBiasRow = new Float32Array((inputs + 1) * units);
  withBiasRow.set(kernel);
  return {
    units,
    weights: tf.tensor2d(withBiasRow, [inputs + 1, units]),
    bias: null,
    weightsAdam: new TensorAdam([inputs + 1, units], learningRate),
    biasAdam: null,
  };
}
