import type { Readable } from 'node:stream'

/**
 * Where dataset files and run artifacts live: the local disk by default,
 * S3-compatible object storage when STORAGE_DRIVER=s3. Keys are relative,
 * slash-separated paths such as `datasets/<id>/v1/train-images-idx3-ubyte`.
 */
export interface Storage {
  readonly driver: 'local' | 's3'
  /** Writes a stream under a key; the object only becomes visible once complete. */
  put(key: string, body: Readable | Buffer): Promise<{ sizeBytes: number }>
  /** Both throw MissingObjectError when nothing is stored under the key. */
  get(key: string): Promise<Readable>
  read(key: string): Promise<Buffer>
  exists(key: string): Promise<boolean>
  /** Deletes one object or every object under a prefix ending in '/'. */
  delete(keyOrPrefix: string): Promise<void>
  /** The keys of every object under a folder-like prefix, sorted. */
  list(prefix: string): Promise<string[]>
}
