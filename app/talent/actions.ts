'use server'

import { revalidatePath } from 'next/cache'
import { requirePageUser } from '@/lib/auth/session'
import { formObject, runFormAction, type FormState } from '@/lib/projects/form-state'
import { createInternship, createProgram } from '@/lib/talent/talent'

export async function createInternshipAction(_state: FormState, form: FormData) {
  const user = await requirePageUser('/talent')
  const state = await runFormAction(() => createInternship(user, formObject(form)))
  if (state?.ok) revalidatePath('/talent')
  return state
}

export async function createProgramAction(_state: FormState, form: FormData) {
  const user = await requirePageUser('/talent')
  const state = await runFormAction(() => createProgram(user,
    formObject(form, ['organizationIds', 'projectIds'])))
  if (state?.ok) revalidatePath('/talent')
  return state
}
