'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/session'
import { createNeed, setNeedStatus, updateNeed } from '@/lib/needs/needs'
import { formObject, runFormAction, type FormState } from '@/lib/projects/form-state'
import { submitProposal } from '@/lib/proposals/proposals'

const LISTS = ['invitedOrganizationIds']

export async function createNeedAction(_state: FormState, form: FormData) {
  const user = await requirePageUser('/needs/new')
  let needId = ''
  const state = await runFormAction(async () => {
    needId = (await createNeed(user, formObject(form, LISTS))).id
  })
  if (state?.ok) redirect(`/needs/${needId}`)
  return state
}

export async function updateNeedAction(needId: string, _state: FormState, form: FormData) {
  const user = await requirePageUser(`/needs/${needId}/edit`)
  const state = await runFormAction(() => updateNeed(user, needId, formObject(form, LISTS)))
  if (state?.ok) redirect(`/needs/${needId}`)
  return state
}

export async function needStatusAction(needId: string, status: string, _state: FormState) {
  const user = await requirePageUser(`/needs/${needId}`)
  const state = await runFormAction(() => setNeedStatus(user, needId, status))
  if (state?.ok) revalidatePath(`/needs/${needId}`)
  return state
}

export async function submitProposalAction(needId: string, _state: FormState, form: FormData) {
  const user = await requirePageUser(`/needs/${needId}`)
  let proposalId = ''
  const state = await runFormAction(async () => {
    proposalId = (await submitProposal(user, needId, formObject(form))).id
  })
  if (state?.ok) redirect(`/proposals/${proposalId}`)
  return state
}
