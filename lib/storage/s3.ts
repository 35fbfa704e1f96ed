import type { S3Client } from '@aws-sdk/client-s3'
import { pipeline, Readable, Transform } from 'node:stream'
import type { Env } from '@/lib/env'
import { MissingObjectError } from './errors'
import type { Storage } from './types'

/** DeleteObjects takes at most this many keys per call (S3 API reference). */
const DELETE_BATCH = 1000

/** Multipart part size: the S3 minimum, so a stream is held in memory 5 MiB at a time. */
const PART_SIZE = 5 * 1024 * 1024

// Loaded on first use, so processes on the local driver never load the SDK.
const s3 = () => import('@aws-sdk/client-s3')
const libStorage = () => import('@aws-sdk/lib-storage')

export type S3Settings = Pick<Env, 'S3_ENDPOINT' | 'S3_FORCE_PATH_STYLE' | 'S3_REGION' |
  'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY'>

/** A client for AWS S3, or for an S3-compatible server (MinIO, …) when S3_ENDPOINT is set. */
export async function createS3Client(settings: S3Settings): Promise<S3Client> {
  const { S3Client } = await s3()
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = settings
  return new S3Client({
    region: settings.S3_REGION,
    endpoint: settings.S3_ENDPOINT,
    forcePathStyle: settings.S3_FORCE_PATH_STYLE,
    // Without explicit keys the SDK's default chain applies (AWS_* variables, instance roles).
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  })
}

/**
 * Objects in one bucket, keyed like LocalStorage. An upload becomes visible only when
 * it completes: a single PutObject, or a multipart upload that S3 assembles on
 * CompleteMultipartUpload and that lib-storage aborts when the stream fails.
 */
export class S3Storage implements Storage {
  readonly driver = 's3' as const

  constructor(
    private readonly client: S3Client | Promise<S3Client>,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Readable | Buffer): Promise<{ sizeBytes: number }> {
    checkKey(key)
    const [{ Upload }, client] = await Promise.all([libStorage(), this.client])

    let sizeBytes = 0
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sizeBytes += chunk.length
        done(null, chunk)
      },
    })
    const source = Buffer.isBuffer(body) ? Readable.from([body]) : body
    // The callback form returns the last stream and destroys it when the source fails,
    // which makes the upload reject (and abort a multipart upload) instead of waiting.
    const counted = pipeline(source, counter, () => undefined)

    try {
      await new Upload({
        client,
        params: { Bucket: this.bucket, Key: key, Body: counted },
        partSize: PART_SIZE,
        leavePartsOnError: false,
      }).done()
    } catch (error) {
      // A refused upload stops reading: close the source (a file, a request) with it.
      counted.destroy()
      throw error
    }
    return { sizeBytes }
  }

  async get(key: string): Promise<Readable> {
    checkKey(key)
    const [{ GetObjectCommand }, client] = await Promise.all([s3(), this.client])
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))
      // In Node the SDK's body is an http.IncomingMessage, a Readable.
      return object.Body as Readable
    } catch (error) {
      throw isMissing(error) ? new MissingObjectError(key) : error
    }
  }

  async read(key: string): Promise<Buffer> {
    const chunks: Buffer[] = []
    for await (const chunk of await this.get(key)) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  }

  async exists(key: string): Promise<boolean> {
    checkKey(key)
    const [{ HeadObjectCommand }, client] = await Promise.all([s3(), this.client])
    try {
      await client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))
      return true
    } catch (error) {
      if (isMissing(error)) return false
      throw error
    }
  }

  async delete(keyOrPrefix: string): Promise<void> {
    checkKey(keyOrPrefix)
    const [{ DeleteObjectCommand, DeleteObjectsCommand }, client] =
      await Promise.all([s3(), this.client])
    if (!keyOrPrefix.endsWith('/')) {
      await client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: keyOrPrefix }))
      return
    }

    const keys = await this.list(keyOrPrefix)
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH)
      const result = await client.send(new DeleteObjectsCommand({
        Bucket: this.bucket,
        Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
      }))
      const failed = result.Errors ?? []
      if (failed.length > 0) {
        throw new Error(`Could not delete ${failed.length} objects under ${keyOrPrefix}; ` +
          `the first, ${failed[0].Key}: ${failed[0].Code} ${failed[0].Message}`)
      }
    }
  }

  /** Every key under a folder-like prefix ('a/b' lists 'a/b/…', not 'a/bc'), sorted. */
  async list(prefix: string): Promise<string[]> {
    checkKey(prefix)
    const [{ ListObjectsV2Command }, client] = await Promise.all([s3(), this.client])
    const folder = prefix.endsWith('/') ? prefix : `${prefix}/`

    const keys: string[] = []
    let token: string | undefined
    do {
      const page = await client.send(new ListObjectsV2Command({
        Bucket: this.bucket, Prefix: folder, ContinuationToken: token,
      }))
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key)
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
    return keys.sort()
  }
}

/** The keys LocalStorage accepts: relative, with no empty, '.' or '..' segment. */
function checkKey(key: string): void {
  const segments = key.replace(/\/$/, '').split('/')
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new Error(`Storage key escapes the storage root: ${key}`)
  }
}

/** NoSuchKey from GET; NotFound from HEAD, whose answer has no body to name the error. */
function isMissing(error: unknown): boolean {
  const name = (error as { name?: string }).name
  return name === 'NoSuchKey' || name === 'NotFound'
}
