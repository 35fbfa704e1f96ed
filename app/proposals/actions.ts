'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/session'
import { formObject, runFormAction, type FormState } from '@/lib/projects/form-state'
import {
  acceptProposal, commentOnProposal, screenProposal, withdrawProposal,
} from '@/lib/proposals/proposals'

async function act(proposalId: string, work: (user: { id: string; name: string })
  => Promise<unknown>) {
  const user = await requirePageUser(`/proposals/${proposalId}`)
  const state = await runFormAction(() => work(user))
  if (state?.ok) revalidatePath(`/proposals/${proposalId}`)
  return state
}

export async function screenAction(proposalId: string, _state: FormState, form: FormData) {
  return act(proposalId, (user) => screenProposal(user, proposalId, formObject(form)))
}

export async function commentAction(proposalId: string, _state: FormState, form: FormData) {
  return act(proposalId, (user) => commentOnProposal(user, proposalId, formObject(form)))
}

export async function withdrawAction(proposalId: string, _state: FormState) {
  return act(proposalId, (user) => withdrawProposal(user, proposalId))
}

export async function acceptAction(proposalId: string, _state: FormState) {
  const user = await requirePageUser(`/proposals/${proposalId}`)
  let projectId = ''
  const state = await runFormAction(async () => {
    projectId = (await acceptProposal(user, proposalId)).id
  })
  if (state?.ok) redirect(`/projects/${projectId}`)
  return state
}
