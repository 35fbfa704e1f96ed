import { z } from 'zod'
import {
  choice, endNotBeforeStart, optionalDate, optionalId, requiredDate, requiredId, requiredText,
  optionalText, VALIDATION,
} from '@/lib/projects/validation'

const list = z.preprocess(
  (value) => typeof value === 'string'
    ? value.split(',').map((item) => item.trim()).filter(Boolean)
    : value ?? [],
  z.array(z.string().min(1).max(200)).max(50),
)

export const internshipSchema = z.object({
  title: requiredText(200),
  studentEmail: z.string({ error: VALIDATION.required }).trim().toLowerCase()
    .pipe(z.email(VALIDATION.invalidEmail)),
  hostOrganizationId: requiredId(),
  projectId: optionalId(),
  supervisorEmails: list,
  startDate: requiredDate(),
  endDate: requiredDate(),
}).superRefine(endNotBeforeStart)

export const programSchema = z.object({
  kind: choice(['COURSE', 'LAB'] as const),
  title: requiredText(200),
  description: optionalText(),
  organizationIds: z.preprocess(
    (value) => (typeof value === 'string' ? (value ? [value] : []) : value ?? []),
    z.array(z.string().max(64)).min(1, VALIDATION.required).max(20),
  ),
  peopleEmails: list,
  projectIds: z.preprocess(
    (value) => (typeof value === 'string' ? (value ? [value] : []) : value ?? []),
    z.array(z.string().max(64)).max(20),
  ),
  startDate: requiredDate(),
  endDate: optionalDate(),
}).superRefine(endNotBeforeStart)
