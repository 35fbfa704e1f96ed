'use server'

import { revalidatePath } from 'next/cache'
import { requirePageUser } from '@/lib/auth/session'
import { createMilestone, updateMilestone } from '@/lib/milestones/milestones'
import { formObject, runFormAction, type FormState } from '@/lib/projects/form-state'
import { changeMemberRole, inviteMember, removeMember } from '@/lib/projects/members'
import { createCommitment, createWorkPackage } from '@/lib/projects/plan'
import { updateProject } from '@/lib/projects/setup'
import { createAgreement } from '@/lib/transfer/agreements'
import { createOutcome } from '@/lib/transfer/outcomes'
import { partiesFromForm } from '@/lib/transfer/schemas'

async function act(projectId: string, work: (user: Awaited<ReturnType<typeof requirePageUser>>)
  => Promise<unknown>, aliases?: Record<string, string>): Promise<FormState> {
  const user = await requirePageUser(`/projects/${projectId}`)
  const state = await runFormAction(() => work(user), aliases)
  if (state?.ok) revalidatePath(`/projects/${projectId}`, 'layout')
  return state
}

export async function updateProjectAction(projectId: string, _s: FormState, form: FormData) {
  return act(projectId, (user) => updateProject(user, projectId, formObject(form)))
}

export async function inviteAction(projectId: string, _s: FormState, form: FormData) {
  return act(projectId, (user) => inviteMember(user, projectId, formObject(form)))
}

export async function changeRoleAction(projectId: string, userId: string, _s: FormState,
  form: FormData) {
  return act(projectId, (user) => changeMemberRole(user, projectId, userId, form.get('role')))
}

export async function removeMemberAction(projectId: string, userId: string, _s: FormState) {
  return act(projectId, (user) => removeMember(user, projectId, userId))
}

export async function createMilestoneAction(projectId: string, _s: FormState, form: FormData) {
  return act(projectId, (user) => createMilestone(user, projectId, formObject(form)))
}

export async function milestoneStatusAction(projectId: string, milestoneId: string,
  _s: FormState, form: FormData) {
  return act(projectId, (user) => updateMilestone(user, milestoneId, formObject(form)))
}

export async function createWorkPackageAction(projectId: string, _s: FormState, form: FormData) {
  return act(projectId, (user) => createWorkPackage(user, projectId, formObject(form)))
}

export async function createCommitmentAction(projectId: string, _s: FormState, form: FormData) {
  return act(projectId, (user) => createCommitment(user, projectId, formObject(form)))
}

export async function createOutcomeAction(projectId: string, _s: FormState, form: FormData) {
  const input = formObject(form, ['contributorIds', 'runIds', 'datasetVersionIds'])
  return act(projectId, (user) => createOutcome(user, projectId, input))
}

export async function createAgreementAction(projectId: string, _s: FormState, form: FormData) {
  const input = formObject(form)
  return act(projectId, (user) => createAgreement(user, projectId,
    { ...input, parties: partiesFromForm(input) }), { parties: 'partyAId' })
}
