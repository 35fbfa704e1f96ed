import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadMnist, type TrainTestSets } from '../../ml/datasets/idx-pair';
import { takeFirst } from '../../ml/datasets/image-dataset';
import { trainAndEvaluate } from '../../ml/index';
import type { RunConfigInput } from '../../ml/models/config';
import {
  directoryLoadHandler,
  loadModel,
  saveModel,
} from '../../ml/models/model-files';
import { predictProbabilities } from '../../ml/models/predict';
import { setupBackend } from '../../ml/training/backend';
import type { TrainerKind } from '../../ml/training/batch-trainer';
import { tempDirectory } from './idx-fixtures';

let mnist: TrainTestSets;

beforeAll(async () => {
  await setupBackend('wasm');
  mnist = await loadMnist();
});

describe('saving a trained model in TensorFlow.js format', () => {
  const cases: { trainer: TrainerKind; config: RunConfigInput }[] = [
    { trainer: 'simd-mlp', config: { hiddenLayers: [32, 16] } },
    { trainer: 'layers', config: { architecture: 'cnn', convFilters: [4], hiddenLayers: [8],
      dropout: 0.1 } },
  ];

  it.each(cases)('writes model.json and weights.bin that tf.loadLayersModel reads back: $trainer',
    async ({ trainer, config }) => {
      const outcome = await trainAndEvaluate({ trainSet: mnist.train, testSet: mnist.test,
        backend: 'wasm', config: { ...config, epochs: 1, sampleLimit: 256, testLimit: 50 } });
      const directory = join(await tempDirectory(), 'model');

      const files = await saveModel(outcome.model, directory);
      const loaded = await tf.loadLayersModel(directoryLoadHandler(directory));

      expect(outcome.trainer).toBe(trainer);
      const modelJson = JSON.parse(await readFile(files.modelJson, 'utf8'));
      expect(modelJson.format).toBe('layers-model');
      expect(modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
      expect((await readFile(files.weights)).length).toBe(files.weightBytes);
      const testSet = takeFirst(mnist.test, 50);
      expect(Array.from(predictProbabilities(loaded, testSet)))
        .toEqual(Array.from(predictProbabilities(outcome.model, testSet)));
      outcome.model.dispose();
      loaded.dispose();
    });

  it('refuses a model.json whose weights lie outside its folder', async () => {
    const directory = await tempDirectory();
    await writeFile(join(directory, 'model.json'), JSON.stringify({
      modelTopology: {},
      format: 'layers-model',
      weightsManifest: [{ paths: ['../../etc/passwd'], weights: [] }],
    }));

    await expect(loadModel(directory)).rejects.toThrow(/outside/);
  });
});
