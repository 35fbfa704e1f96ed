import { databaseKind, db } from '@/lib/db/client'
import { logger } from '@/lib/logging'
import { executeRun } from '@/lib/runs/execute'
import { claimNextRun, newWorkerId, reapDeadRuns } from './claim'

export type RunWorkerOptions = {
  kind: 'inline' | 'standalone'
  /** How often an idle worker looks at the queue (a launch in this process wakes it). */
  pollMs?: number
  heartbeatMs?: number
  /** A RUNNING run whose heartbeat is older than this is considered dead. */
  staleSeconds?: number
  /** Stop after this many runs (tests); unlimited by default. */
  maxRuns?: number
}

const DEFAULTS = { pollMs: 2000, heartbeatMs: 5000, staleSeconds: 30 }

/**
 * Takes queued runs one at a time and executes each in a training thread. One run at a
 * time per worker: training uses a whole core, and the machines have two. More throughput
 * comes from more workers (`npm run worker`), which share the queue through the database.
 */
export class RunWorker {
  readonly id: string
  private readonly options: Required<Omit<RunWorkerOptions, 'maxRuns'>> & { maxRuns?: number }
  private stopped = false
  private wakeUp: (() => void) | null = null
  private loop: Promise<void> | null = null
  private executed = 0
  private lastReap = 0

  constructor(options: RunWorkerOptions) {
    this.options = { ...DEFAULTS, ...options }
    this.id = newWorkerId(options.kind)
  }

  start(): Promise<void> {
    this.loop ??= this.run()
    return this.loop
  }

  /** Looks at the queue now rather than at the next poll. */
  wake(): void {
    this.wakeUp?.()
  }

  /** Stops taking runs; resolves when the current run (if any) has ended. */
  async stop(): Promise<void> {
    this.stopped = true
    this.wake()
    await this.loop
  }

  private async run(): Promise<void> {
    logger.info({ workerId: this.id }, 'run worker started')
    await this.recoverAtStartUp()

    while (!this.stopped) {
      try {
        await this.reapIfDue()
        const claimed = await claimNextRun(this.id)
        if (claimed) {
          logger.info({ workerId: this.id, runId: claimed.id, attempt: claimed.attempts },
            'run claimed')
          await executeRun(claimed.id, {
            workerId: this.id,
            heartbeatMs: this.options.heartbeatMs,
          })
          this.executed += 1
          if (this.options.maxRuns && this.executed >= this.options.maxRuns) break
          continue
        }
      } catch (error) {
        // The database went away for a moment, most likely: try again at the next poll.
        logger.error({ err: error, workerId: this.id }, 'run worker iteration failed')
      }
      await this.sleep(this.options.pollMs)
    }
    logger.info({ workerId: this.id }, 'run worker stopped')
  }

  /**
   * The embedded database belongs to this one process, so every run still RUNNING when it
   * starts was left by a process that died (a crash or a kill): settle them now rather
   * than after the heartbeat timeout. On PostgreSQL other workers may be alive; only the
   * heartbeat timeout tells.
   */
  private async recoverAtStartUp(): Promise<void> {
    if (this.options.kind !== 'inline') return
    try {
      db()
      if (databaseKind() !== 'pglite') return
      const orphans = await db().run.findMany({
        where: { status: 'RUNNING' },
        select: { workerId: true },
        distinct: ['workerId'],
      })
      const workerIds = orphans.map((run) => run.workerId).filter((id) => id !== null)
      if (workerIds.length === 0) return
      const result = await reapDeadRuns(0, { workerIds })
      logger.warn({ ...result }, 'runs left running by a previous process were settled')
    } catch (error) {
      logger.error({ err: error }, 'could not settle runs left by a previous process')
    }
  }

  private async reapIfDue(): Promise<void> {
    const now = Date.now()
    if (now - this.lastReap < this.options.staleSeconds * 500) return
    this.lastReap = now
    const result = await reapDeadRuns(this.options.staleSeconds)
    if (result.requeued.length + result.failed.length > 0) {
      logger.warn({ workerId: this.id, ...result }, 'runs of dead workers were settled')
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wakeUp = () => {
        this.wakeUp = null
        done()
      }
    })
  }
}

// The web server's own worker, one per process, found by launches so they can wake it.
const holder = globalThis as typeof globalThis & { __tandemRunWorker?: RunWorker }

export function startInlineRunWorker(options: Omit<RunWorkerOptions, 'kind'> = {}): RunWorker {
  holder.__tandemRunWorker ??= new RunWorker({ ...options, kind: 'inline' })
  void holder.__tandemRunWorker.start()
  return holder.__tandemRunWorker
}

export function inlineRunWorker(): RunWorker | undefined {
  return holder.__tandemRunWorker
}

/** Stops the inline worker (tests, shutdown). */
export async function stopInlineRunWorker(): Promise<void> {
  const worker = holder.__tandemRunWorker
  holder.__tandemRunWorker = undefined
  await worker?.stop()
}
