'use server'

import { redirect } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/session'
import { formObject, runFormAction, type FormState } from '@/lib/projects/form-state'
import { createProject } from '@/lib/projects/setup'

export async function createProjectAction(_state: FormState, form: FormData) {
  const user = await requirePageUser('/projects/new')
  let projectId = ''
  const state = await runFormAction(async () => {
    projectId = (await createProject(user, formObject(form))).id
  })
  if (state?.ok) redirect(`/projects/${projectId}`)
  return state
}
