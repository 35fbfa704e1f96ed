import path from 'node:path'
import { z } from 'zod'

// Parsed once, on first use; a bad value stops start-up with the variable's name.
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|pglite:)/, 'must start with postgresql:// or pglite:')
    .optional(),
  DATA_DIR: z.string().default('.data'),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  // S3_ENDPOINT and S3_FORCE_PATH_STYLE are for S3-compatible servers such as MinIO.
  S3_ENDPOINT: z.url().optional(),
  S3_FORCE_PATH_STYLE: z.stringbool().default(false),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  // Both or neither: without them the AWS SDK's own chain applies (AWS_* variables, roles).
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  AUTH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  ML_BACKEND: z.enum(['auto', 'tensorflow', 'wasm', 'cpu']).default('auto'),
  RUN_WORKER: z.enum(['inline', 'off']).default('inline'),
  UPLOAD_LIMIT_MB: z.coerce.number().int().positive().default(2048),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  /** smtp://user:pass@host:port or smtps://…; unset writes e-mails to the log instead. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  SMTP_FROM: z.string().default('Tandem <tandem@localhost>'),
  /** Where people reach the app, for links in e-mails, e.g. https://tandem.example.org. */
  PUBLIC_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
}).superRefine((config, context) => {
  if (config.STORAGE_DRIVER !== 's3') return

  if (!config.S3_BUCKET) {
    context.addIssue({ code: 'custom', path: ['S3_BUCKET'],
      message: 'is required when STORAGE_DRIVER=s3' })
  }
  if (config.S3_ACCESS_KEY_ID && !config.S3_SECRET_ACCESS_KEY) {
    context.addIssue({ code: 'custom', path: ['S3_SECRET_ACCESS_KEY'],
      message: 'is required with S3_ACCESS_KEY_ID' })
  }
  if (config.S3_SECRET_ACCESS_KEY && !config.S3_ACCESS_KEY_ID) {
    context.addIssue({ code: 'custom', path: ['S3_ACCESS_KEY_ID'],
      message: 'is required with S3_SECRET_ACCESS_KEY' })
  }
  // Runs even when other variables are bad, so one message names every problem.
}, { when: () => true })

export type Env = z.infer<typeof envSchema>

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== ''),
  )
  const result = envSchema.safeParse(cleaned)
  if (result.success) return result.data

  const lines = result.error.issues.map(
    (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
  )
  throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`)
}

let cached: Env | undefined

export function env(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/** Where the embedded database lives when DATABASE_URL is unset. */
export function databaseUrl(): string {
  return env().DATABASE_URL ?? `pglite:${path.join(env().DATA_DIR, 'db')}`
}
