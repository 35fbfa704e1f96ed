import * as tf from '@tensorflow/tfjs';

import { pixelsPerImage, type ImageDataset } from '../datasets/image-dataset';
import { MLP_WASM_BASE64 } from '../kernels/mlp-wasm';
import { buildMlpModel } from '../models/layers-model';
import type { BatchStats, BatchTrainer } from './batch-trainer';
import { glorotUniform, type Random } from './random';

// The reference MLP family (dense ReLU layers, softmax, Adam; no dropout or penalties)
// trained by Tandem's own WebAssembly kernels (ml/kernels/mlp.c): every product skips the
// zeros of its input (most of MNIST's pixels, half of a ReLU's outputs), which XNNPACK's
// dense products cannot. Weights, moments, batches and the training images live in the
// module's memory; JS computes the softmax and the loss. The same seed draws the same
// initial weights as the other trainers; only the order of additions differs.

// Adam as tf.train.adam: β1 0.9, β2 0.999, ε 1e-7.
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-7;
const WASM_PAGE = 65536;
// Images staged at a time while the training set is listed.
const STAGING_ROWS = 1024;


interface Kernels {
  memory: WebAssembly.Memory;
  __heap_base: WebAssembly.Global;
  rows_from_bytes(images: number, pixels: number, count: number, index: number, value: number,
    starts: number, counts: number): void;
  packed_rows_from_bytes(images: number, pixels: number, count: number, base: number,
    index: number, value: number, starts: number): number;
  count_nonzero(bytes: number, n: number): number;
  select_rows(packedStarts: number, order: number, count: number, starts: number,
    counts: number): void;
  rows_from_floats(x: number, width: number, count: number, index: number, value: number,
    starts: number, counts: number): void;
  dense_forward(index: number, value: number, starts: number, counts: number, count: number,
    weights: number, bias: number, units: number, relu: number, out: number): void;
  dense_backward(index: number, value: number, starts: number, counts: number, inputs: number,
    count: number, weights: number, units: number, dOut: number, dWeights: number,
    dBias: number, dIn: number): void;
  adam_update(params: number, m: number, v: number, g: number, n: number, beta1: number,
    beta2: number, stepSize: number, vScale: number, epsilon: number): void;
}

let compiled: WebAssembly.Module | undefined;

function instantiate(): Kernels {
  compiled ??= new WebAssembly.Module(Buffer.from(MLP_WASM_BASE64, 'base64'));
  return new WebAssembly.Instance(compiled).exports as unknown as Kernels;
}

/** A bump allocator over the module's memory; allocate everything, then take views. */
class Arena {
  private next: number;

  constructor(private readonly memory: WebAssembly.Memory, heapBase: number) {
    this.next = heapBase;
  }

  alloc(bytes: number): number {
    const at = Math.ceil(this.next / 16) * 16;
    this.next = at + bytes;
    const missing = this.next - this.memory.buffer.byteLength;
    if (missing > 0) this.memory.grow(Math.ceil(missing / WASM_PAGE));
    return at;
  }

  floats(at: number, count: number): Float32Array {
    return new Float32Array(this.memory.buffer, at, count);
  }
}

/** A batch's layer input as lists of each row's non-zero entries (see mlp.c). */
interface RowLists {
  index: number;
  value: number;
  starts: number;
  counts: number;
}

/** Rows packed without gaps: the training images' non-zero pixels, listed once. */
interface PackedRows {
  index: number;
  value: number;
  /** count + 1 offsets: image i's entries are [starts[i], starts[i + 1]). */
  starts: number;
}

interface Layer {
  inputs: number;
  /** The batch's input to this layer. */
  rows: RowLists;
  units: number;
  relu: boolean;
  weights: number;
  bias: number;
  dWeights: number;
  dBias: number;
  moments: { m: number; v: number; size: number; of: number; gradient: number }[];
}

export interface SimdMlpOptions {
  trainSet: ImageDataset;
  hiddenLayers: readonly number[];
  learningRate: number;
  batchSize: number;
  random: Random;
}

export class SimdMlpTrainer implements BatchTrainer {
  readonly kind = 'simd-mlp';

  private readonly kernels: Kernels;
  private readonly arena: Arena;
  private readonly pixels: number;
  private readonly classes: number;
  private readonly maxBatch: number;
  private readonly shape: ImageDataset['shape'];
  private readonly labels: ImageDataset['labels'];
  private readonly layers: Layer[];
  /** outputs[k]: layer k's output, [maxBatch, units]; the last one holds the logits. */
  private readonly outputs: number[];
  /** deltas[k]: ∂loss/∂ layer k's pre-activation, [maxBatch, units]. */
  private readonly deltas: number[];
  private readonly packed: PackedRows;
  private readonly staging: number;
  private readonly stagingRows: number;
  /** The lists of the first layer's input that the last forward pass read. */
  private firstInput: RowLists;
  private readonly order: number;
  private readonly batchLabels: Int32Array;
  private step = 0;

  /** Throws a RangeError when the training images do not fit in the module's memory. */
  constructor(private readonly options: SimdMlpOptions) {
    const { trainSet, hiddenLayers, batchSize, random } = options;
    this.kernels = instantiate();
    this.arena = new Arena(this.kernels.memory, this.kernels.__heap_base.value as number);
    this.pixels = pixelsPerImage(trainSet.shape);
    this.classes = trainSet.numClasses;
    this.maxBatch = batchSize;
    this.shape = trainSet.shape;
    this.labels = trainSet.labels;
    this.batchLabels = new Int32Array(batchSize);

    const widths = [this.pixels, ...hiddenLayers, this.classes];
    const floats = (count: number) => this.arena.alloc(4 * count);
    this.layers = widths.slice(1).map((units, k) => {
      const inputs = widths[k];
      const weights = floats(inputs * units);
      const bias = floats(units);
      const dWeights = floats(inputs * units);
      const dBias = floats(units);
      const rows = { index: this.arena.alloc(4 * batchSize * inputs),
        value: floats(batchSize * inputs), starts: this.arena.alloc(4 * batchSize),
        counts: this.arena.alloc(4 * batchSize) };
      return { inputs, rows, units, relu: k < widths.length - 2, weights, bias, dWeights, dBias,
        moments: [
          { m: floats(inputs * units), v: floats(inputs * units), size: inputs * units,
            of: weights, gradient: dWeights },
          { m: floats(units), v: floats(units), size: units, of: bias, gradient: dBias },
        ] };
    });
    this.outputs = this.layers.map((layer) => floats(batchSize * layer.units));
    this.deltas = this.layers.map((layer) => floats(batchSize * layer.units));
    this.order = this.arena.alloc(4 * batchSize);
    this.stagingRows = Math.max(batchSize, STAGING_ROWS);
    this.staging = this.arena.alloc(this.stagingRows * this.pixels);
    const entries = this.countTrainingNonzero(trainSet);
    this.packed = { index: this.arena.alloc(4 * entries), value: floats(entries),
      starts: this.arena.alloc(4 * (trainSet.count + 1)) };
    this.packTrainingImages(trainSet);
    this.firstInput = this.layers[0].rows;

    // The memory is zeroed when it grows: biases and moments start at 0. Kernels are drawn
    // layer by layer in the order the other trainers draw them.
    for (const layer of this.layers) {
      this.arena.floats(layer.weights, layer.inputs * layer.units)
        .set(glorotUniform(layer.inputs * layer.units, layer.inputs, layer.units, random));
    }
  }

  trainBatch(order: Int32Array, start: number, count: number): BatchStats {
    const { kernels } = this;
    new Int32Array(kernels.memory.buffer, this.order, count)
      .set(order.subarray(start, start + count));
    const first = this.layers[0].rows;
    kernels.select_rows(this.packed.starts, this.order, count, first.starts, first.counts);
    this.forward({ ...first, index: this.packed.index, value: this.packed.value }, count);

    for (let row = 0; row < count; row++) this.batchLabels[row] = this.labels[order[start + row]];
    const stats = softmaxCrossEntropy(this.logits(count), this.batchLabels, count, this.classes,
      this.arena.floats(this.deltas[this.layers.length - 1], count * this.classes));

    for (let k = this.layers.length - 1; k >= 0; k--) {
      const layer = this.layers[k];
      const { index, value, starts, counts } = k === 0 ? this.firstInput : layer.rows;
      kernels.dense_backward(index, value, starts, counts, layer.inputs, count, layer.weights,
        layer.units, this.deltas[k], layer.dWeights, layer.dBias,
        k > 0 ? this.deltas[k - 1] : 0);
    }
    this.applyAdam();
    return stats;
  }

  predict(dataset: ImageDataset): Float32Array {
    const probabilities = new Float32Array(dataset.count * this.classes);
    const size = pixelsPerImage(dataset.shape);
    for (let start = 0; start < dataset.count; start += this.maxBatch) {
      const count = Math.min(this.maxBatch, dataset.count - start);
      new Uint8Array(this.kernels.memory.buffer, this.staging, count * size)
        .set(dataset.images.subarray(start * size, (start + count) * size));
      const first = this.layers[0].rows;
      this.kernels.rows_from_bytes(this.staging, size, count, first.index, first.value,
        first.starts, first.counts);
      this.forward(first, count);
      softmax(this.logits(count), count, this.classes,
        probabilities.subarray(start * this.classes, (start + count) * this.classes));
    }
    return probabilities;
  }

  toLayersModel(): tf.LayersModel {
    const model = buildMlpModel(this.shape, this.options.hiddenLayers, this.classes);
    const weights = this.layers.flatMap((layer) => [
      tf.tensor2d(this.arena.floats(layer.weights, layer.inputs * layer.units).slice(),
        [layer.inputs, layer.units]),
      tf.tensor1d(this.arena.floats(layer.bias, layer.units).slice()),
    ]);
    model.setWeights(weights);
    tf.dispose(weights);
    return model;
  }

  dispose(): void {
    // The module's memory goes with the instance when nothing refers to it any more.
  }

  /** `count` rows forward, from the lists of their pixels. */
  private forward(pixels: RowLists, count: number): void {
    const { kernels } = this;
    this.firstInput = pixels;
    this.layers.forEach((layer, k) => {
      const rows = k === 0 ? pixels : layer.rows;
      if (k > 0) {
        kernels.rows_from_floats(this.outputs[k - 1], layer.inputs, count, rows.index,
          rows.value, rows.starts, rows.counts);
      }
      kernels.dense_forward(rows.index, rows.value, rows.starts, rows.counts, count,
        layer.weights, layer.bias, layer.units, layer.relu ? 1 : 0, this.outputs[k]);
    });
  }

  /** Copies the training images through the staging area, a block of images at a time. */
  private eachStagedBlock(trainSet: ImageDataset, use: (first: number, count: number) => void) {
    const { pixels } = this;
    for (let first = 0; first < trainSet.count; first += this.stagingRows) {
      const count = Math.min(this.stagingRows, trainSet.count - first);
      new Uint8Array(this.kernels.memory.buffer, this.staging, count * pixels)
        .set(trainSet.images.subarray(first * pixels, (first + count) * pixels));
      use(first, count);
    }
  }

  private countTrainingNonzero(trainSet: ImageDataset): number {
    let entries = 0;
    this.eachStagedBlock(trainSet, (_, count) => {
      entries += this.kernels.count_nonzero(this.staging, count * this.pixels);
    });
    return entries;
  }

  /** Lists the training images' non-zero pixels once, through the staging area. */
  private packTrainingImages(trainSet: ImageDataset): void {
    const { kernels, pixels } = this;
    let entries = 0;
    this.eachStagedBlock(trainSet, (first, count) => {
      entries += kernels.packed_rows_from_bytes(this.staging, pixels, count, entries,
        this.packed.index + 4 * entries, this.packed.value + 4 * entries,
        this.packed.starts + 4 * first);
    });
    new Int32Array(kernels.memory.buffer, this.packed.starts, trainSet.count + 1)[trainSet.count] =
      entries;
  }

  private logits(count: number): Float32Array {
    return this.arena.floats(this.outputs[this.layers.length - 1], count * this.classes);
  }

  private applyAdam(): void {
    this.step += 1;
    const stepSize = this.options.learningRate / (1 - BETA1 ** this.step);
    const vScale = 1 / (1 - BETA2 ** this.step);
    for (const layer of this.layers) {
      for (const { m, v, size, of, gradient } of layer.moments) {
        this.kernels.adam_update(of, m, v, gradient, size, BETA1, BETA2, stepSize, vScale,
          EPSILON);
      }
    }
  }
}

/**
 * Loss and hits of a batch from its logits [count, classes]; writes ∂(mean loss)/∂logits
 * into `dLogits`.
 */
function softmaxCrossEntropy(logits: Float32Array, labels: Int32Array, count: number,
  classes: number, dLogits: Float32Array): BatchStats {
  let lossSum = 0;
  let correct = 0;
  for (let row = 0; row < count; row++) {
    const offset = row * classes;
    const label = labels[row];
    let predicted = 0;
    for (let j = 1; j < classes; j++) {
      if (logits[offset + j] > logits[offset + predicted]) predicted = j;
    }
    if (predicted === label) correct += 1;

    const largest = logits[offset + predicted];
    let expSum = 0;
    for (let j = 0; j < classes; j++) expSum += Math.exp(logits[offset + j] - largest);
    lossSum += Math.log(expSum) - (logits[offset + label] - largest);
    for (let j = 0; j < classes; j++) {
      const probability = Math.exp(logits[offset + j] - largest) / expSum;
      dLogits[offset + j] = (probability - (j === label ? 1 : 0)) / count;
    }
  }
  return { lossSum, correct };
}

function softmax(logits: Float32Array, count: number, classes: number,
  target: Float32Array): void {
  for (let row = 0; row < count; row++) {
    const offset = row * classes;
    let largest = -Infinity;
    for (let j = 0; j < classes; j++) largest = Math.max(largest, logits[offset + j]);
    let expSum = 0;
    for (let j = 0; j < classes; j++) {
      target[offset + j] = Math.exp(logits[offset + j] - largest);
      expSum += target[offset + j];
    }
    for (let j = 0; j < classes; j++) target[offset + j] /= expSum;
  }
}
