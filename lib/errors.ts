import { z } from 'zod'

// The closed list of error codes of the API. A code is stable once shipped;
// the message is for people and may change.
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable_entity: 422,
  invalid_dataset: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export type FieldErrors = Record<string, string[]>

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { fields?: FieldErrors; reason?: string; [key: string]: unknown },
  ) {
    super(message)
    this.name = 'AppError'
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`)

export const forbidden = (message: string, reason?: string) =>
  new AppError('forbidden', message, reason ? { reason } : undefined)

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_'
    ;(fields[key] ??= []).push(issue.message)
  }
  return fields
}

export function fromZod(error: z.ZodError): AppError {
  const fields = fieldErrors(error)
  const summary = Object.entries(fields)
    .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
    .join('; ')
  return new AppError('unprocessable_entity', `Some fields are not valid: ${summary}`, {
    fields,
  })
}
