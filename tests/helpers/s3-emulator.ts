import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import type { S3Client } from '@aws-sdk/client-s3'
import { createS3Client, S3Storage } from '@/lib/storage/s3'

const SERVER = path.resolve(import.meta.dirname, 's3-emulator-server.mjs')
/** s3rver's built-in account. */
const CREDENTIALS = { S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' }

export type S3Emulator = {
  endpoint: string
  bucket: string
  /** A fresh S3Storage on the emulator's bucket, built as lib/storage builds it from env. */
  storage: () => Promise<S3Storage>
  stop: () => Promise<void>
}

/** Starts a real S3-compatible server (s3rver) in a child process, with one empty bucket. */
export async function startS3Emulator(bucket = 'tandem-test'): Promise<S3Emulator> {
  const directory = mkdtempSync(path.join(tmpdir(), 'tandem-s3-'))
  const child = spawn(process.execPath,
    ['--openssl-legacy-provider', SERVER, directory, bucket],
    { stdio: ['pipe', 'pipe', 'inherit'] })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`s3rver exited with code ${code}`)))
    createInterface({ input: child.stdout }).once('line', (line) => {
      resolve((JSON.parse(line) as { port: number }).port)
    })
  })
  const endpoint = `http://127.0.0.1:${port}`

  return {
    endpoint,
    bucket,
    storage: async () => {
      const client = await createS3Client({ ...CREDENTIALS, S3_ENDPOINT: endpoint,
        S3_FORCE_PATH_STYLE: true, S3_REGION: 'us-east-1' })
      return new S3Storage(withoutBucketSlash(client), bucket)
    },
    stop: async () => {
      child.stdin.end()
      await exited
      rmSync(directory, { recursive: true, force: true })
    },
  }
}

/**
 * The SDK addresses bucket-level requests (list, multi-delete) as `/bucket/`, and
 * signs that path; s3rver checks the signature against `/bucket`, rebuilt from its
 * route, and refuses. Real S3 and MinIO sign the path as sent. Dropping the slash
 * before signing makes the two agree without turning signature checks off.
 */
function withoutBucketSlash(client: S3Client): S3Client {
  client.middlewareStack.add((next) => async (args) => {
    const request = args.request as { path?: string }
    if (request.path && /^\/[^/]+\/$/.test(request.path)) {
      request.path = request.path.slice(0, -1)
    }
    return next(args)
  }, { step: 'build', name: 's3rverBucketPath' })
  return client
}
