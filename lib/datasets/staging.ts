import { randomUUID } from 'node:crypto'
import { mkdir, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { env } from '@/lib/env'

// Uploads are written here first and only reach storage() once complete and valid.
// It must be on local disk: validators read the files back by path.
const holder = globalThis as typeof globalThis & { __tandemStagingRoot?: string }

export function stagingRoot(): string {
  return holder.__tandemStagingRoot ?? path.resolve(env().DATA_DIR, 'tmp', 'uploads')
}

/** Makes tests use their own staging folder, so they can check it is left empty. */
export function useStagingRoot(dir: string): void {
  holder.__tandemStagingRoot = dir
}

/** Runs `work` with a fresh private folder that is removed afterwards, success or not. */
export async function withStagingDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = path.join(/*turbopackIgnore: true*/ stagingRoot(), randomUUID())
  await mkdir(dir, { recursive: true })
  try {
    return await work(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** What is left in the staging folder (tests assert it is empty after a failure). */
export async function stagingLeftovers(): Promise<string[]> {
  return readdir(/*turbopackIgnore: true*/ stagingRoot()).catch(() => [])
}
