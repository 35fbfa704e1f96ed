import { createWriteStream } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import busboy from 'busboy'
import { AppError } from '@/lib/errors'
import { UploadFormatError } from './format-errors'

export type ReceivedFile = { path: string; filename: string; sizeBytes: number }
export type ReceivedUpload = {
  fields: Record<string, string>
  files: Record<string, ReceivedFile>
}

const SAFE_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,40}$/

/**
 * Streams a multipart/form-data body into `dir`, one file per form field, never holding a
 * file in memory. A file over `maxBytes` stops the upload with `upload_too_large`.
 */
export async function receiveMultipart(request: Request, dir: string,
  maxBytes: number): Promise<ReceivedUpload> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.toLowerCase().startsWith('multipart/form-data') || !request.body) {
    throw new AppError('unsupported_media_type', 'Send the files as multipart/form-data, ' +
      'one form field per file (for example trainImages, trainLabels, testImages, testLabels).')
  }

  const parser = busboy({
    headers: { 'content-type': type },
    limits: { fileSize: maxBytes, files: 8, fields: 50, fieldSize: 64 * 1024 },
  })
  const fields: Record<string, string> = {}
  const files: Record<string, ReceivedFile> = {}
  const writes: Promise<void>[] = []

  parser.on('field', (name, value) => { if (SAFE_FIELD.test(name)) fields[name] = value })
  parser.on('file', (name, stream, info) => {
    if (!SAFE_FIELD.test(name) || files[name]) return void stream.resume()
    const target = path.join(/*turbopackIgnore: true*/ dir, `field-${name}`)
    const entry: ReceivedFile = { path: target, filename: info.filename ?? name, sizeBytes: 0 }
    files[name] = entry
    stream.on('data', (chunk: Buffer) => { entry.sizeBytes += chunk.length })
    writes.push(pipeline(stream, createWriteStream(target)).then(() => {
      if ((stream as { truncated?: boolean }).truncated) {
        throw new UploadFormatError('upload_too_large', `${entry.filename} is larger than ` +
          `${Math.round(maxBytes / 1024 / 1024)} MB, the upload limit of this server ` +
          '(UPLOAD_LIMIT_MB). Split the dataset or ask the administrator to raise it.',
        entry.filename)
      }
    }))
  })

  const body = Readable.fromWeb(request.body as unknown as WebReadableStream)
  try {
    await pipeline(body, parser)
  } catch (error) {
    await Promise.allSettled(writes)
    throw new AppError('bad_request', `The upload could not be read: ${(error as Error).message}`)
  }
  await Promise.all(writes)
  return { fields, files }
}
