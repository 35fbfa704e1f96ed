import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { declineInvitation } from '@/lib/projects/members'

type Context = { params: Promise<{ token: string }> }

/** Only the invitee (by e-mail address) can decline; expired invitations are gone (410). */
export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { token } = await context.params
  const invitation = await declineInvitation(user, token)
  return NextResponse.json({ projectId: invitation.projectId })
})
