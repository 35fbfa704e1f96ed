import { getTranslations } from 'next-intl/server'
import type { UploadFormLabels } from './upload-form'

const KEYS = ['format', 'formatIdx', 'formatCsv', 'formatZip', 'name', 'description', 'source',
  'licence', 'sensitivity', 'intendedUse', 'projectLevel', 'terms', 'trainImages',
  'trainLabels', 'testImages', 'testLabels', 'idxHint', 'csvTrain', 'csvTest', 'labelColumn',
  'testFraction', 'seed', 'archive', 'imageSize', 'colour', 'grey', 'rgb', 'zipHint', 'csvHint',
  'submit', 'uploading', 'processing', 'failed', 'classes'] as const

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
  return { labels, levels, sensitivities }
}
