import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadMnist, type TrainTestSets } from '../../ml/datasets/idx-pair';
import { takeFirst } from '../../ml/datasets/image-dataset';
import { trainAndEvaluate } from '../../ml/index';
import { parseRunConfig } from '../../ml/models/config';
import { setupBackend } from '../../ml/training/backend';
import { LayersTrainer } from '../../ml/training/layers-trainer';
import { ManualMlpTrainer } from '../../ml/training/manual-mlp';
import { createRandom, shuffledIndices } from '../../ml/training/random';
import type { EpochRecord } from '../../ml/training/train';

let mnist: TrainTestSets;

beforeAll(async () => {
  await setupBackend('wasm');
  mnist = await loadMnist();
});

function smallRun(config: Record<string, unknown>, extra: object = {}) {
  return trainAndEvaluate({
    trainSet: mnist.train,
    testSet: mnist.test,
    backend: 'wasm',
    config: { sampleLimit: 1000, testLimit: 500, epochs: 2, ...config },
    ...extra,
  });
}

describe('training the reference MLP', () => {
  it('reaches over 80% test accuracy on 2,000 MNIST samples in 2 epochs, in seconds', async () => {
    const epochs: EpochRecord[] = [];
    const started = performance.now();

    const outcome = await smallRun({ sampleLimit: 2000, testLimit: 1000 },
      { onEpoch: (record: EpochRecord) => { epochs.push(record); } });

    expect(outcome.evaluation.accuracy).toBeGreaterThan(0.8);
    expect(outcome.evaluation.samples).toBe(1000);
    expect((performance.now() - started) / 1000).toBeLessThan(20);
    expect(outcome.trainer).toBe('simd-mlp');
    expect(outcome.backend).toBe('wasm');
    expect(outcome.tfjsVersion).toBe(tf.version.tfjs);
    expect(epochs.map(({ epoch, epochs: total }) => [epoch, total])).toEqual([[1, 2], [2, 2]]);
    expect(epochs[1].loss).toBeLessThan(epochs[0].loss);
    expect(epochs[0].samplesPerSecond).toBeGreaterThan(0);
    expect(outcome.history).toEqual(epochs);
    expect(outcome.evaluation.confusionMatrix.flat().reduce((a, b) => a + b)).toBe(1000);
    outcome.model.dispose();
  });

  it('reproduces identical metrics from the same configuration and seed', async () => {
    const first = await smallRun({ seed: 7 });
    const second = await smallRun({ seed: 7 });
    const otherSeed = await smallRun({ seed: 8 });

    const losses = (outcome: typeof first) => outcome.history.map((record) => record.loss);
    expect(losses(second)).toEqual(losses(first));
    expect(second.evaluation).toEqual(first.evaluation);
    expect(losses(otherSeed)).not.toEqual(losses(first));
    for (const outcome of [first, second, otherSeed]) outcome.model.dispose();
  });

  it('reports validation loss and accuracy when a validation split is set', async () => {
    const outcome = await smallRun({ validationSplit: 0.2, epochs: 1 });

    const [record] = outcome.history;
    expect(record.valLoss).toBeGreaterThan(0);
    expect(record.valAccuracy).toBeGreaterThan(0.5);
    expect(record.samplesPerSecond * record.seconds).toBeCloseTo(800);
    outcome.model.dispose();
  });

  it('stops between batches when the run is cancelled, keeping no tensors', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const controller = new AbortController();

    const run = smallRun({ epochs: 5 }, {
      signal: controller.signal,
      onEpoch: () => controller.abort(),
    });

    await expect(run).rejects.toMatchObject({ code: 'run_cancelled' });
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('keeps no tensors once the trained model is disposed', async () => {
    const tensorsBefore = tf.memory().numTensors;

    const outcome = await smallRun({ hiddenLayers: [32, 16], batchSize: 256, epochs: 1 });
    outcome.model.dispose();

    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});

describe('the manual-backprop trainer', () => {
  // Both trainers draw Glorot weights in the same order from the same seed, so they start
  // from the same network; the hand-written gradients must then follow tf's own.
  it.each([
    { hiddenLayers: [32], batchSize: 16, orientation: 'transposed' },
    { hiddenLayers: [32], batchSize: 64, orientation: 'row-major' },
    { hiddenLayers: [32, 16], batchSize: 16, orientation: 'transposed' },
    { hiddenLayers: [32, 16], batchSize: 64, orientation: 'row-major' },
  ])('computes what the Layers API computes: $hiddenLayers, $orientation',
    async ({ hiddenLayers, batchSize }) => {
      const trainSet = takeFirst(mnist.train, 640);
      const testSet = takeFirst(mnist.test, 200);
      const config = parseRunConfig({ hiddenLayers, batchSize, learningRate: 0.003 });
      const manual = new ManualMlpTrainer({ trainSet, hiddenLayers, batchSize,
        learningRate: config.learningRate, random: createRandom(5) });
      const layers = new LayersTrainer({ trainSet, config, initRandom: createRandom(5),
        augmentationRandom: createRandom(6), dropoutSeed: 7 });

      const order = shuffledIndices(trainSet.count, createRandom(8));

      for (let start = 0; start < order.length; start += batchSize) {
        const manualStats = manual.trainBatch(order, start, batchSize);
        const layersStats = await layers.trainBatch(order, start, batchSize);
        expect(manualStats.lossSum / batchSize).toBeCloseTo(layersStats.lossSum / batchSize, 3);
      }
      const manualProbabilities = manual.predict(testSet);
      const layersProbabilities = layers.predict(testSet);

      let largestDifference = 0;
      manualProbabilities.forEach((p, i) => {
        largestDifference = Math.max(largestDifference, Math.abs(p - layersProbabilities[i]));
      });
      expect(largestDifference).toBeLessThan(1e-3);
      expect(manual.transposed).toBe(batchSize < hiddenLayers[0]);
      manual.dispose();
      layers.dispose();
    });
});
