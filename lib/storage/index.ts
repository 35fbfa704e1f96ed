import path from 'node:path'
import { env } from '@/lib/env'
import { LocalStorage } from './local'
import { createS3Client, S3Storage } from './s3'
import type { Storage } from './types'

export { MissingObjectError } from './errors'
export type { Storage } from './types'

const holder = globalThis as typeof globalThis & { __tandemStorage?: Storage }

export function storage(): Storage {
  if (holder.__tandemStorage) return holder.__tandemStorage

  const config = env()
  // lib/env.ts refuses STORAGE_DRIVER=s3 without S3_BUCKET, so the bucket is set here.
  holder.__tandemStorage = config.STORAGE_DRIVER === 's3'
    ? new S3Storage(createS3Client(config), config.S3_BUCKET as string)
    : new LocalStorage(path.resolve(config.DATA_DIR, 'storage'))
  return holder.__tandemStorage
}

/** Makes tests use their own storage root. */
export function useStorage(instance: Storage): void {
  holder.__tandemStorage = instance
}
