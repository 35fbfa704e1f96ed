import { NextResponse } from 'next/server'
import { z } from 'zod'
import { createApiToken, listApiTokens } from '@/lib/auth/api-tokens'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'

const createTokenSchema = z.object({
  name: z.string().trim().min(1, 'Give the token a name.').max(100),
  expiresInDays: z.number().int().min(1).max(366).optional(),
})

export const GET = route(async (request) => {
  const user = await requireApiUser(request)
  return NextResponse.json({ tokens: await listApiTokens(user.id) })
})

/** Creates a personal API token; the response is the only time the token is shown. */
export const POST = route(async (request) => {
  const user = await requireApiUser(request)
  const input = await readJson(request, createTokenSchema)
  const expiresAt = input.expiresInDays
    ? new Date(Date.now() + input.expiresInDays * 24 * 3600 * 1000)
    : undefined

  const { token, record } = await createApiToken(user.id, input.name, expiresAt)
  return NextResponse.json(
    { token, id: record.id, name: record.name, expiresAt: record.expiresAt },
    { status: 201 },
  )
})
