import { z } from 'zod'
import { recordAudit } from '@/lib/audit/record'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { UploadFormatError, toUploadAppError } from './format-errors'
import { receiveMultipart, type ReceivedUpload } from './multipart'
import { accessLevels, datasetNameSchema, sensitivities } from './schemas'
import { withStagingDir } from './staging'
import { createIdxDatasetVersion, ROLES, type NewVersionInput } from './versions'

export const uploadFieldsSchema = z.object({
  format: z.enum(['IDX', 'CSV', 'IMAGE_ZIP']).default('IDX'),
  name: datasetNameSchema.optional(),
  description: z.string().max(10_000).optional(),
  source: z.string().max(2_000).optional(),
  licence: z.string().max(500).optional(),
  sensitivity: z.enum(sensitivities).optional(),
  intendedUse: z.string().max(5_000).optional(),
  projectLevel: z.enum(accessLevels).optional(),
  terms: z.string().max(20_000).optional(),
  classes: z.coerce.number().int().min(2).max(256).optional(),
  labelColumn: z.string().max(200).optional(),
  testFraction: z.coerce.number().min(0.01).max(0.9).optional(),
  seed: z.coerce.number().int().min(0).max(2 ** 31).optional(),
  imageSize: z.coerce.number().int().min(4).max(256).optional(),
  colour: z.enum(['grey', 'rgb']).optional(),
})
export type UploadFields = z.infer<typeof uploadFieldsSchema>

export type UploadTarget = {
  projectId: string
  organizationId: string
  userId: string
  /** Set for a new version of an existing dataset. */
  datasetId?: string
  datasetName?: string
}

function limitBytes(): number {
  return env().UPLOAD_LIMIT_MB * 1024 * 1024
}

/**
 * Receives a multipart upload and turns it into a new dataset version. Files stream to a
 * staging folder, are checked and converted, and only then stored; a refusal names what
 * is wrong (`error.reason` holds the precise code) and leaves nothing behind.
 */
export async function uploadDatasetVersion(request: Request, target: UploadTarget) {
  try {
    return await withStagingDir(async (dir) => {
      const upload = await receiveMultipart(request, dir, limitBytes())
      const fields = uploadFieldsSchema.parse(upload.fields)
      const name = target.datasetName ?? fields.name
      if (!name) {
        throw new AppError('unprocessable_entity', 'Give the dataset a name.',
          { fields: { name: ['Give the dataset a name.'] } })
      }
      for (const file of Object.values(upload.files)) {
        if (file.sizeBytes === 0) {
          throw new UploadFormatError('upload_empty', `${file.filename} is empty (0 bytes). ` +
            'Choose the file again; it may not have finished saving.', file.filename)
        }
      }
      const base: NewVersionInput = {
        datasetId: target.datasetId, projectId: target.projectId,
        organizationId: target.organizationId, createdById: target.userId, name,
        card: fields, classes: fields.classes, maxBytes: limitBytes(),
      }
      return await convert(fields, upload, base, dir)
    })
  } catch (error) {
    const refusal = toUploadAppError(error)
    await recordAudit({ actorId: target.userId, action: 'dataset.upload', outcome: 'failure',
      reason: refusal instanceof AppError ? String(refusal.details?.reason ?? refusal.code)
        : 'internal_error',
      resourceType: target.datasetId ? 'dataset' : 'project',
      resourceId: target.datasetId ?? target.projectId,
      datasetId: target.datasetId, projectId: target.projectId }).catch(() => undefined)
    throw refusal
  }
}

function idxFiles(upload: ReceivedUpload) {
  const missing = ROLES.filter((role) => !upload.files[role])
  if (missing.length > 0) {
    throw new UploadFormatError('upload_missing_file', `The upload lacks ${missing.join(', ')}. ` +
      'An IDX dataset needs four files: trainImages, trainLabels, testImages, testLabels ' +
      '(raw or gzip).')
  }
  return Object.fromEntries(ROLES.map((role) => [role,
    { path: upload.files[role].path, name: upload.files[role].filename }])) as
    Record<(typeof ROLES)[number], { path: string; name: string }>
}

function requireFile(upload: ReceivedUpload, field: string, what: string) {
  const file = upload.files[field]
  if (!file) {
    throw new UploadFormatError('upload_missing_file', `The upload lacks the ${field} file ` +
      `(${what}).`)
  }
  return { path: file.path, name: file.filename }
}

// CSV and ZIP converters load csv-parse, yauzl and sharp (libvips): only when needed,
// which keeps them out of the server's memory until someone uploads such a file.
async function convert(fields: UploadFields, upload: ReceivedUpload, base: NewVersionInput,
  dir: string) {
  const split = { testFraction: fields.testFraction ?? 0.2, seed: fields.seed ?? 42 }
  if (fields.format === 'CSV') {
    const { createCsvDatasetVersion } = await import('./csv')
    return createCsvDatasetVersion({ ...base, dir,
      train: requireFile(upload, 'train', 'a CSV table with a header line'),
      test: upload.files.test ? requireFile(upload, 'test', 'a CSV test table') : undefined,
      options: { ...split, labelColumn: fields.labelColumn } })
  }
  if (fields.format === 'IMAGE_ZIP') {
    const { createImageZipDatasetVersion } = await import('./image-zip')
    return createImageZipDatasetVersion({ ...base, dir, maxUnpackedBytes: limitBytes(),
      archive: requireFile(upload, 'archive', 'a ZIP of images, one folder per class'),
      options: { ...split, imageSize: fields.imageSize ?? 28, colour: fields.colour ?? 'grey' } })
  }
  return createIdxDatasetVersion({ ...base, files: idxFiles(upload) })
}
