export type TrainingErrorCode = 'run_cancelled' | 'dataset_incompatible';

/** A run that stopped or could not start; `code` is stable, `message` is for people. */
export class TrainingError extends Error {
  readonly code: TrainingErrorCode;

  constructor(code: TrainingErrorCode, message: string) {
    super(message);
    this.name = 'TrainingError';
    this.code = code;
  }
}

export function isRunCancelled(error: unknown): boolean {
  return error instanceof TrainingError && error.code === 'run_cancelled';
}
