import { errorResponse } from '@/lib/http/respond'
import { AppError } from '@/lib/errors'

// Any /api path that no route handles answers in the API's error shape, not with the
// HTML not-found page.
function unknownRoute(request: Request): Response {
  const { pathname } = new URL(request.url)
  return errorResponse(new AppError('not_found',
    `There is no API route ${request.method} ${pathname}; see docs/API.md for the routes.`))
}

export const GET = unknownRoute
export const POST = unknownRoute
export const PUT = unknownRoute
export const PATCH = unknownRoute
export const DELETE = unknownRoute
