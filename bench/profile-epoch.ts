// Where the time of one epoch of Tandem's trainer goes, step by step (docs/BENCHMARKS.md):
//   npx tsx bench/profile-epoch.ts --batch-size 512 [--layout auto|transposed|row-major]
// WASM kernels run synchronously, so each one is timed by wrapping its kernel function in
// the registry: self time, excluding kernels it calls (the matmul fix's transposes). The
// backend's writes (a tensor from a Float32Array) and reads (dataSync) are timed the same
// way; the rest of trainBatch is JS: batch filling, the output layer, tfjs bookkeeping.
// Matmul rates come with a plain [1024, 1024]·[1024, 1024] product to compare with.
import { parseArgs } from 'node:util';

import * as tf from '@tensorflow/tfjs';

import { loadMnist, setupBackend } from '../ml/index';
import { ManualMlpTrainer } from '../ml/training/manual-mlp';
import { fillScaledRows } from '../ml/training/pixels';
import { createRandom, shuffledIndices } from '../ml/training/random';
import { installWasmMatMulFix } from '../ml/training/wasm-matmul-fix';

interface Tally { ms: number; calls: number; flops: number }

const { values } = parseArgs({ options: {
  'batch-size': { type: 'string', default: '512' },
  layout: { type: 'string', default: 'auto' },
} });
const batchSize = Number(values['batch-size']);
const layout = values.layout as 'auto' | 'transposed' | 'row-major';

const tallies = new Map<string, Tally>();
const stack: number[] = []; // time spent in nested kernels, per open kernel
let recording = false;

function record(key: string, ms: number, flops = 0): void {
  const tally = tallies.get(key) ?? { ms: 0, calls: 0, flops: 0 };
  tally.ms += ms;
  tally.calls += 1;
  tally.flops += flops;
  tallies.set(key, tally);
}

function timed<T>(key: () => string, flops: () => number, run: () => T): T {
  if (!recording) return run();
  stack.push(0);
  const started = performance.now();
  try {
    return run();
  } finally {
    const total = performance.now() - started;
    const nested = stack.pop()!;
    if (stack.length > 0) stack[stack.length - 1] += total;
    record(key(), total - nested, flops());
  }
}

function shapeOf(info: unknown): string {
  return `[${(info as tf.TensorInfo).shape.join(',')}]`;
}

function matMulFlops(args: Parameters<tf.KernelFunc>[0]): number {
  const a = (args.inputs.a as tf.TensorInfo).shape;
  const b = (args.inputs.b as tf.TensorInfo).shape;
  const attrs = args.attrs as { transposeA?: boolean; transposeB?: boolean };
  const m = attrs.transposeA ? a[a.length - 1] : a[a.length - 2];
  const k = attrs.transposeA ? a[a.length - 2] : a[a.length - 1];
  const n = attrs.transposeB ? b[b.length - 2] : b[b.length - 1];
  return 2 * m * k * n;
}

/** Wraps every WASM kernel with a timer; before the matmul fix, so that its inner
 * transposes count as Transpose. */
function instrumentKernels(): void {
  for (const config of tf.getKernelsForBackend('wasm')) {
    const original = config.kernelFunc;
    const isMatMul = config.kernelName === 'BatchMatMul' || config.kernelName === '_FusedMatMul';
    tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel({ ...config, kernelFunc: (args) => timed(
      () => {
        const attrs = args.attrs as { transposeA?: boolean; transposeB?: boolean };
        const flags = isMatMul ? ` tA=${attrs.transposeA ? 1 : 0} tB=${attrs.transposeB ? 1 : 0}`
          : '';
        return `${config.kernelName} ${Object.values(args.inputs).filter(Boolean).map(shapeOf).join('·')}` +
          flags;
      },
      () => (isMatMul ? matMulFlops(args) : 0),
      () => original(args)) });
  }
  const backend = tf.backend() as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const method of ['write', 'readSync', 'disposeData']) {
    const original = backend[method].bind(backend);
    backend[method] = (...args: unknown[]) =>
      timed(() => `backend.${method}`, () => 0, () => original(...args));
  }
}

function peakMatMul(m: number, k: number, n: number, freshB: boolean): number {
  const a = tf.randomUniform([m, k]);
  const b = tf.randomUniform([k, n]);
  const repeats = Math.max(3, Math.round(4e9 / (2 * m * k * n)));
  // Copies made in advance: a new tensor id makes XNNPACK pack the operand again.
  const operands = Array.from({ length: repeats }, () => (freshB ? tf.mul(b, 1) : b));
  tf.matMul(a, b).dispose();
  const started = performance.now();
  for (const operand of operands) tf.matMul(a, operand).dispose();
  const seconds = (performance.now() - started) / 1000;
  tf.dispose([a, b, ...(freshB ? operands : [])]);
  return (2 * m * k * n * repeats) / seconds / 1e9;
}

await setupBackend('wasm', { matMulFix: false });
instrumentKernels();
installWasmMatMulFix();
console.log(`WASM SIMD: ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT')}, ` +
  `threads: ${tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')}`);

const { train } = await loadMnist();
const trainer = new ManualMlpTrainer({ trainSet: train, hiddenLayers: [128], learningRate: 1e-3,
  batchSize, random: createRandom(1), layout });
const order = shuffledIndices(train.count, createRandom(2));
for (let start = 0; start < 5 * batchSize; start += batchSize) {
  trainer.trainBatch(order, start, batchSize);
}

recording = true;
const steps = Math.ceil(order.length / batchSize);
const cpuBefore = process.cpuUsage();
const started = performance.now();
for (let start = 0; start < order.length; start += batchSize) {
  trainer.trainBatch(order, start, Math.min(batchSize, order.length - start));
}
const epochMs = performance.now() - started;
const cpuMs = (process.cpuUsage(cpuBefore).user + process.cpuUsage(cpuBefore).system) / 1000;
recording = false;

const rows = new Float32Array(batchSize * 785);
const fillStarted = performance.now();
for (let start = 0; start < order.length; start += batchSize) {
  fillScaledRows(train, order, start, Math.min(batchSize, order.length - start), rows, 785);
}
const fillMs = performance.now() - fillStarted;

console.log(`batch ${batchSize}, layout ${trainer.transposed ? 'transposed' : 'row-major'}: ` +
  `epoch ${(epochMs / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU, ` +
  `${steps} steps, ${(epochMs / steps).toFixed(3)} ms per step`);
console.log('| kernel or phase | calls/step | ms/step | share | GFLOP/s |');
console.log('| --- | ---: | ---: | ---: | ---: |');
let kernelMs = 0;
const sorted = [...tallies.entries()].sort((x, y) => y[1].ms - x[1].ms);
for (const [key, tally] of sorted) {
  kernelMs += tally.ms;
  const rate = tally.flops > 0 ? (tally.flops / tally.ms / 1e6).toFixed(1) : '';
  console.log(`| ${key} | ${(tally.calls / steps).toFixed(1)} | ${(tally.ms / steps).toFixed(3)} ` +
    `| ${((100 * tally.ms) / epochMs).toFixed(1)}% | ${rate} |`);
}
const line = (label: string, ms: number) => console.log(`| ${label} | | ${(ms / steps).toFixed(3)} ` +
  `| ${((100 * ms) / epochMs).toFixed(1)}% | |`);
line('batch filling (fillScaledRows, measured apart)', fillMs);
line('other JS: output layer, labels, tfjs bookkeeping', epochMs - kernelMs - fillMs);
line('total', epochMs);

console.log('plain matmul rates (GFLOP/s), same B reused / new B each time (packing):');
for (const [m, k, n] of [[1024, 1024, 1024], [batchSize, 785, 128], [128, 785, batchSize],
  [785, batchSize, 128]]) {
  console.log(`  [${m},${k}]·[${k},${n}]: ${peakMatMul(m, k, n, false).toFixed(1)} / ` +
    `${peakMatMul(m, k, n, true).toFixed(1)}`);
}
trainer.dispose();
