/** The closed set of reasons an uploaded dataset file can be refused. */
export const datasetFormatErrorCodes = [
  'idx_bad_magic',
  'idx_truncated',
  'idx_trailing_bytes',
  'idx_count_mismatch',
  'idx_label_out_of_range',
  'idx_empty',
  'idx_bad_gzip',
  'idx_too_large',
  'idx_file_missing',
  'idx_files_ambiguous',
  'idx_shape_mismatch',
] as const;

export type DatasetFormatErrorCode = (typeof datasetFormatErrorCodes)[number];

/**
 * A dataset file that cannot be read as what it claims to be. `code` is stable and meant
 * for programs (API responses, tests); `message` is a sentence for the person who uploaded
 * the file, saying what is wrong and what to do.
 */
export class DatasetFormatError extends Error {
  readonly code: DatasetFormatErrorCode;
  /** The file name the problem was found in, when there is one. */
  readonly source: string | undefined;

  constructor(
    code: DatasetFormatErrorCode,
    message: string,
    options: { source?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DatasetFormatError';
    this.code = code;
    this.source = options.source;
  }
}

export function isDatasetFormatError(error: unknown): error is DatasetFormatError {
  return error instanceof DatasetFormatError;
}
