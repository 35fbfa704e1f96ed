import path from 'node:path'
import { env } from '@/lib/env'
import { LocalStorage } from './local'
import type { Storage } from './types'

export type { Storage } from './types'

const holder = globalThis as typeof globalThis & { __tandemStorage?: Storage }

export function storage(): Storage {
  if (holder.__tandemStorage) return holder.__tandemStorage

  const config = env()
  if (config.STORAGE_DRIVER === 's3') {
    throw new Error('STORAGE_DRIVER=s3 is not available in this build yet; use local.')
  }
  holder.__tandemStorage = new LocalStorage(path.resolve(config.DATA_DIR, 'storage'))
  return holder.__tandemStorage
}

/** Makes tests use their own storage root. */
export function useStorage(instance: Storage): void {
  holder.__tandemStorage = instance
}
