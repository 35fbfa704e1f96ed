import { NextResponse } from 'next/server'
import { revokeApiToken } from '@/lib/auth/api-tokens'
import { requireApiUser } from '@/lib/auth/session'
import { notFound } from '@/lib/errors'
import { route } from '@/lib/http/respond'

export const DELETE = route<RouteContext<'/api/tokens/[tokenId]'>>(async (request, context) => {
  const user = await requireApiUser(request)
  const { tokenId } = await context.params

  if (!(await revokeApiToken(user.id, tokenId))) throw notFound('The API token')
  return new NextResponse(null, { status: 204 })
})
