import { recordActivity } from '@/lib/activity/record'
import { db } from '@/lib/db/client'
import { logger } from '@/lib/logging'
import { notify } from '@/lib/notifications/notify'

// What the project's feed and the launcher's notifications say about a run. These never
// fail the run or the request: a lost line is logged and the work goes on.

type RunNames = { id: string; projectId: string; createdById: string; name: string }

/** A run was queued: the feed names it and its dataset. */
export async function announceRunLaunched(run: RunNames, datasetName: string): Promise<void> {
  await safely(run.id, () => recordActivity(run.projectId, run.createdById, 'run.launched',
    { runId: run.id, name: run.name, dataset: datasetName }))
}

/** A user cancelled a run. */
export async function announceRunCancelled(run: RunNames, userId: string): Promise<void> {
  await safely(run.id, () => recordActivity(run.projectId, userId, 'run.cancelled',
    { runId: run.id, name: run.name }))
}

/** A run ended in a worker: succeeded with its test accuracy, or failed with its reason. */
export async function announceRunEnded(runId: string): Promise<void> {
  await safely(runId, async () => {
    const run = await db().run.findUniqueOrThrow({ where: { id: runId } })
    if (run.status !== 'SUCCEEDED' && run.status !== 'FAILED') return
    const link = `/runs/${run.id}`
    if (run.status === 'SUCCEEDED') {
      const accuracy = (run.metrics as { accuracy?: number } | null)?.accuracy ?? 0
      const params = { runId: run.id, name: run.name, accuracy: `${(accuracy * 100).toFixed(2)}%` }
      await recordActivity(run.projectId, null, 'run.finished', params)
      await notify(run.createdById, 'run.finished', params, link)
      return
    }
    const params = { runId: run.id, name: run.name, code: run.errorCode ?? 'run_failed' }
    await recordActivity(run.projectId, null, 'run.failed', params)
    await notify(run.createdById, 'run.failed', params, link)
  })
}

async function safely(runId: string, work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
    logger.warn({ err: error, runId }, 'run event not recorded')
  }
}
