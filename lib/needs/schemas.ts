import { z } from 'zod'
import {
  choice, optionalDate, optionalInt, optionalText, requiredId, requiredText, stringList,
  VALIDATION,
} from '@/lib/projects/validation'

export const NEED_STATUSES = ['DRAFT', 'PUBLISHED', 'CLOSED'] as const
export const NEED_VISIBILITIES = ['PUBLIC', 'INVITED'] as const

const needFields = {
  title: requiredText(200),
  problem: requiredText(10_000),
  goals: optionalText(),
  desiredOutcome: optionalText(),
  constraints: optionalText(),
  dataAvailable: optionalText(),
  budgetMin: optionalInt(0, 1_000_000_000),
  budgetMax: optionalInt(0, 1_000_000_000),
  currency: z.preprocess((value) => value || 'EUR',
    z.string().trim().regex(/^[A-Z]{3}$/, VALIDATION.invalidChoice)),
  deadline: optionalDate(),
  tags: stringList(),
  visibility: choice(NEED_VISIBILITIES).default('PUBLIC'),
  invitedOrganizationIds: z.preprocess(
    (value) => (typeof value === 'string' ? (value ? [value] : []) : value ?? []),
    z.array(z.string().max(64)).max(50),
  ),
}

type Budget = { budgetMin?: number | null; budgetMax?: number | null; deadline?: Date | null }

function checkNeed(value: Budget, context: z.RefinementCtx) {
  if (value.budgetMin != null && value.budgetMax != null && value.budgetMax < value.budgetMin) {
    context.addIssue({ code: 'custom', path: ['budgetMax'], message: VALIDATION.budgetOrder })
  }
  if (value.deadline && value.deadline < startOfToday()) {
    context.addIssue({ code: 'custom', path: ['deadline'], message: VALIDATION.dateInPast })
  }
}

function startOfToday(): Date {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

export const needSchema = z.object({
  ...needFields,
  organizationId: requiredId(),
  status: choice(['DRAFT', 'PUBLISHED'] as const).default('DRAFT'),
})
  .superRefine(checkNeed)

export const needUpdateSchema = z.object(needFields).partial().superRefine(checkNeed)

export const needFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(60).optional(),
  organizationId: z.string().max(64).optional(),
  status: z.enum(NEED_STATUSES).optional(),
  deadlineBefore: optionalDate(),
})

export type NeedInput = z.input<typeof needSchema>
export type NeedFilter = z.infer<typeof needFilterSchema>
