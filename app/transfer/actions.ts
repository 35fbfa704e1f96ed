'use server'

import { revalidatePath } from 'next/cache'
import { requirePageUser } from '@/lib/auth/session'
import { formObject, runFormAction, type FormState } from '@/lib/projects/form-state'
import { setAgreementStatus } from '@/lib/transfer/agreements'
import { evaluateOutcome } from '@/lib/transfer/outcomes'

export async function evaluateAction(outcomeId: string, _state: FormState, form: FormData) {
  const user = await requirePageUser(`/transfer/outcomes/${outcomeId}`)
  const state = await runFormAction(() => evaluateOutcome(user, outcomeId, formObject(form)))
  if (state?.ok) revalidatePath(`/transfer/outcomes/${outcomeId}`)
  return state
}

export async function agreementStatusAction(agreementId: string, _state: FormState,
  form: FormData) {
  const user = await requirePageUser(`/transfer/agreements/${agreementId}`)
  const state = await runFormAction(() => setAgreementStatus(user, agreementId,
    formObject(form)))
  if (state?.ok) revalidatePath(`/transfer/agreements/${agreementId}`)
  return state
}
