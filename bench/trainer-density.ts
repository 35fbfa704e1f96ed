// Which of the two trainers of the reference MLP family is faster, by how many of the
// input bytes are non-zero (train.ts picks by this share): random images of 28×28 at
// shares from 0.2 to 1, one pass of 10,000 samples at batch 64 and 512, scaled to an
// epoch of 60,000 (docs/BENCHMARKS.md).
//   npx tsx bench/trainer-density.ts
import { setupBackend } from '../ml/index';
import { ManualMlpTrainer } from '../ml/training/manual-mlp';
import { SimdMlpTrainer } from '../ml/training/simd-mlp';
import { createRandom, shuffledIndices } from '../ml/training/random';
await setupBackend('wasm');
const count = 10000, pixels = 784;
for (const share of [0.2, 0.35, 0.5, 0.7, 1]) {
  const random = createRandom(3);
  const images = new Uint8Array(count * pixels);
  for (let i = 0; i < images.length; i++) images[i] = random() < share ? 1 + Math.floor(random() * 255) : 0;
  const labels = Int32Array.from({ length: count }, (_, k) => k % 10);
  const trainSet = { images, labels, count, shape: [28, 28, 1] as const, numClasses: 10 };
  const line: string[] = [];
  for (const batchSize of [64, 512]) {
    for (const T of [SimdMlpTrainer, ManualMlpTrainer]) {
      const trainer = new T({ trainSet, hiddenLayers: [128], learningRate: 1e-3, batchSize, random: createRandom(1) });
      const order = shuffledIndices(count, createRandom(2));
      trainer.trainBatch(order, 0, batchSize);
      const t = performance.now();
      for (let s = 0; s < count; s += batchSize) trainer.trainBatch(order, s, Math.min(batchSize, count - s));
      line.push(`${T.name.replace('Trainer', '')}@${batchSize} ${((performance.now() - t) * 6 / 1000).toFixed(2)}s`);
      trainer.dispose();
    }
  }
  console.log(`non-zero share ${share}: ${line.join(', ')} (per 60k samples)`);
}
