// Measures the web server's resident memory while a large IDX dataset is uploaded.
//   npx next build (NEXT_DIST_DIR=.next-bench to keep it apart), then
//   npx tsx bench/upload-rss.ts [--size-mb 1024] [--database postgres|pglite] [--port 3190]
// Issue 3 asks for < 300 MB during a 1 GB upload. Use PostgreSQL for that figure: PGlite
// alone holds ~300-400 MB inside the server process (STACK.md), whatever the upload does.
// The server runs with the V8 settings of `npm start` (scripts/server-node-options.ts).
// Measured here: 296-328 MB peak with Node's defaults, 263 MB with
// --max-semi-space-size=1 (V8 then collects Next.js's per-chunk copies sooner).
import { spawn, execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { serverNodeOptions } from '../scripts/server-node-options'

const { values } = parseArgs({ options: {
  'size-mb': { type: 'string', default: '1024' },
  database: { type: 'string', default: 'postgres' },
  port: { type: 'string', default: '3190' },
  uploads: { type: 'string', default: '1' },
} })
const sizeBytes = Number(values['size-mb']) * 1024 * 1024
const port = Number(values.port)
const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-bench-'))
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://root@127.0.0.1:5432/postgres'
const dbName = `tandem_bench_${randomUUID().slice(0, 8)}`
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn',
  NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', RUN_WORKER: 'off' }
if (values.database === 'postgres') {
  const url = new URL(adminUrl)
  url.pathname = `/${dbName}`
  env.DATABASE_URL = url.toString()
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${dbName}"`)
  await admin.end()
}

function run(script: string) {
  return execFileSync('npx', ['tsx', '-e', script], { env, encoding: 'utf8' }).trim()
}

// Migrate and create an uploader with a token, before the server owns the database.
execFileSync('npx', ['tsx', 'scripts/db-migrate.ts', 'deploy'], { env, stdio: 'ignore' })
const [projectId, token] = run(`(async () => {
  const { db, closeDb } = await import('./lib/db/client.ts')
  const { createApiToken } = await import('./lib/auth/api-tokens.ts')
  const org = await db().organization.create({ data: { name: 'Bench', kind: 'COMPANY' } })
  const user = await db().user.create({ data: { email: 'bench@x.example', name: 'Bench',
    passwordHash: 'x', organizations: { create: { organizationId: org.id } } } })
  const project = await db().project.create({ data: { title: 'Bench', createdById: user.id,
    members: { create: { userId: user.id, organizationId: org.id, role: 'OWNER' } } } })
  const { token } = await createApiToken(user.id, 'bench')
  process.stdout.write(project.id + ' ' + token)
  await closeDb()
})()`).split(' ')

const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p',
  String(port)], { env: { ...env, NODE_OPTIONS: serverNodeOptions(env.NODE_OPTIONS) },
  stdio: 'ignore' })

function rssOfTree(pid: number): number {
  let total = 0
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim()
    for (const child of children ? children.split(' ') : []) total += rssOfTree(Number(child))
  }
  return total
}

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('the server did not start')
}

/** Streams a multipart body of four IDX files; the images file is `sizeBytes` long. */
function upload(name: string): Promise<{ status: number; body: string }> {
  const boundary = `----tandem${randomUUID()}`
  const pixels = 28 * 28
  const count = Math.floor((sizeBytes - 16) / pixels)
  const part = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; ` +
    `name="${name}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`
  const idxHeader = (magic: number, dims: number[]) => {
    const header = Buffer.alloc(4 + dims.length * 4)
    header.writeUInt32BE(magic, 0)
    dims.forEach((d, i) => header.writeUInt32BE(d, 4 + i * 4))
    return header
  }
  const chunk = Buffer.alloc(pixels * 1024, 7)
  const labels = Buffer.from(Array.from({ length: 1024 * 1024 }, (_, i) => i % 10))

  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: 'POST',
      path: `/api/projects/${projectId}/datasets`, headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}` } }, (response) => {
      let body = ''
      response.on('data', (d) => { body += d })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    request.on('error', reject)
    const write = (data: Buffer | string) => new Promise<void>((done) => {
      if (request.write(data)) done()
      else request.once('drain', () => done())
    })
    void (async () => {
      await write(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n` +
        `${name}\r\n`)
      await write(part('trainImages'))
      await write(idxHeader(0x803, [count, 28, 28]))
      for (let left = count; left > 0; left -= 1024) {
        await write(left >= 1024 ? chunk : chunk.subarray(0, left * pixels))
      }
      await write(`\r\n${part('trainLabels')}`)
      await write(idxHeader(0x801, [count]))
      for (let left = count; left > 0; left -= labels.length) {
        await write(left >= labels.length ? labels : labels.subarray(0, left))
      }
      await write(`\r\n${part('testImages')}`)
      await write(Buffer.concat([idxHeader(0x803, [10, 28, 28]), chunk.subarray(0, 10 * pixels)]))
      await write(`\r\n${part('testLabels')}`)
      await write(Buffer.concat([idxHeader(0x801, [10]), labels.subarray(0, 10)]))
      await write(`\r\n--${boundary}--\r\n`)
      request.end()
    })().catch(reject)
  })
}

try {
  await waitForHealth()
  const bare = rssOfTree(server.pid ?? 0)
  await fetch(`http://127.0.0.1:${port}/api/projects/${projectId}/datasets`,
    { headers: { authorization: `Bearer ${token}` } })
  const baseline = rssOfTree(server.pid ?? 0)
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)
  const lines = [`database:        ${values.database}`,
    `server RSS:      ${mb(bare)} MB started, ${mb(baseline)} MB after one dataset request`]
  // Several uploads in a row show whether memory keeps growing or levels off.
  for (let round = 1; round <= Number(values.uploads); round++) {
    let peak = 0
    const timeline: number[] = []
    const started = Date.now()
    const sampler = setInterval(() => {
      const rss = rssOfTree(server.pid ?? 0)
      peak = Math.max(peak, rss)
      const second = Math.floor((Date.now() - started) / 1000)
      timeline[second] = Math.max(timeline[second] ?? 0, rss)
    }, 50)
    const result = await upload(`big-${round}`)
    const seconds = (Date.now() - started) / 1000
    clearInterval(sampler)
    const version = result.status === 201 ? JSON.parse(result.body).version : null
    lines.push(
      `upload ${round}:        ${mb(sizeBytes)} MB images file + labels, HTTP ${result.status}, ` +
        `${seconds.toFixed(1)} s (${(sizeBytes / 1024 / 1024 / seconds).toFixed(0)} MB/s)`,
      `  version:       ${version ? `sha256 ${version.sha256}` : result.body}`,
      `  peak RSS:      ${mb(peak)} MB (limit in issue 3: 300 MB -> ` +
        `${peak < 300 * 1024 * 1024 ? 'within' : 'OVER'})`,
      `  RSS per second: ${timeline.map((rss) => mb(rss ?? 0)).join(' ')} MB`)
  }
  process.stdout.write(lines.join('\n') + '\n')
} finally {
  server.kill('SIGTERM')
  await new Promise((resolve) => server.once('exit', resolve))
  rmSync(dataDir, { recursive: true, force: true })
  if (values.database === 'postgres') {
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
    await admin.end()
  }
}
