import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { changeMemberRole, removeMember } from '@/lib/projects/members'

type Context = { params: Promise<{ projectId: string; userId: string }> }

/** Changes a member's role: { role }. Never above the caller's own role. */
export const PATCH = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId, userId } = await context.params
  const input = await readJson(request, z.object({ role: z.unknown() }))
  await changeMemberRole(user, projectId, userId, input.role)
  return NextResponse.json({ ok: true })
})

export const DELETE = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId, userId } = await context.params
  await removeMember(user, projectId, userId)
  return new Response(null, { status: 204 })
})
