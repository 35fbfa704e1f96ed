import { NextResponse, type NextRequest } from 'next/server'

// An address with a NUL character (%00) in its path or query can only be a mistake or a
// probe: no id, search or name in Tandem contains one, and PostgreSQL refuses it in text.
// Refused here, before any page or route handler reads it, as a 400 (the API's error
// shape under /api).
const NUL = /%00/i

export function proxy(request: NextRequest) {
  if (!NUL.test(request.nextUrl.pathname + request.nextUrl.search)) return NextResponse.next()
  const message = 'The address contains a NUL character (%00); remove it.'
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.json({ error: { code: 'bad_request', message } }, { status: 400 })
  }
  return new NextResponse(message, { status: 400, headers: { 'content-type': 'text/plain' } })
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|icon.svg).*)'],
}
