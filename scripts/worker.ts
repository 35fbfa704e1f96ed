// npm run worker: a stand-alone run worker. It shares the queue with the web server's
// inline worker and with other stand-alone workers (on this or other machines) through
// the database, so it needs PostgreSQL (DATABASE_URL=postgresql://…): the embedded
// database belongs to the one process that opened it.
//   npm run worker -- [--runs N] [--heartbeat-ms MS] [--stale-seconds S] [--poll-ms MS]
import { parseArgs } from 'node:util'
import { closeDb } from '../lib/db/client'
import { databaseUrl, env, EnvError } from '../lib/env'
import { logger } from '../lib/logging'
import { RunWorker } from '../lib/queue/run-worker'

function readOptions() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      'heartbeat-ms': { type: 'string' },
      'stale-seconds': { type: 'string' },
      'poll-ms': { type: 'string' },
    },
  })
  const number = (value: string | undefined, name: string) => {
    if (value === undefined) return undefined
    const parsed = Number(value)
    if (!Number.isFinite(parsed) || parsed <= 0) {
      throw new EnvError(`--${name} must be a positive number, not "${value}".`)
    }
    return parsed
  }
  return {
    maxRuns: number(values.runs, 'runs'),
    heartbeatMs: number(values['heartbeat-ms'], 'heartbeat-ms'),
    staleSeconds: number(values['stale-seconds'], 'stale-seconds'),
    pollMs: number(values['poll-ms'], 'poll-ms'),
  }
}

async function main() {
  env()
  const options = Object.fromEntries(
    Object.entries(readOptions()).filter(([, value]) => value !== undefined))
  if (databaseUrl().startsWith('pglite:')) {
    logger.warn('DATABASE_URL is not set: this worker opens the embedded database, which ' +
      'no other process (such as the web server) may have open at the same time')
  }
  const worker = new RunWorker({ kind: 'standalone', ...options })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'stopping after the current run')
      void worker.stop()
    })
  }
  process.stdout.write(`[tandem] run worker ${worker.id} waiting for runs\n`)
  await worker.start()
  await closeDb()
}

main().catch((error) => {
  process.stderr.write(`${error instanceof EnvError ? error.message : error}\n`)
  process.exit(1)
})
