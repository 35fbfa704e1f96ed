// The run queue lives in the Run table itself: a QUEUED row is a job, and a worker
// takes it with one atomic UPDATE. Why not pg-boss (which issue 5 prefers): pg-boss keeps
// its own job table, so every state a user sees (queued, running, cancelled, failed with a
// reason, retries) would exist twice and have to be kept in step across two tables, with
// the gaps that brings after a crash. One UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP
// LOCKED) … RETURNING is a single statement, so it is atomic on PostgreSQL (row locks;
// concurrent claimers skip the locked row, and the outer status check rejects a row that
// changed meanwhile) and on PGlite (which runs every statement one at a time, so SKIP
// LOCKED never has anything to skip). tests/runs/queue.test.ts checks both.
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { db } from '@/lib/db/client'

export type ClaimedRun = { id: string; attempts: number; timeLimitSeconds: number }

/** A worker's name in Run.workerId: where it runs, so an operator can find it. */
export function newWorkerId(kind: 'inline' | 'standalone'): string {
  return `${kind}:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
}

/** Takes the oldest queued run for this worker, or null when the queue is empty. */
export async function claimNextRun(workerId: string): Promise<ClaimedRun | null> {
  const rows = await db().$queryRaw<ClaimedRun[]>`
    UPDATE "Run"
       SET "status" = 'RUNNING',
           "workerId" = ${workerId},
           "attempts" = "attempts" + 1,
           "heartbeatAt" = now(),
           "startedAt" = now(),
           "progress" = 0,
           "currentEpoch" = 0,
           "history" = '[]'::jsonb,
           "error" = NULL,
           "errorCode" = NULL
     WHERE "id" = (
             SELECT "id" FROM "Run"
              WHERE "status" = 'QUEUED' AND "cancelRequested" = false
              ORDER BY "queuedAt", "id"
              LIMIT 1
              FOR UPDATE SKIP LOCKED
           )
       AND "status" = 'QUEUED'
     RETURNING "id", "attempts", "timeLimitSeconds"`
  return rows[0] ?? null
}

/**
 * Records that this worker still holds the run; returns whether it does (false once the
 * run was taken away: reaped as dead, or finished elsewhere) and whether a user asked to
 * cancel it.
 */
export async function heartbeat(
  runId: string,
  workerId: string,
): Promise<{ held: boolean; cancelRequested: boolean }> {
  const rows = await db().$queryRaw<{ cancelRequested: boolean }[]>`
    UPDATE "Run" SET "heartbeatAt" = now()
     WHERE "id" = ${runId} AND "workerId" = ${workerId} AND "status" = 'RUNNING'
     RETURNING "cancelRequested"`
  return { held: rows.length === 1, cancelRequested: rows[0]?.cancelRequested ?? false }
}

export type ReapResult = { requeued: string[]; failed: string[] }

/**
 * Runs whose worker stopped sending heartbeats for `staleSeconds` (the process was killed,
 * the machine went away) go back to the queue while they have attempts left, else fail
 * with the reason. `onlyWorkerPrefix` limits it to one process's own runs (at start-up).
 */
export async function reapDeadRuns(
  staleSeconds: number,
  options: { workerIds?: string[] } = {},
): Promise<ReapResult> {
  const staleBefore = new Date(Date.now() - staleSeconds * 1000)
  const where = {
    status: 'RUNNING' as const,
    ...(options.workerIds
      ? { workerId: { in: options.workerIds } }
      : { heartbeatAt: { lt: staleBefore } }),
  }
  const stale = await db().run.findMany({
    where,
    select: { id: true, attempts: true, maxAttempts: true, workerId: true,
      cancelRequested: true },
  })
  const result: ReapResult = { requeued: [], failed: [] }

  for (const run of stale) {
    // Conditional on the same worker and status, so a run that came back to life or was
    // reaped by another process meanwhile is left alone.
    const guard = { id: run.id, status: 'RUNNING' as const, workerId: run.workerId }
    const retry = run.attempts < run.maxAttempts && !run.cancelRequested
    const reason = `Its worker (${run.workerId}) stopped responding during attempt ` +
      `${run.attempts} of ${run.maxAttempts}.`
    const { count } = await db().run.updateMany({
      where: guard,
      data: retry
        ? { status: 'QUEUED', workerId: null, heartbeatAt: null, queuedAt: new Date(),
            error: `${reason} It was queued again.`, errorCode: 'worker_lost' }
        : run.cancelRequested
          ? { status: 'CANCELLED', finishedAt: new Date(), workerId: null }
          : { status: 'FAILED', finishedAt: new Date(), errorCode: 'worker_lost',
              error: `${reason} No attempts are left.` },
    })
    if (count === 1) (retry ? result.requeued : result.failed).push(run.id)
  }
  return result
}
