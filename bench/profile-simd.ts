// Where one epoch of the SIMD MLP trainer (ml/training/simd-mlp.ts) spends its time, kernel
// by kernel, on the real MNIST (docs/BENCHMARKS.md):
//   npx tsx bench/profile-simd.ts [--batch-size 64] [--hidden 128]
// Each call into the WebAssembly module is timed from JS; what is left of the epoch is the
// JS around them (softmax and loss, copying a batch's indices and labels).
import { parseArgs } from 'node:util';

import { loadMnist, setupBackend } from '../ml/index';
import { createRandom, shuffledIndices } from '../ml/training/random';
import { SimdMlpTrainer } from '../ml/training/simd-mlp';

const { values } = parseArgs({ options: {
  'batch-size': { type: 'string', default: '64' },
  hidden: { type: 'string', default: '128' },
} });
const batchSize = Number(values['batch-size']);
const hiddenLayers = values.hidden.split(',').map(Number);

await setupBackend('wasm');
const { train } = await loadMnist();
const trainer = new SimdMlpTrainer({ trainSet: train, hiddenLayers, learningRate: 1e-3,
  batchSize, random: createRandom(1) });

// The kernels are private, and a WebAssembly instance's exports are frozen: put a copy
// with each export wrapped in a timer in their place. The layer a product belongs to is
// told apart by its number of units (the 8th argument of both dense kernels).
const holder = trainer as unknown as { kernels: Record<string, unknown> };
const kernels: Record<string, unknown> = { ...holder.kernels };
const tallies = new Map<string, number>();
for (const name of ['select_rows', 'rows_from_floats', 'dense_forward', 'dense_backward',
  'adam_update']) {
  const kernel = kernels[name] as (...args: number[]) => void;
  kernels[name] = (...args: number[]) => {
    const key = name.startsWith('dense') ? `${name} (${args[7]} units)` : name;
    const started = performance.now();
    kernel(...args);
    tallies.set(key, (tallies.get(key) ?? 0) + performance.now() - started);
  };
}
holder.kernels = kernels;

const order = shuffledIndices(train.count, createRandom(2));
for (let start = 0; start < 5 * batchSize; start += batchSize) {
  trainer.trainBatch(order, start, batchSize);
}
tallies.clear();
const started = performance.now();
for (let start = 0; start < order.length; start += batchSize) {
  trainer.trainBatch(order, start, Math.min(batchSize, order.length - start));
}
const epochMs = performance.now() - started;

console.log(`SIMD MLP ${hiddenLayers.join('-')}, batch ${batchSize}: epoch ` +
  `${(epochMs / 1000).toFixed(3)} s (timers included)`);
console.log('| kernel | ms per epoch | share |');
console.log('| --- | ---: | ---: |');
let kernelMs = 0;
for (const [key, ms] of [...tallies.entries()].sort((a, b) => b[1] - a[1])) {
  kernelMs += ms;
  console.log(`| ${key} | ${ms.toFixed(0)} | ${((100 * ms) / epochMs).toFixed(1)}% |`);
}
console.log(`| JS: softmax, loss, batch indices and labels | ${(epochMs - kernelMs).toFixed(0)} ` +
  `| ${((100 * (epochMs - kernelMs)) / epochMs).toFixed(1)}% |`);
trainer.dispose();
