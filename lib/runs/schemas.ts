import { z } from 'zod'
import { runConfigPresetNames } from '../../ml/models/config'

// What a user sends to launch a run: a preset, the common knobs as top-level fields (the
// launch form), and any other configuration field under `config`. ml/models/config.ts
// validates the merged configuration; these limits only keep the form's input sane.
export const launchRunSchema = z.strictObject({
  datasetVersionId: z.string().min(1, 'Choose a dataset version.'),
  preset: z.enum(runConfigPresetNames as [string, ...string[]]).default('reference'),
  name: z.string().trim().max(120).default(''),
  epochs: z.coerce.number().int().min(1).max(500).optional(),
  batchSize: z.coerce.number().int().min(1).max(8192).optional(),
  sampleLimit: z.coerce.number().int().min(1).optional(),
  testLimit: z.coerce.number().int().min(1).optional(),
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).optional(),
  learningRate: z.coerce.number().positive().max(1).optional(),
  validationSplit: z.coerce.number().min(0).max(0.5).optional(),
  /**
   * Any other field of the run configuration, validated with the preset merged in by
   * ml/models/config.ts (parsing it alone here would fill in defaults over the preset).
   */
  config: z.record(z.string(), z.unknown()).optional(),
  timeLimitSeconds: z.coerce.number().int().min(10).max(7 * 24 * 3600).optional(),
  maxAttempts: z.coerce.number().int().min(1).max(5).optional(),
})

export type LaunchRunInput = z.input<typeof launchRunSchema>

export const leaderboardQuerySchema = z.object({
  metric: z.enum(['accuracy', 'macroF1', 'loss']).default('accuracy'),
  split: z.enum(['test', 'validation']).default('test'),
})

export const compareQuerySchema = z.object({
  ids: z.string().transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.string()).min(2, 'Choose at least two runs.').max(6)),
})

export const attachMilestoneSchema = z.strictObject({
  milestoneId: z.string().min(1),
  /** Whether to detach instead; the run stays as it is. */
  detach: z.boolean().default(false),
})
