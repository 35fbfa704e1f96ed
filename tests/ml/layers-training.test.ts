import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadMnist, type TrainTestSets } from '../../ml/datasets/idx-pair';
import { trainAndEvaluate } from '../../ml/index';
import { resolveRunConfig } from '../../ml/models/config';
import { setupBackend } from '../../ml/training/backend';

let mnist: TrainTestSets;

beforeAll(async () => {
  await setupBackend('wasm');
  mnist = await loadMnist();
});

const tinyCnn = resolveRunConfig('cnn-augmented', {
  convFilters: [8, 16],
  hiddenLayers: [32],
  learningRate: 0.003,
  epochs: 2,
  sampleLimit: 1024,
  testLimit: 200,
});

describe('training through the Layers API', () => {
  it('trains a small augmented CNN with dropout on WASM', async () => {
    const outcome = await trainAndEvaluate({ trainSet: mnist.train, testSet: mnist.test,
      backend: 'wasm', config: tinyCnn });

    expect(outcome.trainer).toBe('layers');
    expect(outcome.history).toHaveLength(2);
    expect(outcome.evaluation.accuracy).toBeGreaterThan(0.5);
    const layerClasses = outcome.model.layers.map((layer) => layer.getClassName());
    expect(layerClasses).not.toContain('SeededDropout');
    outcome.model.dispose();
  });

  it('reproduces a CNN run, dropout and augmentation included, from its seed', async () => {
    const run = () => trainAndEvaluate({ trainSet: mnist.train, testSet: mnist.test,
      backend: 'wasm', config: { ...tinyCnn, seed: 3, epochs: 1, sampleLimit: 512 } });

    const first = await run();
    const second = await run();

    expect(second.history.map((record) => record.loss))
      .toEqual(first.history.map((record) => record.loss));
    expect(second.evaluation).toEqual(first.evaluation);
    first.model.dispose();
    second.model.dispose();
  });

  it('trains an MLP with dropout and L2 penalties', async () => {
    const outcome = await trainAndEvaluate({ trainSet: mnist.train, testSet: mnist.test,
      backend: 'wasm',
      config: { hiddenLayers: [64], dropout: 0.2, l2: 1e-4, epochs: 3, sampleLimit: 2000,
        testLimit: 500 } });

    expect(outcome.trainer).toBe('layers');
    expect(outcome.evaluation.accuracy).toBeGreaterThan(0.8);
    outcome.model.dispose();
  });

  it('refuses images too small for the convolution blocks', async () => {
    const tinyImages = { ...mnist.train, shape: [2, 2, 1] as const, count: 10,
      images: new Uint8Array(40), labels: new Uint8Array(10) };

    const run = trainAndEvaluate({ trainSet: tinyImages, testSet: tinyImages, backend: 'wasm',
      config: { architecture: 'cnn', convFilters: [4, 4], epochs: 1 } });

    await expect(run).rejects.toMatchObject({ code: 'dataset_incompatible' });
  });
});

describe('the WASM gradients of a convolution', () => {
  it.each([
    { input: [4, 9, 9, 3], filter: [3, 3, 3, 5], strides: 1, pad: 'same' },
    { input: [2, 7, 6, 2], filter: [3, 3, 2, 4], strides: 1, pad: 'valid' },
    { input: [2, 10, 11, 2], filter: [3, 2, 2, 4], strides: 2, pad: 'valid' },
    { input: [3, 8, 8, 1], filter: [5, 5, 1, 2], strides: [2, 1], pad: 'same' },
  ] as const)('match the CPU backend for $filter, strides $strides, $pad',
    async ({ input, filter, strides, pad }) => {
      const gradients = (x: tf.Tensor4D, f: tf.Tensor4D, dy: tf.Tensor4D) =>
        tf.grads((xs: tf.Tensor, fs: tf.Tensor) => tf.sum(tf.mul(
          tf.conv2d(xs as tf.Tensor4D, fs as tf.Tensor4D, strides as [number, number], pad),
          dy)))([x, f]).map((gradient) => gradient.dataSync().slice());
      await setupBackend('cpu');
      const x = tf.randomNormal([...input], 0, 1, 'float32', 1) as tf.Tensor4D;
      const f = tf.randomNormal([...filter], 0, 1, 'float32', 2) as tf.Tensor4D;
      const dyShape = tf.conv2d(x, f, strides as [number, number], pad).shape;
      const dy = tf.randomNormal(dyShape, 0, 1, 'float32', 3) as tf.Tensor4D;
      const onCpu = gradients(x, f, dy);
      const values = [x, f, dy].map((tensor) => tensor.dataSync().slice());

      await setupBackend('wasm');
      const onWasm = gradients(tf.tensor4d(values[0], x.shape), tf.tensor4d(values[1], f.shape),
        tf.tensor4d(values[2], dyShape));

      onCpu.forEach((expected, k) => {
        expect(onWasm[k]).toHaveLength(expected.length);
        expected.forEach((value, i) => expect(onWasm[k][i]).toBeCloseTo(value, 3));
      });
    });
});
