// A stand-alone worker (`npm run worker`, here `node --import tsx scripts/worker.ts`) is
// killed with SIGKILL in the middle of a run. Separate processes share the queue through
// PostgreSQL only (the embedded database belongs to one process), so this file always
// runs on PostgreSQL, on a fresh database of its own.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as listRuns } from '@/app/api/projects/[projectId]/runs/route'
import { PrismaClient } from '@/generated/prisma/client'
import { createApiToken } from '@/lib/auth/api-tokens'
import { useStagingRoot } from '@/lib/datasets/staging'
import { closeDb, db, useDb } from '@/lib/db/client'
import { applyMigrations } from '@/lib/db/migrations'
import { RunWorker } from '@/lib/queue/run-worker'
import { launchRun } from '@/lib/runs/launch'
import { useStorage } from '@/lib/storage'
import { LocalStorage } from '@/lib/storage/local'
import { bearer, createRunFixture } from './helpers'

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://root@127.0.0.1:5432/postgres'
const name = `tandem_kill_${randomUUID().replaceAll('-', '')}`
const admin = new pg.Pool({ connectionString: ADMIN_URL, max: 1 })
const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-kill-'))
let url = ''
let child: ChildProcess | undefined
const children: ChildProcess[] = []

beforeAll(async () => {
  await admin.query(`CREATE DATABASE "${name}"`)
  const parsed = new URL(ADMIN_URL)
  parsed.pathname = `/${name}`
  url = parsed.toString()
  const pool = new pg.Pool({ connectionString: url })
  await applyMigrations(new PrismaPg(pool))
  await pool.end()
  useDb(new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }))
  useStorage(new LocalStorage(path.join(dataDir, 'storage')))
  useStagingRoot(mkdtempSync(path.join(tmpdir(), 'tandem-staging-')))
})

afterAll(async () => {
  for (const worker of [child, ...children]) {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL')
  }
  await closeDb()
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await admin.end()
})

function startStandaloneWorker(stdout: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
  return spawn(process.execPath,
    ['--import', 'tsx', 'scripts/worker.ts', '--heartbeat-ms', '300', '--poll-ms', '200'], {
      env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn',
        NODE_ENV: 'production' },
      stdio: ['ignore', stdout, 'ignore'],
    })
}

/** Resolves once the worker says it waits for runs (it has opened the database). */
function ready(worker: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    worker.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('waiting for runs')) resolve()
    })
  })
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 90_000) {
  const until = Date.now() + ms
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > until) throw new Error(`timed out; last value ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('a worker killed in the middle of a run', () => {
  it('its run is queued again and finishes elsewhere; the other runs complete', async () => {
    const fixture = await createRunFixture({ train: 2000, test: 200 })
    const { token } = await createApiToken(fixture.researcher.id, 'test')
    const launch = (epochs: number, sampleLimit: number) => launchRun(fixture.researcher.id,
      fixture.project.id, { datasetVersionId: fixture.version.id, epochs, sampleLimit })
    const long = await launch(200, 2000)
    const others = [await launch(1, 200), await launch(2, 200)]

    child = startStandaloneWorker()
    const exited = new Promise((resolve) => child!.once('exit', resolve))
    const midRun = await waitFor(() => db().run.findUniqueOrThrow({ where: { id: long.id } }),
      (run) => run.status === 'RUNNING' && run.currentEpoch >= 1)
    child.kill('SIGKILL')
    await exited

    expect(midRun.workerId).toMatch(/^standalone:/)
    expect(midRun.currentEpoch).toBeLessThan(200)

    // The web server's own worker takes over: it notices the silent heartbeat, re-queues
    // the run (one attempt of two was used) and works through the queue.
    const inline = new RunWorker({ kind: 'inline', pollMs: 100, heartbeatMs: 200,
      staleSeconds: 2, maxRuns: 3 })
    const draining = inline.start()
    const requeued = await waitFor(
      () => db().run.findUniqueOrThrow({ where: { id: long.id } }),
      (run) => run.attempts === 2 || run.errorCode === 'worker_lost')
    const response = await listRuns(bearer(token),
      { params: Promise.resolve({ projectId: fixture.project.id }) })
    await draining

    expect(requeued.errorCode === 'worker_lost' || requeued.attempts === 2).toBe(true)
    expect(response.status).toBe(200)
    const runs = await db().run.findMany({ where: { id: { in: [long.id, ...others.map((r) =>
      r.id)] } } })
    for (const run of runs) expect(run.status, run.error ?? '').toBe('SUCCEEDED')
    const retried = runs.find((run) => run.id === long.id)!
    expect(retried.attempts).toBe(2)
    expect(retried.workerId).toBe(inline.id)
  })
})

describe('two stand-alone workers on one queue', () => {
  it('share the runs between them and never execute one twice', async () => {
    const fixture = await createRunFixture({ train: 300, test: 50 })
    children.push(startStandaloneWorker('pipe'), startStandaloneWorker('pipe'))
    await Promise.all(children.map(ready))
    const runs = []
    for (let i = 0; i < 8; i++) {
      runs.push(await launchRun(fixture.researcher.id, fixture.project.id,
        { datasetVersionId: fixture.version.id, epochs: 1, sampleLimit: 100, seed: i }))
    }
    const ids = runs.map((run) => run.id)

    const done = await waitFor(() => db().run.findMany({ where: { id: { in: ids } } }),
      (rows) => rows.every((row) => row.status === 'SUCCEEDED'))
    for (const worker of children) worker.kill('SIGTERM')

    expect(done.every((row) => row.attempts === 1)).toBe(true)
    expect(new Set(done.map((row) => row.workerId)).size).toBe(2)
  })
})
