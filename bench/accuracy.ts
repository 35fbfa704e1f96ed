// Accuracy check of Tandem's trainer against stock TensorFlow.js: the reference MLP trained
// for 10 epochs at batch 64 on the real MNIST from the same seed, by (a) Tandem's trainer
// (trainModel, the WASM backend with its fixes) and (b) model.fit on the WASM backend as
// shipped. Both start from the same Glorot weights and see the same batches in the same
// order, drawn from the seed's streams as trainModel draws them; only the arithmetic
// differs. The test accuracies must agree within 0.3 points.
//   npx tsx bench/accuracy.ts [--epochs 10] [--batch-size 64] [--seed 42]
//   (npm run bench:accuracy)
import { parseArgs } from 'node:util';

import * as tf from '@tensorflow/tfjs';

import {
  buildLayersModel,
  evaluate,
  loadMnist,
  parseRunConfig,
  pixelsPerImage,
  setupBackend,
  trainModel,
  type ImageDataset,
  type RunConfig,
} from '../ml/index';
import { initializeWeights } from '../ml/models/layers-model';
import { fillOneHotRows, fillScaledRows } from '../ml/training/pixels';
import { createRandom, deriveSeed, shuffledIndices } from '../ml/training/random';

const TOLERANCE_POINTS = 0.3;
// The streams trainModel draws its initial weights and its shuffles from (train.ts).
const STREAM_INIT = 1;
const STREAM_SHUFFLE = 2;

interface Outcome {
  accuracy: number;
  losses: number[];
  seconds: number;
}

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '10' },
    'batch-size': { type: 'string', default: '64' },
    seed: { type: 'string', default: '42' },
  },
});
const config = parseRunConfig({
  epochs: Number(values.epochs),
  batchSize: Number(values['batch-size']),
  seed: Number(values.seed),
});

const { train, test } = await loadMnist();
console.log(`reference MLP, ${config.epochs} epochs, batch ${config.batchSize}, ` +
  `seed ${config.seed}, ${train.count} training samples, ${test.count} test samples`);

// The stock backend first: setupBackend('wasm') then installs the matmul fix for (a).
const stock = await stockRun(train, test, config);
printOutcome('(b) tfjs model.fit, stock WASM', stock);
const tandem = await tandemRun(train, test, config);
printOutcome('(a) Tandem trainer (WASM)', tandem);

const difference = (tandem.accuracy - stock.accuracy) * 100;
const within = Math.abs(difference) <= TOLERANCE_POINTS;
console.log(`difference (a) − (b): ${difference >= 0 ? '+' : ''}${difference.toFixed(2)} ` +
  `points; within ${TOLERANCE_POINTS}: ${within ? 'yes' : 'NO'}`);
process.exitCode = within ? 0 : 1;

function printOutcome(label: string, outcome: Outcome): void {
  const losses = outcome.losses.map((loss) => loss.toFixed(4)).join(' ');
  console.log(`${label}: test accuracy ${(outcome.accuracy * 100).toFixed(2)}%, ` +
    `${outcome.seconds.toFixed(1)} s training; loss per epoch ${losses}`);
}

async function tandemRun(trainSet: ImageDataset, testSet: ImageDataset,
  runConfig: RunConfig): Promise<Outcome> {
  await setupBackend('wasm');
  const result = await trainModel({ trainSet, config: runConfig });
  const accuracy = evaluate(result.model, testSet).accuracy;
  result.model.dispose();
  return {
    accuracy,
    losses: result.history.map((record) => record.loss),
    seconds: result.trainSeconds,
  };
}

async function stockRun(trainSet: ImageDataset, testSet: ImageDataset,
  runConfig: RunConfig): Promise<Outcome> {
  await setupBackend('wasm', { matMulFix: false });
  const model = buildLayersModel(runConfig, trainSet.shape, trainSet.numClasses);
  initializeWeights(model, createRandom(deriveSeed(runConfig.seed, STREAM_INIT)));
  model.compile({ optimizer: tf.train.adam(runConfig.learningRate),
    loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const shuffleRandom = createRandom(deriveSeed(runConfig.seed, STREAM_SHUFFLE));
  const pixels = new Float32Array(trainSet.count * pixelsPerImage(trainSet.shape));
  const oneHot = new Float32Array(trainSet.count * trainSet.numClasses);
  const losses: number[] = [];
  let seconds = 0;

  for (let epoch = 0; epoch < runConfig.epochs; epoch++) {
    // The epoch's order laid out in advance, so that fit's batches are trainModel's.
    const order = shuffledIndices(trainSet.count, shuffleRandom);
    fillScaledRows(trainSet, order, 0, trainSet.count, pixels);
    fillOneHotRows(trainSet, order, 0, trainSet.count, oneHot);
    const images = tf.tensor4d(pixels, [trainSet.count, ...trainSet.shape]);
    const labels = tf.tensor2d(oneHot, [trainSet.count, trainSet.numClasses]);

    const started = performance.now();
    const history = await model.fit(images, labels,
      { batchSize: runConfig.batchSize, epochs: 1, shuffle: false, verbose: 0 });
    seconds += (performance.now() - started) / 1000;
    losses.push(history.history.loss[0] as number);
    tf.dispose([images, labels]);
  }

  const accuracy = evaluate(model, testSet).accuracy;
  model.optimizer?.dispose();
  model.dispose();
  return { accuracy, losses, seconds };
}
