import { z } from 'zod'
import {
  choice, endNotBeforeStart, optionalDate, optionalId, optionalText, requiredDate, requiredId,
  requiredText, VALIDATION,
} from './validation'

export const PROJECT_STATUSES = ['PROPOSED', 'ACTIVE', 'COMPLETED', 'ARCHIVED'] as const
export const PROJECT_ROLES = ['OWNER', 'MANAGER', 'RESEARCHER', 'VIEWER'] as const
export const MILESTONE_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const
export const RESOURCE_KINDS = ['DATA', 'COMPUTE', 'LAB', 'FUNDING', 'PEOPLE'] as const

export const projectSchema = z.object({
  title: requiredText(200),
  summary: optionalText(2000),
  objectives: optionalText(),
  plan: optionalText(),
  status: choice(PROJECT_STATUSES).default('ACTIVE'),
  startDate: optionalDate(),
  endDate: optionalDate(),
  organizationId: requiredId(),
}).superRefine(endNotBeforeStart)

export const projectUpdateSchema = z.object({
  title: requiredText(200).optional(),
  summary: optionalText(2000).optional(),
  objectives: optionalText().optional(),
  plan: optionalText().optional(),
  status: choice(PROJECT_STATUSES).optional(),
  startDate: optionalDate(),
  endDate: optionalDate(),
}).superRefine(endNotBeforeStart)

export const invitationSchema = z.object({
  email: z.string({ error: VALIDATION.required }).trim().toLowerCase()
    .pipe(z.email(VALIDATION.invalidEmail)),
  role: choice(PROJECT_ROLES),
  organizationId: requiredId(),
  expiresAt: optionalDate(),
}).superRefine((value, context) => {
  if (value.expiresAt && value.expiresAt <= new Date()) {
    context.addIssue({ code: 'custom', path: ['expiresAt'], message: VALIDATION.expiryInPast })
  }
})

export const milestoneSchema = z.object({
  title: requiredText(200),
  description: optionalText(5000),
  dueDate: requiredDate(),
  status: choice(MILESTONE_STATUSES).default('PLANNED'),
  deliverable: optionalText(2000),
  deliverableRunId: optionalId(),
  deliverableDatasetVersionId: optionalId(),
})

export const milestoneUpdateSchema = z.object({
  title: requiredText(200).optional(),
  description: optionalText(5000).optional(),
  dueDate: requiredDate().optional(),
  status: choice(MILESTONE_STATUSES).optional(),
  deliverable: optionalText(2000).optional(),
  deliverableRunId: optionalId(),
  deliverableDatasetVersionId: optionalId(),
})

export const workPackageSchema = z.object({
  title: requiredText(200),
  description: optionalText(5000),
  responsibleOrganizationId: requiredId(),
  responsibleUserId: optionalId(),
  startDate: optionalDate(),
  endDate: optionalDate(),
}).superRefine(endNotBeforeStart)

export const commitmentSchema = z.object({
  organizationId: requiredId(),
  kind: choice(RESOURCE_KINDS),
  description: requiredText(1000),
  amount: z.preprocess(
    (value) => (value === '' || value == null ? undefined : Number(value)),
    z.number({ error: VALIDATION.invalidNumber }).min(0, VALIDATION.outOfRange).optional(),
  ),
  unit: optionalText(40),
})

export type ProjectInput = z.input<typeof projectSchema>
export type InvitationInput = z.input<typeof invitationSchema>
export type MilestoneInput = z.input<typeof milestoneSchema>
export type WorkPackageInput = z.input<typeof workPackageSchema>
export type CommitmentInput = z.input<typeof commitmentSchema>
