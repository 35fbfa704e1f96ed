'use server'

import { redirect } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/session'
import { runFormAction, type FormState } from '@/lib/projects/form-state'
import { acceptInvitation, declineInvitation } from '@/lib/projects/members'

export async function acceptInvitationAction(token: string, _state: FormState) {
  const user = await requirePageUser(`/projects/invitations/${token}`)
  let projectId = ''
  const state = await runFormAction(async () => {
    projectId = (await acceptInvitation(user, token)).projectId
  })
  if (state?.ok) redirect(`/projects/${projectId}`)
  return state
}

export async function declineInvitationAction(token: string, _state: FormState) {
  const user = await requirePageUser(`/projects/invitations/${token}`)
  const state = await runFormAction(() => declineInvitation(user, token))
  if (state?.ok) redirect('/notifications')
  return state
}
