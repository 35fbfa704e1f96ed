// One measurement of bench/train.ts, run in a process of its own so that the WASM matmul
// fix (global to a process) and the peak memory belong to this measurement alone:
//   node --import tsx bench/train-epoch.ts --trainer tandem|stock --batch-size N
// Prints one JSON line: { trainer, batchSize, seconds, peakRssMb, testAccuracy }, with
// cpuSeconds (process CPU time over the run) for Tandem's trainer.
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
} from '../ml/index';

const WARM_UP_BATCHES = 3;

const { values } = parseArgs({
  options: {
    trainer: { type: 'string' },
    'batch-size': { type: 'string' },
  },
});
const trainer = values.trainer;
const batchSize = Number(values['batch-size']);
if ((trainer !== 'tandem' && trainer !== 'stock') || !(batchSize > 0)) {
  console.error('usage: train-epoch.ts --trainer tandem|stock --batch-size N');
  process.exit(2);
}

const { train, test } = await loadMnist();
const measured = trainer === 'tandem'
  ? await tandemEpoch(train, test, batchSize)
  : await stockEpoch(train, test, batchSize);

console.log(JSON.stringify({
  trainer,
  batchSize,
  ...measured,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
}));

/** (a) Tandem's trainer: the reference MLP through trainModel, as a run trains it. */
async function tandemEpoch(trainSet: ImageDataset, testSet: ImageDataset, batch: number) {
  await setupBackend('wasm');
  const config = parseRunConfig({ epochs: 1, batchSize: batch });

  const warmUp = await trainModel({ trainSet,
    config: { ...config, sampleLimit: WARM_UP_BATCHES * batch } });
  warmUp.model.dispose();

  const cpuBefore = process.cpuUsage();
  const result = await trainModel({ trainSet, config });
  const cpu = process.cpuUsage(cpuBefore);
  const testAccuracy = evaluate(result.model, testSet).accuracy;
  result.model.dispose();
  // CPU time as well: on a shared machine it varies less than the wall-clock time.
  return { seconds: result.history[0].seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6,
    testAccuracy };
}

/** (b) The same model through model.fit on the WASM backend as shipped. */
async function stockEpoch(trainSet: ImageDataset, testSet: ImageDataset, batch: number) {
  await setupBackend('wasm', { matMulFix: false });
  const model = buildLayersModel(parseRunConfig({}), trainSet.shape, trainSet.numClasses);
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy',
    metrics: ['accuracy'] });
  const [images, labels] = tensorsOf(trainSet);

  const warmUpCount = WARM_UP_BATCHES * batch;
  const warmUpImages = images.slice(0, warmUpCount);
  const warmUpLabels = labels.slice(0, warmUpCount);
  await model.fit(warmUpImages, warmUpLabels, { batchSize: batch, epochs: 1, verbose: 0 });
  tf.dispose([warmUpImages, warmUpLabels]);

  const started = performance.now();
  await model.fit(images, labels, { batchSize: batch, epochs: 1, shuffle: true, verbose: 0 });
  const seconds = (performance.now() - started) / 1000;

  const testAccuracy = evaluate(model, testSet).accuracy;
  tf.dispose([images, labels]);
  model.dispose();
  return { seconds, testAccuracy };
}

function tensorsOf(dataset: ImageDataset): [tf.Tensor, tf.Tensor] {
  const pixels = new Float32Array(dataset.count * pixelsPerImage(dataset.shape));
  dataset.images.forEach((value, i) => { pixels[i] = value / 255; });
  const oneHot = new Float32Array(dataset.count * dataset.numClasses);
  dataset.labels.forEach((label, i) => { oneHot[i * dataset.numClasses + label] = 1; });
  return [
    tf.tensor4d(pixels, [dataset.count, ...dataset.shape]),
    tf.tensor2d(oneHot, [dataset.count, dataset.numClasses]),
  ];
}
