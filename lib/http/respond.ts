import { NextResponse } from 'next/server'
import { z } from 'zod'
import { AppError, fromZod } from '@/lib/errors'
import { logger } from '@/lib/logging'

export type ErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string[]>; reason?: string }
}

/** Every API error leaves through here, in one shape: { error: { code, message } }. */
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  const appError = toAppError(error)
  const { fields, reason } = appError.details ?? {}
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } }
  if (fields) body.error.fields = fields
  if (reason) body.error.reason = reason
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

/** Wraps a route handler so that anything it throws becomes the standard error body. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context)
    } catch (error) {
      return errorResponse(error)
    }
  }
}

/** Reads and validates a JSON body. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T) {
  const text = await request.text()
  const value = text.trim() === '' ? {} : JSON.parse(text)
  return schema.parse(value) as z.infer<T>
}
