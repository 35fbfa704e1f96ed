import { randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { MissingObjectError } from './errors'
import type { Storage } from './types'

/** Files under one root folder; writes go to a temporary name, then a rename. */
export class LocalStorage implements Storage {
  readonly driver = 'local' as const

  constructor(private readonly root: string) {}

  private resolve(key: string): string {
    const full = path.resolve(this.root, key)
    if (!full.startsWith(path.resolve(this.root) + path.sep)) {
      throw new Error(`Storage key escapes the storage root: ${key}`)
    }
    return full
  }

  async put(key: string, body: Readable | Buffer): Promise<{ sizeBytes: number }> {
    const target = this.resolve(key)
    await mkdir(path.dirname(target), { recursive: true })
    const temporary = `${target}.${randomUUID()}.partial`
    try {
      const source = Buffer.isBuffer(body) ? Readable.from([body]) : body
      await pipeline(source, createWriteStream(temporary))
      await rename(temporary, target)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
    return { sizeBytes: (await stat(target)).size }
  }

  async get(key: string): Promise<Readable> {
    const file = this.resolve(key)
    await stat(file).catch((error) => { throw missing(error, key) })
    return createReadStream(file)
  }

  async read(key: string): Promise<Buffer> {
    return readFile(this.resolve(key)).catch((error) => { throw missing(error, key) })
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.resolve(key)).then(() => true, () => false)
  }

  async delete(keyOrPrefix: string): Promise<void> {
    await rm(this.resolve(keyOrPrefix), { recursive: true, force: true })
  }

  async list(prefix: string): Promise<string[]> {
    const dir = this.resolve(prefix)
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(this.root, path.join(entry.parentPath, entry.name)))
      .map((key) => key.split(path.sep).join('/'))
      .sort()
  }

  /** The file behind a key, for code that must read from disk (local driver only). */
  pathOf(key: string): string {
    return this.resolve(key)
  }
}

function missing(error: NodeJS.ErrnoException, key: string): Error {
  return error.code === 'ENOENT' ? new MissingObjectError(key) : error
}
