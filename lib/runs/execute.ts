import type { Worker } from 'node:worker_threads'
import type { Prisma } from '@/generated/prisma/client'
import { authorizeTraining, canOnDataset } from '@/lib/access/datasets'
import { db } from '@/lib/db/client'
import { env } from '@/lib/env'
import { logger } from '@/lib/logging'
import { heartbeat } from '@/lib/queue/claim'
import { parseRunConfig } from '../../ml/models/config'
import { saveRunArtifacts } from './artifacts'
import { announceRunEnded } from './run-events'
import { loadTrainingData } from './training-data'
import { startTrainingThread } from './training-thread'
import type { EpochRecord, FromThread, StartMessage } from './worker-protocol'

export type ExecuteOptions = {
  workerId: string
  /** How often the run's heartbeat is written and cancel / time limit are checked. */
  heartbeatMs: number
  /** Time given to the thread to stop by itself after a cancel, before it is killed. */
  cancelGraceMs?: number
}

type Outcome =
  | { kind: 'succeeded'; message: Extract<FromThread, { type: 'done' }> }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: string; message: string }
  | { kind: 'lost' }

const MISCLASSIFIED_LIMIT = 24

/**
 * Executes one claimed run to its end: loads the dataset, trains in a worker thread,
 * writes progress as the thread reports it, and records the outcome. Never throws: any
 * failure becomes a FAILED run with its reason, so the caller's loop goes on.
 */
export async function executeRun(runId: string, options: ExecuteOptions): Promise<void> {
  const log = logger.child({ runId, workerId: options.workerId })
  let outcome: Outcome
  try {
    outcome = await trainInThread(runId, options, log)
  } catch (error) {
    log.error({ err: error }, 'run failed before training')
    outcome = { kind: 'failed', code: errorCodeOf(error), message: (error as Error).message }
  }
  await recordOutcome(runId, options.workerId, outcome)
  log.info({ outcome: outcome.kind }, 'run finished')
}

async function trainInThread(
  runId: string,
  options: ExecuteOptions,
  log: typeof logger,
): Promise<Outcome> {
  const run = await db().run.findUniqueOrThrow({ where: { id: runId },
    include: { datasetVersion: { select: { datasetId: true } } } })
  // Access is decided again when the run starts, not only when it was queued: a grant
  // revoked or expired in between stops it here (and the decision is audited).
  const access = await authorizeTraining(run.createdById, run.datasetVersionId, run.id)
  if (!access.allowed) {
    return { kind: 'failed', code: 'access_denied',
      message: `Training was refused when the run started: ${access.reason}` }
  }
  const config = parseRunConfig(run.config)
  const { train, test } = await loadTrainingData(run.datasetVersionId)
  const deadline = (run.startedAt ?? new Date()).getTime() + run.timeLimitSeconds * 1000

  const thread = startTrainingThread()
  const history: EpochRecord[] = []
  let writes = Promise.resolve()

  return new Promise<Outcome>((resolve) => {
    let settled = false
    let cancelSentAt = 0
    const finish = (outcome: Outcome) => {
      if (settled) return
      settled = true
      clearInterval(timer)
      // Progress writes still in flight land before the final one.
      const done = () => resolve(outcome)
      void writes.then(() => thread.terminate()).then(done, done)
    }

    thread.on('message', (message: FromThread) => {
      if (message.type === 'ready') {
        writes = writes.then(() => recordBackend(runId, options.workerId, message))
          .catch((error) => log.warn({ err: error }, 'backend not recorded'))
      } else if (message.type === 'epoch') {
        history.push(message.record)
        const snapshot = [...history]
        // A lost progress write is not worth failing the run: the next epoch rewrites it.
        writes = writes.then(() =>
          recordEpoch(runId, options.workerId, snapshot, message.totalEpochs))
          .catch((error) => log.warn({ err: error }, 'progress not recorded'))
      } else if (message.type === 'done') {
        finish({ kind: 'succeeded', message })
      } else if (message.type === 'cancelled') {
        finish({ kind: 'cancelled' })
      } else {
        finish({ kind: 'failed', code: message.code, message: message.message })
      }
    })
    thread.on('error', (error) => {
      log.error({ err: error }, 'training thread crashed')
      finish({ kind: 'failed', code: 'worker_crashed',
        message: `The training thread crashed: ${error.message}` })
    })
    thread.on('exit', (code) => {
      finish({ kind: 'failed', code: 'worker_crashed',
        message: `The training thread stopped unexpectedly (exit code ${code}).` })
    })

    const timer = setInterval(() => {
      void supervise().catch((error) => log.warn({ err: error }, 'heartbeat failed'))
    }, options.heartbeatMs)
    const supervise = async () => {
      if (settled) return
      const state = await heartbeat(runId, options.workerId)
      if (!state.held) return finish({ kind: 'lost' })
      // ... and again with each heartbeat while it trains.
      const stillAllowed = await canOnDataset(run.createdById, run.datasetVersion.datasetId,
        'train')
      if (!stillAllowed.allowed) {
        await authorizeTraining(run.createdById, run.datasetVersionId, run.id)
        return finish({ kind: 'failed', code: 'access_revoked',
          message: `Training was stopped: ${stillAllowed.reason}` })
      }
      if (Date.now() > deadline) {
        return finish({ kind: 'failed', code: 'time_limit', message:
          `The run exceeded its time limit of ${run.timeLimitSeconds} seconds and was stopped.` })
      }
      if (state.cancelRequested && cancelSentAt === 0) {
        cancelSentAt = Date.now()
        thread.postMessage({ type: 'cancel' })
      } else if (cancelSentAt && Date.now() - cancelSentAt > (options.cancelGraceMs ?? 5000)) {
        finish({ kind: 'cancelled' })
      }
    }

    const start: StartMessage = {
      type: 'start', runId, config, backend: threadBackend(), train, test,
      misclassifiedLimit: MISCLASSIFIED_LIMIT,
    }
    thread.postMessage(start)
  })
}

/** ML_BACKEND: 'auto' takes @tensorflow/tfjs-node where it is installed, else WASM. */
function threadBackend(): StartMessage['backend'] {
  return env().ML_BACKEND
}

// Every write is conditional on this worker still holding the run: a run reaped as dead
// (and perhaps already running elsewhere) is never overwritten by its old worker.
const held = (runId: string, workerId: string) =>
  ({ id: runId, workerId, status: 'RUNNING' as const })

async function recordBackend(
  runId: string,
  workerId: string,
  message: Extract<FromThread, { type: 'ready' }>,
) {
  await db().run.updateMany({
    where: held(runId, workerId),
    data: {
      backend: message.backend,
      libraryVersions: {
        tfjs: message.tfjsVersion,
        wasmMatMulFix: message.matMulFix,
        node: process.versions.node,
      },
    },
  })
}

async function recordEpoch(
  runId: string,
  workerId: string,
  history: EpochRecord[],
  totalEpochs: number,
) {
  const epoch = history.length
  await db().run.updateMany({
    where: held(runId, workerId),
    data: {
      history: history as unknown as Prisma.InputJsonArray,
      currentEpoch: epoch,
      // The last few percent are the evaluation on the test split.
      progress: Math.min(0.95, (epoch / totalEpochs) * 0.95),
      heartbeatAt: new Date(),
    },
  })
}

async function recordOutcome(runId: string, workerId: string, outcome: Outcome) {
  if (outcome.kind === 'lost') return
  const finishedAt = new Date()

  if (outcome.kind === 'succeeded') {
    const { report, model, misclassified, shape } = outcome.message
    let artifactKey: string
    try {
      artifactKey = await saveRunArtifacts(runId, { model, misclassified, shape })
    } catch (error) {
      logger.error({ err: error, runId }, 'run artifacts not saved')
      return recordOutcome(runId, workerId, { kind: 'failed', code: 'artifacts_not_saved',
        message: `The trained model could not be stored: ${(error as Error).message}` })
    }
    const { count } = await db().run.updateMany({
      where: held(runId, workerId),
      data: {
        status: 'SUCCEEDED', progress: 1, finishedAt, artifactKey,
        metrics: report as unknown as Prisma.InputJsonObject,
        trainSeconds: report.trainSeconds,
      },
    })
    if (count === 0) logger.warn({ runId }, 'run was taken from this worker before it ended')
    else await announceRunEnded(runId)
    return
  }
  if (outcome.kind === 'cancelled') {
    await db().run.updateMany({
      where: held(runId, workerId),
      data: { status: 'CANCELLED', finishedAt },
    })
    return
  }
  const { count } = await db().run.updateMany({
    where: held(runId, workerId),
    data: { status: 'FAILED', finishedAt, error: outcome.message, errorCode: outcome.code },
  })
  if (count > 0) await announceRunEnded(runId)
}

function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code
  return typeof code === 'string' ? code : 'run_failed'
}
