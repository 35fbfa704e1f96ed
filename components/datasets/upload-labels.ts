import { getTranslations } from 'next-intl/server'
import { uploadErrorCodes } from '@/lib/datasets/format-errors'
import { datasetFormatErrorCodes } from '@/ml/datasets/dataset-format-error'
import type { UploadFormLabels } from './upload-form'

const KEYS = ['format', 'formatIdx', 'formatCsv', 'formatZip', 'name', 'description', 'source',
  'licence', 'sensitivity', 'intendedUse', 'projectLevel', 'terms', 'trainImages',
  'trainLabels', 'testImages', 'testLabels', 'idxHint', 'csvTrain', 'csvTest', 'labelColumn',
  'testFraction', 'seed', 'archive', 'imageSize', 'colour', 'grey', 'rgb', 'zipHint', 'csvHint',
  'submit', 'uploading', 'processing', 'failed', 'classes'] as const

// Every `error.reason` of a refused upload, and invalid_fields for a form error.
const UPLOAD_REASONS = [...datasetFormatErrorCodes, ...uploadErrorCodes, 'invalid_fields']

/** The upload form's translated labels, built on the server. */
export async function uploadFormLabels(limitMb: number) {
  const t = await getTranslations('datasets')
  const labels = Object.fromEntries(KEYS.map((key) => [key, t(`upload.${key}`)])) as
    UploadFormLabels
  labels.limit = t('upload.limit', { mb: limitMb })
  const levels = Object.fromEntries(['METADATA', 'TRAIN', 'DOWNLOAD']
    .map((level) => [level, t(`levels.${level}`)]))
  const sensitivities = Object.fromEntries(['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED']
    .map((value) => [value, t(`sensitivity.${value}`)]))
  const reasons = Object.fromEntries(UPLOAD_REASONS.map((code) =>
    [code, t(`uploadReasons.${code}`)]))
  return { labels, levels, sensitivities, reasons }
}
