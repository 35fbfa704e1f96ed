import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadMnist, type TrainTestSets } from '../../ml/datasets/idx-pair';
import { takeFirst, type ImageDataset } from '../../ml/datasets/image-dataset';
import { MLP_SOURCE_SHA256 } from '../../ml/kernels/mlp-wasm';
import { parseRunConfig } from '../../ml/models/config';
import { predictProbabilities } from '../../ml/models/predict';
import { setupBackend } from '../../ml/training/backend';
import { LayersTrainer } from '../../ml/training/layers-trainer';
import { createRandom, shuffledIndices } from '../../ml/training/random';
import { SimdMlpTrainer } from '../../ml/training/simd-mlp';
import { nonzeroShare, trainModel } from '../../ml/training/train';

let mnist: TrainTestSets;

beforeAll(async () => {
  await setupBackend('wasm');
  mnist = await loadMnist();
});

/** Images of 5×5×3 bytes, a third of them zero: sizes that fill no SIMD vector evenly. */
function oddImages(count: number, seed: number): ImageDataset {
  const random = createRandom(seed);
  const images = new Uint8Array(count * 75);
  for (let i = 0; i < images.length; i++) {
    images[i] = random() < 1 / 3 ? 0 : 1 + Math.floor(random() * 255);
  }
  const labels = Int32Array.from({ length: count }, (_, k) => (images[k * 75] + k) % 3);
  return { images, labels, count, shape: [5, 5, 3], numClasses: 3 };
}

function largestDifference(a: Float32Array, b: Float32Array): number {
  return a.reduce((largest, value, i) => Math.max(largest, Math.abs(value - b[i])), 0);
}

describe('the SIMD kernels trainer', () => {
  it('is built from the current ml/kernels/mlp.c (npm run build:kernels)', () => {
    const source = readFileSync(new URL('../../ml/kernels/mlp.c', import.meta.url));

    expect(createHash('sha256').update(source).digest('hex')).toBe(MLP_SOURCE_SHA256);
  });

  // Both trainers draw Glorot weights in the same order from the same seed, so they start
  // from the same network; the kernels' gradients and Adam steps must then follow tf's.
  it.each([
    { data: 'mnist', hiddenLayers: [32], batchSize: 16 },
    { data: 'mnist', hiddenLayers: [32, 16], batchSize: 64 },
    { data: 'mnist', hiddenLayers: [37], batchSize: 50 },
    { data: 'odd', hiddenLayers: [6, 35], batchSize: 24 },
  ])('computes what the Layers API computes: $data, $hiddenLayers, batch $batchSize',
    async ({ data, hiddenLayers, batchSize }) => {
      const trainSet = data === 'mnist' ? takeFirst(mnist.train, 630) : oddImages(230, 3);
      const testSet = data === 'mnist' ? takeFirst(mnist.test, 200) : oddImages(100, 4);
      const config = parseRunConfig({ hiddenLayers, batchSize, learningRate: 0.003 });
      const simd = new SimdMlpTrainer({ trainSet, hiddenLayers, batchSize,
        learningRate: config.learningRate, random: createRandom(5) });
      const layers = new LayersTrainer({ trainSet, config, initRandom: createRandom(5),
        augmentationRandom: createRandom(6), dropoutSeed: 7 });
      const order = shuffledIndices(trainSet.count, createRandom(8));

      // The last batch is a short one: 630 and 230 are no multiples of the batch sizes.
      for (let start = 0; start < order.length; start += batchSize) {
        const count = Math.min(batchSize, order.length - start);
        const simdStats = simd.trainBatch(order, start, count);
        const layersStats = await layers.trainBatch(order, start, count);
        expect(simdStats.lossSum / count).toBeCloseTo(layersStats.lossSum / count, 3);
        expect(simdStats.correct).toBe(layersStats.correct);
      }

      const probabilities = simd.predict(testSet);
      expect(largestDifference(probabilities, layers.predict(testSet))).toBeLessThan(1e-3);
      // The stock Layers model it exports (to evaluate and save) predicts the same.
      const exported = simd.toLayersModel();
      expect(largestDifference(predictProbabilities(exported, testSet), probabilities))
        .toBeLessThan(1e-5);
      exported.dispose();
      simd.dispose();
      layers.dispose();
    });

  it('gives the same network twice from the same seed', () => {
    const trainSet = takeFirst(mnist.train, 1000);
    const train = () => {
      const trainer = new SimdMlpTrainer({ trainSet, hiddenLayers: [64], batchSize: 32,
        learningRate: 0.001, random: createRandom(11) });
      const order = shuffledIndices(trainSet.count, createRandom(12));
      for (let start = 0; start < order.length; start += 32) {
        trainer.trainBatch(order, start, Math.min(32, order.length - start));
      }
      return trainer.predict(takeFirst(mnist.test, 300));
    };

    expect(train()).toEqual(train());
  });

  it('trains MNIST, whose pixels are mostly zeros; denser images go to the dense trainer',
    async () => {
      const config = parseRunConfig({ epochs: 1, sampleLimit: 600, batchSize: 32 });
      const dense = { ...oddImages(600, 9), images: new Uint8Array(600 * 75).fill(7) };

      const onMnist = await trainModel({ trainSet: mnist.train, config });
      const onDense = await trainModel({ trainSet: dense, config });

      expect(nonzeroShare(mnist.train.images)).toBeLessThan(0.25);
      expect(onMnist.trainer).toBe('simd-mlp');
      expect(nonzeroShare(dense.images)).toBe(1);
      expect(onDense.trainer).toBe('manual-mlp');
      onMnist.model.dispose();
      onDense.model.dispose();
    });
});
