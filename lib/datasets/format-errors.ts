import { AppError } from '@/lib/errors'
import { isDatasetFormatError } from '@/ml/datasets/dataset-format-error'

// Reasons an upload is refused beyond ml/'s IDX codes; stable, sent as `error.reason`.
export const uploadErrorCodes = [
  'upload_empty',
  'upload_too_large',
  'upload_missing_file',
  'upload_unknown_format',
  'csv_empty',
  'csv_invalid',
  'csv_one_class',
  'csv_ragged',
  'csv_non_numeric',
  'csv_label_column_missing',
  'csv_label_out_of_range',
  'zip_invalid',
  'zip_unsafe_path',
  'zip_too_large_unpacked',
  'zip_not_image',
  'zip_one_class',
  'zip_empty',
  'zip_layout',
] as const

export type UploadErrorCode = (typeof uploadErrorCodes)[number]

/** A file that is not what its upload form said it is; the message says what to fix. */
export class UploadFormatError extends Error {
  constructor(readonly code: UploadErrorCode, message: string, readonly source?: string) {
    super(message)
    this.name = 'UploadFormatError'
  }
}

/** Any refusal of a file's contents becomes the API's 422 `invalid_dataset`. */
export function toUploadAppError(error: unknown): unknown {
  if (isDatasetFormatError(error) || error instanceof UploadFormatError) {
    const status = error.code === 'upload_too_large' || error.code === 'idx_too_large'
      ? 'payload_too_large' : 'invalid_dataset'
    return new AppError(status, error.message, { reason: error.code })
  }
  return error
}
