// npm start: check the configuration, apply migrations, seed the demo data
// once, build when the sources changed since the last build, then serve.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { openDatabase } from '../lib/db/adapter'
import { closeDb } from '../lib/db/client'
import { applyMigrations } from '../lib/db/migrations'
import { databaseUrl, env, EnvError } from '../lib/env'
import { seedDemo } from '../lib/seed/demo'
import { serverNodeOptions } from './server-node-options'

const SOURCES = ['app', 'components', 'lib', 'ml', 'messages', 'workers', 'instrumentation.ts',
  'next.config.ts', 'package-lock.json', 'prisma/schema.prisma']

function say(line: string) {
  process.stdout.write(`[tandem] ${line}\n`)
}

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0
  const stats = statSync(entry)
  if (!stats.isDirectory()) return stats.mtimeMs
  return readdirSync(entry).reduce(
    (newest, child) => Math.max(newest, newestChange(path.join(entry, child))), stats.mtimeMs)
}

function needsBuild(distDir: string): boolean {
  const buildId = path.join(distDir, 'BUILD_ID')
  if (!existsSync(buildId)) return true
  const builtAt = statSync(buildId).mtimeMs
  return SOURCES.some((source) => newestChange(source) > builtAt)
}

async function prepareDatabase() {
  const handle = openDatabase(databaseUrl())
  const applied = await applyMigrations(handle.adapter)
  await handle.close()
  say(`database (${handle.kind}): ${applied.length} migration(s) applied`)

  if (await seedDemo()) say('demo data seeded (see README for the demo accounts)')
  await closeDb()
}

function build(distDir: string) {
  if (!needsBuild(distDir)) return
  say('building the web application…')
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: process.env })
  if (result.status !== 0) {
    say('the build failed; see the messages above')
    process.exit(result.status ?? 1)
  }
}

function serve(port: number) {
  say(`serving on http://localhost:${port}`)
  const server = spawn('npx', ['next', 'start', '-p', String(port)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS) },
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => server.kill(signal))
  }
  server.on('exit', (code) => process.exit(code ?? 0))
}

try {
  const config = env()
  process.env.NEXT_TELEMETRY_DISABLED ??= '1'
  await prepareDatabase()
  build(process.env.NEXT_DIST_DIR ?? '.next')
  serve(config.PORT)
} catch (error) {
  if (error instanceof EnvError) {
    process.stderr.write(`${error.message}\n`)
    process.exit(2)
  }
  throw error
}
