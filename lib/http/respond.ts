import { NextResponse } from 'next/server'
import { z } from 'zod'
import { env } from '@/lib/env'
import { AppError, fromZod } from '@/lib/errors'
import { withRequestLocale } from '@/lib/i18n/validation-locale'
import { logger } from '@/lib/logging'
import { containsNul, NUL_MESSAGE } from '@/lib/text'

export type ErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string[]>; reason?: string;
    reasonKey?: string; reasonParams?: Record<string, string> }
}

/** Every API error leaves through here, in one shape: { error: { code, message } }. */
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  const appError = toAppError(error)
  const { fields, reason, reasonKey, reasonParams } = appError.details ?? {}
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } }
  if (fields) body.error.fields = fields
  if (reason) body.error.reason = reason
  if (typeof reasonKey === 'string') {
    body.error.reasonKey = reasonKey
    body.error.reasonParams = (reasonParams ?? {}) as Record<string, string>
  }
  return NextResponse.json(body, { status: appError.status })
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (error instanceof z.ZodError) return fromZod(error)
  if (error instanceof SyntaxError) {
    return new AppError('bad_request', `The request body is not valid JSON: ${error.message}`)
  }
  logger.error({ err: error }, 'unhandled error in route handler')
  return new AppError('internal_error', 'Something went wrong on our side; it has been logged.')
}

type Handler<C> = (request: Request, context: C) => Promise<Response>

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * A change made with the session cookie must come from Tandem's own pages: a browser
 * names the page's origin in `Origin`, and one from another site is refused (CSRF).
 * Requests with a bearer token carry no ambient credential and need no such check.
 */
function checkOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method) || request.headers.has('authorization')) return
  const origin = request.headers.get('origin')
  if (origin === null) return
  const allowed = [request.headers.get('x-forwarded-host'), request.headers.get('host'),
    new URL(request.url).host, env().PUBLIC_URL && new URL(env().PUBLIC_URL!).host]
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    host = ''
  }
  if (!allowed.includes(host)) {
    throw new AppError('forbidden', `A change from another site (${origin}) is refused; ` +
      'use Tandem\'s own pages, or an API token.', { reason: 'cross_site_request' })
  }
}

/** Wraps a route handler so that anything it throws becomes the standard error body. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      checkOrigin(request)
      return await withRequestLocale(request, () => handler(request, context))
    } catch (error) {
      return errorResponse(error)
    }
  }
}

/** The path of the first string in `value` that holds a NUL character, or null. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return containsNul(value) ? path || 'body' : null
  if (value === null || typeof value !== 'object') return null
  for (const [key, child] of Object.entries(value)) {
    const found = nulPath(child, path ? `${path}.${key}` : key)
    if (found) return found
  }
  return null
}

/**
 * Reads and validates a JSON body: sent as application/json (a form or text/plain body,
 * which a page elsewhere can send without asking, is refused), with no NUL characters,
 * which PostgreSQL cannot store in text.
 */
export async function readJson<T extends z.ZodType>(request: Request, schema: T) {
  const text = await request.text()
  const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase()
  if (text.trim() !== '' && type !== 'application/json') {
    throw new AppError('unsupported_media_type',
      `Send the request body as JSON with Content-Type: application/json (got ${type ?? 'none'}).`)
  }
  const value = text.trim() === '' ? {} : JSON.parse(text)
  const field = nulPath(value, '')
  if (field) {
    throw new AppError('unprocessable_entity',
      `Some fields are not valid: ${field}: ${NUL_MESSAGE}`, { fields: { [field]: [NUL_MESSAGE] } })
  }
  return schema.parse(value) as z.infer<T>
}
