// What every storage driver promises (lib/storage/types.ts), run against each driver.
import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { MissingObjectError, type Storage } from '@/lib/storage'

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8')
}

/** A stream that sends some bytes, then fails, as a dropped upload does. */
function failingStream(bytes: number): Readable {
  let sent = false
  return new Readable({
    read() {
      if (!sent) {
        sent = true
        this.push(Buffer.alloc(bytes, 1))
        return
      }
      this.destroy(new Error('connection reset by the client'))
    },
  })
}

export function storageContract(name: string, storage: () => Storage) {
  // Each test writes under its own folder, so the tests share one store.
  const folder = () => `contract/${randomUUID()}/`

  describe(`the ${name} storage driver`, () => {
    it('a streamed put is read back byte for byte, as a stream and as a buffer', async () => {
      const key = `${folder()}train-images`
      const chunks = ['IDX ', 'bytes ', 'in three chunks']

      const result = await storage().put(key, Readable.from(chunks.map((c) => Buffer.from(c))))

      expect(result.sizeBytes).toBe(chunks.join('').length)
      expect(await text(await storage().get(key))).toBe(chunks.join(''))
      expect((await storage().read(key)).toString('utf8')).toBe(chunks.join(''))
    })

    it('a buffer put is stored, and a second put under the key replaces it', async () => {
      const key = `${folder()}model.json`

      await storage().put(key, Buffer.from('{"v":1}'))
      const second = await storage().put(key, Buffer.from('{"v":22}'))

      expect(second.sizeBytes).toBe(8)
      expect((await storage().read(key)).toString('utf8')).toBe('{"v":22}')
    })

    it('exists tells a stored key from a missing one', async () => {
      const base = folder()
      await storage().put(`${base}present`, Buffer.from('x'))

      expect(await storage().exists(`${base}present`)).toBe(true)
      expect(await storage().exists(`${base}absent`)).toBe(false)
    })

    it('a missing key is refused by get and read with an error naming it', async () => {
      const key = `${folder()}never-written`

      await expect(storage().get(key)).rejects.toThrow(MissingObjectError)
      await expect(storage().read(key)).rejects.toThrow(`Nothing is stored under the key ${key}`)
    })

    it('deleting one object leaves its neighbours; a missing key deletes quietly', async () => {
      const base = folder()
      await storage().put(`${base}a`, Buffer.from('a'))
      await storage().put(`${base}b`, Buffer.from('b'))

      await storage().delete(`${base}a`)
      await storage().delete(`${base}a`)

      expect(await storage().exists(`${base}a`)).toBe(false)
      expect(await storage().list(base)).toEqual([`${base}b`])
    })

    it('deleting a prefix removes every object under it and nothing beside it', async () => {
      const base = folder()
      const keys = Array.from({ length: 30 }, (_, i) => `${base}run/${i % 3}/file-${i}`)
      await Promise.all(keys.map((key) => storage().put(key, Buffer.from(key))))
      await storage().put(`${base}run-notes`, Buffer.from('kept'))

      await storage().delete(`${base}run/`)

      expect(await storage().list(`${base}run/`)).toEqual([])
      expect(await storage().list(base)).toEqual([`${base}run-notes`])
    })

    it('list gives every key under a folder, nested ones too, sorted', async () => {
      const base = folder()
      const keys = [`${base}v1/b`, `${base}v1/a`, `${base}v1/deep/c`, `${base}v10/x`]
      for (const key of keys) await storage().put(key, Buffer.from('.'))

      expect(await storage().list(`${base}v1/`)).toEqual(
        [`${base}v1/a`, `${base}v1/b`, `${base}v1/deep/c`])
      expect(await storage().list(`${base}v1`)).toHaveLength(3)
      expect(await storage().list(`${base}v2/`)).toEqual([])
    })

    it('a put whose stream fails leaves the key as it was before', async () => {
      const base = folder()
      await storage().put(`${base}kept`, Buffer.from('previous'))

      await expect(storage().put(`${base}kept`, failingStream(1024))).rejects.toThrow(/reset/)
      await expect(storage().put(`${base}new`, failingStream(1024))).rejects.toThrow(/reset/)

      expect((await storage().read(`${base}kept`)).toString('utf8')).toBe('previous')
      expect(await storage().exists(`${base}new`)).toBe(false)
      expect(await storage().list(base)).toEqual([`${base}kept`])
    })

    it('a key that climbs out of the store is refused', async () => {
      await expect(storage().put('../outside', Buffer.from('x'))).rejects.toThrow(/escapes/)
      await expect(storage().read('datasets/../../outside')).rejects.toThrow(/escapes/)
    })
  })
}
