import { z } from 'zod';

const augmentationSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** Each training image moves by a whole number of pixels in -max..max, per axis. */
  maxShiftPixels: z.number().int().min(0).max(8).default(2),
  /** Each training image turns by an angle drawn uniformly in -max..max degrees. */
  maxRotationDegrees: z.number().min(0).max(45).default(10),
});

/**
 * The configuration of a training run. Every field has the reference model's default, so
 * `{}` is the reference MLP of PRODUCT.md.
 */
export const runConfigSchema = z.strictObject({
  architecture: z.enum(['mlp', 'cnn']).default('mlp'),
  /** Widths of the dense hidden layers; for 'cnn', the dense layers after the convolutions. */
  hiddenLayers: z.array(z.number().int().min(1).max(4096)).min(1).max(8).default([128]),
  /** Filters of each 3×3 convolution + 2×2 max-pooling block ('cnn' only). */
  convFilters: z.array(z.number().int().min(1).max(256)).min(1).max(4).default([16, 32]),
  activation: z.enum(['relu']).default('relu'),
  /** Fraction of each hidden layer's units dropped at every training step. */
  dropout: z.number().min(0).max(0.9).default(0),
  /** Weight penalties on every kernel, as Keras's l1/l2 regularizers. */
  l1: z.number().min(0).max(1).default(0),
  l2: z.number().min(0).max(1).default(0),
  learningRate: z.number().positive().max(1).default(0.001),
  epochs: z.number().int().min(1).max(500).default(10),
  batchSize: z.number().int().min(1).max(8192).default(64),
  /** Fraction of the training samples, taken from the end, held out to validate each epoch. */
  validationSplit: z.number().min(0).max(0.5).default(0),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
  augmentation: augmentationSchema.default({
    enabled: false,
    maxShiftPixels: 2,
    maxRotationDegrees: 10,
  }),
  /** Train on the first N training samples only. */
  sampleLimit: z.number().int().min(1).optional(),
  /** Evaluate on the first N test samples only. */
  testLimit: z.number().int().min(1).optional(),
});

/** A validated configuration, every default filled in. */
export type RunConfig = z.output<typeof runConfigSchema>;
/** What a user may write: any field may be left out. */
export type RunConfigInput = z.input<typeof runConfigSchema>;
export type AugmentationConfig = RunConfig['augmentation'];
export type Architecture = RunConfig['architecture'];

export const runConfigPresets = {
  /** PRODUCT.md's reference: Dense 128 ReLU, softmax, Adam 1e-3, batch 64, 10 epochs. */
  reference: {},
  'wide-mlp': { hiddenLayers: [512] },
  'deep-mlp': { hiddenLayers: [256, 128, 64] },
  'mlp-dropout': { hiddenLayers: [256], dropout: 0.2 },
  'cnn-small': { architecture: 'cnn', convFilters: [16, 32], hiddenLayers: [64], epochs: 5 },
  'cnn-augmented': {
    architecture: 'cnn',
    convFilters: [16, 32],
    hiddenLayers: [64],
    dropout: 0.25,
    epochs: 10,
    augmentation: { enabled: true, maxShiftPixels: 2, maxRotationDegrees: 10 },
  },
} as const satisfies Record<string, RunConfigInput>;

export type RunConfigPresetName = keyof typeof runConfigPresets;
export const runConfigPresetNames = Object.keys(runConfigPresets) as RunConfigPresetName[];

export function isRunConfigPresetName(name: string): name is RunConfigPresetName {
  return Object.hasOwn(runConfigPresets, name);
}

/** A configuration that cannot be used; `issues` name each field and what it must be. */
export class RunConfigError extends Error {
  readonly code = 'invalid_run_config';
  readonly issues: { path: string; message: string }[];

  constructor(message: string, issues: { path: string; message: string }[] = []) {
    super(message);
    this.name = 'RunConfigError';
    this.issues = issues;
  }
}

/** Validates a configuration and fills in the defaults; throws a RunConfigError. */
export function parseRunConfig(input: unknown): RunConfig {
  const result = runConfigSchema.safeParse(input ?? {});
  if (result.success) return result.data;

  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(configuration)',
    message: issue.message,
  }));
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new RunConfigError(`The run configuration is not valid: ${summary}.`, issues);
}

/** A preset with some fields overridden, validated. */
export function resolveRunConfig(
  preset: RunConfigPresetName = 'reference',
  overrides: RunConfigInput = {},
): RunConfig {
  const base: RunConfigInput = runConfigPresets[preset];
  const augmentation = { ...(base.augmentation ?? {}), ...(overrides.augmentation ?? {}) };
  return parseRunConfig({ ...base, ...overrides, augmentation });
}

/**
 * Why images of `shape` cannot go through the configuration's network, or null: each
 * convolution block halves them, and none may vanish. The figures come with the sentence
 * so that a page can say it in its own language.
 */
export function cnnDepthProblem(shape: readonly [number, number, number],
  config: Pick<RunConfig, 'architecture' | 'convFilters'>):
  { rows: number; cols: number; blocks: number; maxBlocks: number; message: string } | null {
  if (config.architecture !== 'cnn') return null;

  const [rows, cols] = shape;
  const blocks = config.convFilters.length;
  if (Math.min(rows, cols) >= 2 ** blocks) return null;
  const maxBlocks = Math.floor(Math.log2(Math.min(rows, cols)));
  return { rows, cols, blocks, maxBlocks, message: `Images of ${rows}×${cols} pixels are too ` +
    `small for ${blocks} convolution blocks, each of which halves them: use at most ` +
    `${maxBlocks} blocks, or the 'mlp' architecture.` };
}
