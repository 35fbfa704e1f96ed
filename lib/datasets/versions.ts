import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { DatasetFormat, Prisma } from '@/generated/prisma/client'
import { recordActivity } from '@/lib/activity/record'
import { recordAudit } from '@/lib/audit/record'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { logger } from '@/lib/logging'
import { storage } from '@/lib/storage'
import { DatasetFormatError } from '@/ml/datasets/dataset-format-error'
import { parseIdxPair, type IdxPairRole, type TrainTestSets } from '@/ml/datasets/idx-pair'
import type { ImageDataset } from '@/ml/datasets/image-dataset'
import { IDX_COLOUR_IMAGES_MAGIC, stageIdxFile, type IdxInspection } from './idx-inspect'
import { manifestSha256, type StoredFile } from './manifest'
import type { DatasetCard, DatasetPolicy } from './schemas'
import { withStagingDir } from './staging'

// Every version is stored as four raw (uncompressed) IDX files, whatever was uploaded:
// gzip is undone so training and downloads read the bytes directly, and CSV and image
// ZIP uploads are converted to the same layout. Colour images use IDX magic 0x0804.
export const CANONICAL_NAMES: Record<IdxPairRole, string> = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
}
export const ROLES = Object.keys(CANONICAL_NAMES) as IdxPairRole[]

export type VersionMetadata = {
  format: DatasetFormat
  train: { samples: number }
  test: { samples: number }
  classes: number
  /** Names of the classes 0..classes-1 when the upload had them (CSV labels, ZIP folders). */
  classNames?: string[]
  shape: [rows: number, cols: number, channels: number]
  classBalance: { train: number[]; test: number[] }
  files: StoredFile[]
  /** How the upload was converted (CSV columns, image size), for the dataset page. */
  conversion?: Record<string, unknown>
}

/** A path, a stream, or a path with the name the uploader gave it (for messages). */
export type IdxFileSource = string | Readable | { path: string; name: string }
export type NewVersionInput = {
  datasetId?: string
  projectId: string
  organizationId: string
  createdById: string
  name: string
  card?: DatasetCard & DatasetPolicy
  /** Refuse a label ≥ classes (e.g. 10 for digits); by default the largest label + 1. */
  classes?: number
  maxBytes?: number
}

/**
 * Creates a dataset (unless `datasetId` names one) and a new immutable version from the
 * four IDX files of a train/test split, raw or gzip. Nothing becomes visible unless all
 * four files are valid; on failure no row, stored file or temporary file remains.
 */
export async function createIdxDatasetVersion(
  input: NewVersionInput & { files: Record<IdxPairRole, IdxFileSource> },
) {
  return withStagingDir(async (dir) => {
    const staged = {} as Record<IdxPairRole, IdxInspection>
    for (const role of ROLES) {
      const upload = path.join(/*turbopackIgnore: true*/ dir, `upload-${role}`)
      const from = await materialize(input.files[role], upload)
      staged[role] = await stageIdxFile({
        from,
        to: path.join(/*turbopackIgnore: true*/ dir, CANONICAL_NAMES[role]),
        kind: role.endsWith('Images') ? 'images' : 'labels',
        source: sourceName(input.files[role], role),
        maxBytes: input.maxBytes,
      })
    }
    const metadata = idxPairMetadata(staged, input.classes)
    return publishVersion({ ...input, format: 'IDX', stagedDir: dir, metadata })
  })
}

/** Checks that the four staged files form one dataset, and describes it. */
export function idxPairMetadata(
  staged: Record<IdxPairRole, IdxInspection>,
  declaredClasses?: number,
): Omit<VersionMetadata, 'format'> {
  const { trainImages, trainLabels, testImages, testLabels } = staged
  checkCount(trainImages, trainLabels, CANONICAL_NAMES.trainLabels)
  checkCount(testImages, testLabels, CANONICAL_NAMES.testLabels)
  if (trainImages.shape.join('x') !== testImages.shape.join('x')) {
    throw new DatasetFormatError('idx_shape_mismatch',
      `The training images are ${trainImages.shape.join('×')} but the test images are ` +
      `${testImages.shape.join('×')}; a model can only be tested on images of the size ` +
      'it was trained on.', { source: CANONICAL_NAMES.testImages })
  }

  const largest = trainLabels.histogram.findLastIndex((count) => count > 0)
  const classes = declaredClasses ?? largest + 1
  checkLabels(trainLabels, classes, 'the training labels')
  checkLabels(testLabels, classes, 'the test labels')

  return {
    train: { samples: trainImages.count },
    test: { samples: testImages.count },
    classes,
    shape: trainImages.shape,
    classBalance: {
      train: trainLabels.histogram.slice(0, classes),
      test: testLabels.histogram.slice(0, classes),
    },
    files: ROLES.map((role) => ({
      name: CANONICAL_NAMES[role],
      sha256: staged[role].sha256,
      sizeBytes: staged[role].sizeBytes,
    })),
  }
}

function checkCount(images: IdxInspection, labels: IdxInspection, labelsName: string): void {
  if (images.count === labels.count) return
  throw new DatasetFormatError('idx_count_mismatch',
    `The images file holds ${images.count} images but ${labelsName} holds ${labels.count} ` +
    'labels; every image needs exactly one label. Check that the two files belong together.',
  { source: labelsName })
}

function checkLabels(labels: IdxInspection, classes: number, what: string): void {
  const bad = labels.histogram.findIndex((count, label) => count > 0 && label >= classes)
  if (bad < 0) return
  const subject = `${what[0].toUpperCase()}${what.slice(1)}`
  throw new DatasetFormatError('idx_label_out_of_range',
    `${subject} include label ${bad}, which is not among the classes 0–${classes - 1}. ` +
    'Check that the labels belong to this dataset.', { source: what })
}

/**
 * Moves a staged version (four canonical files in `stagedDir`) into storage and records
 * it. The version row is inserted before the files are copied, inside one transaction,
 * so two uploads can never claim the same version number or overwrite each other's
 * files; on PGlite that transaction holds the database for the copy (under a second for
 * MNIST).
 */
export async function publishVersion(input: NewVersionInput & {
  format: DatasetFormat
  stagedDir: string
  metadata: Omit<VersionMetadata, 'format'>
}) {
  const metadata: VersionMetadata = { format: input.format, ...input.metadata }
  const sizeBytes = metadata.files.reduce((sum, file) => sum + file.sizeBytes, 0)
  let storedPrefix: string | undefined

  try {
    const created = await db().$transaction(async (tx) => {
      const dataset = input.datasetId
        ? await tx.dataset.findUnique({ where: { id: input.datasetId } })
        : await tx.dataset.create({ data: newDatasetData(input) })
      if (!dataset) throw new AppError('not_found', 'The dataset was not found.')
      if (dataset.format !== input.format) {
        throw new AppError('conflict', `"${dataset.name}" holds ${dataset.format} versions; ` +
          `upload ${dataset.format} files, or create a new dataset for ${input.format} data.`)
      }

      const last = await tx.datasetVersion.aggregate({
        where: { datasetId: dataset.id }, _max: { version: true },
      })
      const number = (last._max.version ?? 0) + 1
      const prefix = `datasets/${dataset.id}/v${number}/`
      const version = await tx.datasetVersion.create({
        data: {
          datasetId: dataset.id,
          version: number,
          storageKey: prefix,
          sha256: manifestSha256(metadata.files),
          sizeBytes: BigInt(sizeBytes),
          metadata: metadata as unknown as Prisma.InputJsonObject,
          createdById: input.createdById,
        },
      })

      storedPrefix = prefix
      for (const file of metadata.files) {
        const staged = path.join(/*turbopackIgnore: true*/ input.stagedDir, file.name)
        const stream = createReadStream(staged)
        await storage().put(prefix + file.name, stream)
      }
      return { dataset, version }
    }, { timeout: 10 * 60_000, maxWait: 60_000 })
    await recordAudit({ actorId: input.createdById, action: 'dataset.upload',
      outcome: 'success', resourceType: 'dataset_version', resourceId: created.version.id,
      datasetId: created.dataset.id, projectId: created.dataset.projectId,
      details: { format: input.format, version: created.version.version,
        sha256: created.version.sha256 } })
    if (created.dataset.projectId) {
      await recordActivity(created.dataset.projectId, input.createdById, 'dataset.uploaded',
        { name: created.dataset.name, version: created.version.version })
    }
    return created
  } catch (error) {
    if (storedPrefix) await storage().delete(storedPrefix).catch(() => undefined)
    throw uniqueNameConflict(error, input.name) ?? error
  }
}

function newDatasetData(input: NewVersionInput & { format: DatasetFormat }) {
  const { card } = input
  return {
    projectId: input.projectId,
    organizationId: input.organizationId,
    createdById: input.createdById,
    name: input.name,
    format: input.format,
    description: card?.description ?? '',
    source: card?.source ?? '',
    licence: card?.licence ?? '',
    sensitivity: card?.sensitivity ?? 'INTERNAL',
    intendedUse: card?.intendedUse ?? '',
    terms: card?.terms ?? '',
    projectLevel: card?.projectLevel ?? 'DOWNLOAD',
  }
}

function uniqueNameConflict(error: unknown, name: string): AppError | undefined {
  if ((error as { code?: string }).code !== 'P2002') return undefined
  return new AppError('conflict', `The project already has a dataset named "${name}". ` +
    'Choose another name, or upload a new version of that dataset.')
}

/** A file on disk as is; a stream written to `target` first. */
async function materialize(source: IdxFileSource, target: string): Promise<string> {
  if (typeof source === 'string') return source
  if (!(source instanceof Readable)) return source.path
  await pipeline(source, createWriteStream(target))
  return target
}

function sourceName(source: IdxFileSource, role: IdxPairRole): string {
  if (typeof source === 'string') return path.basename(source)
  if (!(source instanceof Readable)) return source.name
  return CANONICAL_NAMES[role]
}

/**
 * The train and test sets of a version, as ml/ trains on them, read through storage().
 * The stored bytes are checked against the version's checksums first, so a run's
 * recorded dataset checksum is what it really trained on.
 */
export async function loadDatasetVersionForTraining(
  datasetVersionId: string,
): Promise<TrainTestSets & { sha256: string; metadata: VersionMetadata }> {
  const version = await db().datasetVersion.findUnique({ where: { id: datasetVersionId } })
  if (!version) throw new AppError('not_found', 'The dataset version was not found.')
  const metadata = version.metadata as unknown as VersionMetadata

  const contents = {} as Record<IdxPairRole, { bytes: Uint8Array; name: string }>
  for (const role of ROLES) {
    const file = metadata.files.find((entry) => entry.name === CANONICAL_NAMES[role])
    const bytes = await storage().read(version.storageKey + CANONICAL_NAMES[role])
    const actual = createHash('sha256').update(bytes).digest('hex')
    if (!file || actual !== file.sha256) {
      logger.error({ datasetVersionId, file: CANONICAL_NAMES[role] }, 'checksum mismatch')
      throw new AppError('internal_error', `The stored file ${CANONICAL_NAMES[role]} of ` +
        'this dataset version does not match its checksum; it may be damaged.')
    }
    contents[role] = { bytes, name: CANONICAL_NAMES[role] }
  }

  const colour = new DataView(contents.trainImages.bytes.buffer,
    contents.trainImages.bytes.byteOffset).getUint32(0) === IDX_COLOUR_IMAGES_MAGIC
  const sets = colour ? colourSets(contents, metadata) : parseIdxPair(contents)
  // A declared class count (e.g. 10 digits) may exceed the largest label seen.
  const numClasses = metadata.classes
  return {
    train: { ...sets.train, numClasses },
    test: { ...sets.test, numClasses },
    sha256: version.sha256,
    metadata,
  }
}

// ml/'s reader handles grey (0x0803) images only; colour versions were validated on
// upload, so their pixels are taken as they are after the 20-byte header.
function colourSets(
  contents: Record<IdxPairRole, { bytes: Uint8Array }>,
  metadata: VersionMetadata,
): TrainTestSets {
  const build = (images: Uint8Array, labels: Uint8Array, count: number): ImageDataset => ({
    images: images.subarray(20),
    labels: labels.subarray(8),
    count,
    shape: metadata.shape,
    numClasses: metadata.classes,
  })
  return {
    train: build(contents.trainImages.bytes, contents.trainLabels.bytes, metadata.train.samples),
    test: build(contents.testImages.bytes, contents.testLabels.bytes, metadata.test.samples),
  }
}
