import type { Prisma } from '@/generated/prisma/client'
import { enforce } from '@/lib/access/decision'
import { canLaunchRun, canOnRun } from '@/lib/access/runs'
import { recordAudit } from '@/lib/audit/record'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { wakeInlineRunWorker } from '@/lib/queue/wake'
import {
  cnnDepthProblem, isRunConfigPresetName, resolveRunConfig, RunConfigError,
  type RunConfig, type RunConfigInput,
} from '../../ml/models/config'
import { announceRunCancelled, announceRunLaunched } from './run-events'
import { launchRunSchema, type LaunchRunInput } from './schemas'

/** Merges the preset, the form's fields and `config`; a bad value names its field. */
export function runConfigFor(input: ReturnType<typeof launchRunSchema.parse>): RunConfig {
  const { preset, config, epochs, batchSize, sampleLimit, testLimit, seed, learningRate,
    validationSplit } = input
  const fields = { epochs, batchSize, sampleLimit, testLimit, seed, learningRate,
    validationSplit }
  const overrides = {
    ...(config ?? {}),
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
  } as RunConfigInput
  try {
    return resolveRunConfig(isRunConfigPresetName(preset) ? preset : 'reference', overrides)
  } catch (error) {
    if (!(error instanceof RunConfigError)) throw error
    const fieldsOut: Record<string, string[]> = {}
    for (const issue of error.issues) (fieldsOut[issue.path] ??= []).push(issue.message)
    throw new AppError('unprocessable_entity', error.message, { fields: fieldsOut })
  }
}

/**
 * Queues a run of the project on a dataset version, recording the full configuration,
 * seed and the version's checksum so the run can be reproduced; wakes this process's
 * worker, if it has one, so training starts without waiting for its next poll.
 */
export async function launchRun(userId: string, projectId: string, raw: LaunchRunInput) {
  const input = launchRunSchema.parse(raw)
  enforce(await canLaunchRun(userId, projectId, input.datasetVersionId))
  const config = runConfigFor(input)

  const version = await db().datasetVersion.findUniqueOrThrow({
    where: { id: input.datasetVersionId },
    include: { dataset: { select: { id: true, name: true } } },
  })
  checkFits(config, version.metadata as VersionShape)

  const run = await db().run.create({
    data: {
      projectId,
      datasetVersionId: version.id,
      createdById: userId,
      name: input.name || `${input.preset} · ${version.dataset.name} v${version.version}`,
      preset: input.preset,
      config: config as unknown as Prisma.InputJsonObject,
      seed: config.seed,
      datasetChecksum: version.sha256,
      totalEpochs: config.epochs,
      ...(input.timeLimitSeconds ? { timeLimitSeconds: input.timeLimitSeconds } : {}),
      ...(input.maxAttempts ? { maxAttempts: input.maxAttempts } : {}),
    },
  })
  await recordAudit({
    actorId: userId, action: 'run.start', outcome: 'success', resourceType: 'run',
    resourceId: run.id, projectId, datasetId: version.datasetId,
    details: { datasetVersionId: version.id, preset: input.preset, seed: config.seed,
      datasetChecksum: version.sha256 },
  })
  await announceRunLaunched(run, version.dataset.name)
  wakeInlineRunWorker()
  return run
}

type VersionShape = { train?: { samples?: number }; shape?: [number, number, number] }

function checkFits(config: RunConfig, metadata: VersionShape): void {
  const depth = metadata.shape ? cnnDepthProblem(metadata.shape, config) : null
  if (depth) {
    const { message, ...figures } = depth
    const reasonParams = Object.fromEntries(Object.entries(figures)
      .map(([name, value]) => [name, String(value)]))
    throw new AppError('unprocessable_entity', message,
      { fields: { convFilters: [message] }, reasonKey: 'cnn_too_deep', reasonParams })
  }
  const samples = Math.min(metadata.train?.samples ?? Infinity, config.sampleLimit ?? Infinity)
  const trainable = Math.floor(samples * (1 - config.validationSplit))
  if (trainable < 1) {
    throw new AppError('unprocessable_entity', 'No training samples would be left: lower ' +
      'the validation split or raise the sample limit.',
    { fields: { validationSplit: ['leaves no training samples'] } })
  }
}

/** "Run again": the same configuration, seed and dataset version, queued anew. */
export async function launchRunAgain(userId: string, runId: string) {
  enforce(await canOnRun(userId, runId, 'view'))
  const source = await db().run.findUniqueOrThrow({ where: { id: runId } })
  return launchRun(userId, source.projectId, {
    datasetVersionId: source.datasetVersionId,
    preset: source.preset,
    name: source.name,
    config: source.config as RunConfigInput,
  })
}

/**
 * Cancels a queued run at once; a running one is flagged, and its worker stops the
 * training thread at its next heartbeat. Finished runs cannot be cancelled.
 */
export async function cancelRun(userId: string, runId: string) {
  enforce(await canOnRun(userId, runId, 'cancel'))

  const queued = await db().run.updateMany({
    where: { id: runId, status: 'QUEUED' },
    data: { status: 'CANCELLED', cancelRequested: true, finishedAt: new Date() },
  })
  if (queued.count === 0) {
    const running = await db().run.updateMany({
      where: { id: runId, status: 'RUNNING' },
      data: { cancelRequested: true },
    })
    if (running.count === 0) {
      throw new AppError('conflict', 'The run has already ended; only queued or running ' +
        'runs can be cancelled.')
    }
  }
  await recordAudit({
    actorId: userId, action: 'run.cancel', outcome: 'success', resourceType: 'run',
    resourceId: runId,
  })
  const run = await db().run.findUniqueOrThrow({ where: { id: runId } })
  await announceRunCancelled(run, userId)
  return run
}
