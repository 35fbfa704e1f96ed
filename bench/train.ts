// Training speed of the reference MLP, one epoch on the real MNIST (60,000 samples) at
// batch 64 and 512, for (a) Tandem's trainer, (b) TensorFlow.js model.fit on the WASM
// backend as shipped, (c) PyTorch on one thread where /usr/bin/python3 has torch.
//   npx tsx bench/train.ts [--repeats N]          (npm run bench:train)
// Each measurement runs in a child process of its own: the WASM matmul fix is global to
// a process, and peak memory is then that of one trainer. Other load on the machine makes
// figures noisy: with --repeats, each one is measured N times and the fastest is kept.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { mnistDirectory } from '../ml/datasets/idx-pair';

const BATCH_SIZES = [64, 512];
const PYTHON = '/usr/bin/python3';
const EPOCH_SCRIPT = fileURLToPath(new URL('./train-epoch.ts', import.meta.url));
const TORCH_SCRIPT = fileURLToPath(new URL('./torch_mlp.py', import.meta.url));

type Trainer = 'tandem' | 'stock' | 'torch';

interface Measurement {
  trainer: Trainer;
  batchSize: number;
  seconds: number;
  peakRssMb: number;
  testAccuracy: number;
  torch?: string;
}

const LABELS: Record<Trainer, string> = {
  tandem: '(a) Tandem trainer (WASM)',
  stock: '(b) tfjs model.fit, stock WASM',
  torch: '(c) PyTorch, 1 thread',
};

function runChild(command: string, args: string[]): Measurement {
  const child = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const lastLine = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !lastLine.startsWith('{')) {
    throw new Error(`${args.join(' ')} failed (exit ${child.status}):\n${child.stderr}`);
  }
  return JSON.parse(lastLine) as Measurement;
}

function measureTfjs(trainer: 'tandem' | 'stock', batchSize: number): Measurement {
  return runChild(process.execPath,
    ['--import', 'tsx', EPOCH_SCRIPT, '--trainer', trainer, '--batch-size', String(batchSize)]);
}

function measureTorch(batchSize: number): Measurement {
  return runChild(PYTHON, [TORCH_SCRIPT, mnistDirectory(), String(batchSize)]);
}

function fastestOf(repeats: number, measure: () => Measurement): Measurement {
  const runs = Array.from({ length: repeats }, measure);
  return runs.reduce((fastest, run) => (run.seconds < fastest.seconds ? run : fastest));
}

function torchAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
}

function ratio(seconds: number, reference: Measurement | undefined): string {
  return reference ? `${(seconds / reference.seconds).toFixed(2)}` : '–';
}

function printTable(measurements: Measurement[]): void {
  const header = ['trainer', 'batch', 's/epoch', 'peak RSS MB', 'test acc', '÷ (b)', '÷ (c)'];
  const rows = measurements.map((m) => {
    const stock = measurements.find((o) => o.trainer === 'stock' && o.batchSize === m.batchSize);
    const torch = measurements.find((o) => o.trainer === 'torch' && o.batchSize === m.batchSize);
    return [LABELS[m.trainer], String(m.batchSize), m.seconds.toFixed(2),
      m.peakRssMb.toFixed(0), `${(m.testAccuracy * 100).toFixed(2)}%`,
      ratio(m.seconds, stock), ratio(m.seconds, torch)];
  });
  const widths = header.map((title, k) =>
    Math.max(title.length, ...rows.map((row) => row[k].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k])))
      .join(' | ')} |`;

  console.log(line(header));
  console.log(`|${widths.map((width, k) => (k === 0 ? '-' : '') + '-'.repeat(width + 1) +
    (k === 0 ? '' : ':')).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log('÷ (b), ÷ (c): seconds per epoch divided by those of (b) or (c) at the same ' +
    'batch size; below 1 is faster.');
}

const { values } = parseArgs({ options: { repeats: { type: 'string', default: '1' } } });
const repeats = Number(values.repeats);
if (!Number.isInteger(repeats) || repeats < 1) {
  console.error(`--repeats must be a whole number of at least 1; got "${values.repeats}".`);
  process.exit(2);
}

const withTorch = torchAvailable();
if (!withTorch) {
  console.log(`(c) skipped: ${PYTHON} with torch is not installed ` +
    '(Debian: apt-get install python3-torch libopenblas0-pthread).');
}

const measurements: Measurement[] = [];
for (const batchSize of BATCH_SIZES) {
  for (const trainer of ['stock', 'tandem'] as const) {
    console.log(`measuring ${LABELS[trainer]} at batch ${batchSize}…`);
    measurements.push(fastestOf(repeats, () => measureTfjs(trainer, batchSize)));
  }
  if (withTorch) {
    console.log(`measuring ${LABELS.torch} at batch ${batchSize}…`);
    measurements.push(fastestOf(repeats, () => measureTorch(batchSize)));
  }
}

const order: Trainer[] = ['tandem', 'stock', 'torch'];
measurements.sort((a, b) =>
  a.batchSize - b.batchSize || order.indexOf(a.trainer) - order.indexOf(b.trainer));
printTable(measurements);
const torchVersion = measurements.find((m) => m.torch)?.torch;
if (torchVersion) console.log(`PyTorch ${torchVersion}`);
