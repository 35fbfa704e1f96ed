import { z } from 'zod'
import {
  choice, optionalInt, optionalText, requiredId, requiredInt, requiredText,
} from '@/lib/projects/validation'

export const PROPOSAL_STATUSES =
  ['SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const

export const proposalSchema = z.object({
  title: requiredText(200),
  approach: requiredText(20_000),
  team: optionalText(),
  timeline: optionalText(),
  readinessLevel: requiredInt(1, 9),
  priorWork: optionalText(),
  organizationId: requiredId(),
})

export const screeningSchema = z.object({
  status: choice(['SUBMITTED', 'SHORTLISTED', 'DECLINED'] as const).optional(),
  score: optionalInt(0, 100),
})

export const commentSchema = z.object({ body: requiredText(5000) })

export type ProposalInput = z.input<typeof proposalSchema>
