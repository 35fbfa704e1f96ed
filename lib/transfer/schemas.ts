import { z } from 'zod'
import {
  choice, endNotBeforeStart, optionalDate, optionalId, optionalText, requiredInt, requiredText,
  VALIDATION,
} from '@/lib/projects/validation'

export const OUTCOME_KINDS = ['MODEL', 'METHOD', 'DATASET', 'SOFTWARE', 'INVENTION'] as const
export const AGREEMENT_KINDS = ['EXCLUSIVE_LICENCE', 'NON_EXCLUSIVE_LICENCE', 'ASSIGNMENT',
  'CO_DEVELOPMENT', 'NDA', 'MATERIAL_TRANSFER', 'DATA_TRANSFER'] as const
export const AGREEMENT_STATUSES =
  ['DRAFT', 'NEGOTIATION', 'SIGNED', 'ACTIVE', 'EXPIRED', 'TERMINATED'] as const

const idList = z.preprocess(
  (value) => (typeof value === 'string' ? (value ? [value] : []) : value ?? []),
  z.array(z.string().min(1).max(64)).max(100),
)

export const outcomeSchema = z.object({
  kind: choice(OUTCOME_KINDS),
  title: requiredText(200),
  description: optionalText(),
  contributorIds: idList,
  runIds: idList,
  datasetVersionIds: idList,
})

export const evaluationSchema = z.object({
  readinessLevel: requiredInt(1, 9),
  notes: optionalText(),
  evaluatedAt: optionalDate(),
})

const partySchema = z.object({
  organizationId: z.string({ error: VALIDATION.required }).min(1, VALIDATION.required).max(64),
  role: z.string().trim().max(60).default('party'),
})

export const agreementSchema = z.object({
  kind: choice(AGREEMENT_KINDS),
  title: requiredText(200),
  outcomeId: optionalId(),
  fieldOfUse: optionalText(2000),
  territory: optionalText(500),
  termsSummary: optionalText(),
  fees: optionalText(500),
  royalty: optionalText(500),
  status: choice(AGREEMENT_STATUSES).default('DRAFT'),
  effectiveDate: optionalDate(),
  signedDate: optionalDate(),
  endDate: optionalDate(),
  parties: z.array(partySchema).min(1, VALIDATION.required).max(20),
}).superRefine((value, context) => {
  endNotBeforeStart({ startDate: value.effectiveDate, endDate: value.endDate }, context)
  const live = !['EXPIRED', 'TERMINATED'].includes(value.status)
  if (live && value.endDate && value.endDate <= new Date()) {
    context.addIssue({ code: 'custom', path: ['endDate'], message: VALIDATION.expiryInPast })
  }
})

export const agreementStatusSchema = z.object({
  status: choice(AGREEMENT_STATUSES),
  signedDate: optionalDate(),
})

/** The agreement form sends two parties as flat fields; the API sends `parties`. */
export function partiesFromForm(form: Record<string, unknown>) {
  const parties = []
  for (const side of ['A', 'B']) {
    const organizationId = form[`party${side}Id`]
    if (typeof organizationId === 'string' && organizationId !== '') {
      parties.push({ organizationId, role: String(form[`party${side}Role`] ?? '') || 'party' })
    }
  }
  return parties
}
