import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { requireOnProject } from '@/lib/access/projects'
import { inviteMember, listProjectInvitations } from '@/lib/projects/members'

type Context = { params: Promise<{ projectId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  await requireOnProject(user.id, projectId, 'view')
  await requireOnProject(user.id, projectId, 'manage_members')
  const invitations = await listProjectInvitations(projectId)
  return NextResponse.json({ invitations: invitations.map(({ token: _token, ...rest }) => rest) })
})

/** Invites by e-mail: { email, role, organizationId, expiresAt? }. */
export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  const invitation = await inviteMember(user, projectId, input)
  return NextResponse.json({ invitation }, { status: 201 })
})
