import { dateTextSchema } from '@/lib/dates'
import { containsNul } from '@/lib/text'
import { z } from 'zod'

export const accessLevels = ['METADATA', 'TRAIN', 'DOWNLOAD'] as const
export const sensitivities = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED'] as const

/** The data card a dataset's stewards edit. */
export const datasetCardSchema = z.object({
  description: z.string().max(10_000).optional(),
  source: z.string().max(2_000).optional(),
  licence: z.string().max(500).optional(),
  sensitivity: z.enum(sensitivities).optional(),
  intendedUse: z.string().max(5_000).optional(),
})
export type DatasetCard = z.infer<typeof datasetCardSchema>

/** The access policy: the level project members get, and the terms grantees accept. */
export const datasetPolicySchema = z.object({
  projectLevel: z.enum(accessLevels).optional(),
  terms: z.string().max(20_000).optional(),
})
export type DatasetPolicy = z.infer<typeof datasetPolicySchema>

export const datasetNameSchema = z.string().trim().min(1, 'Give the dataset a name.')
  .max(120, 'Keep the name under 120 characters.')
  .refine((name) => !containsNul(name), 'Remove the NUL character from the name.')

const dateText = dateTextSchema()

const futureDate = dateText.refine((date) => date > new Date(),
  'The expiry date must be in the future.')

export const grantSchema = z.object({
  level: z.enum(accessLevels),
  granteeUserId: z.string().min(1).optional(),
  granteeEmail: z.email().optional(),
  granteeOrganizationId: z.string().min(1).optional(),
  granteeProjectId: z.string().min(1).optional(),
  purpose: z.string().trim().min(3, 'State the purpose of the access, in at least 3 characters.')
    .max(2_000),
  terms: z.string().max(20_000).optional(),
  expiresAt: futureDate.optional(),
}).refine((grant) => [grant.granteeUserId, grant.granteeEmail, grant.granteeOrganizationId,
  grant.granteeProjectId].filter(Boolean).length === 1,
{ message: 'Name exactly one grantee: a user, an organization or a project.',
  path: ['grantee'] })
export type GrantInput = z.infer<typeof grantSchema>

export const accessRequestSchema = z.object({
  level: z.enum(accessLevels),
  purpose: z.string().trim()
    .min(3, 'State what you will use the dataset for, in at least 3 characters.').max(2_000),
  acceptTerms: z.literal(true, 'You must accept the dataset\'s terms to request access.'),
})

export const approveSchema = z.object({ expiresAt: futureDate.optional() })
export const denySchema = z.object({
  reason: z.string().trim().min(3, 'Say why the request is denied.').max(2_000),
})
export const revokeSchema = z.object({
  reason: z.string().trim().max(2_000).optional(),
})

export const auditFilterSchema = z.object({
  action: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  outcome: z.enum(['allow', 'deny', 'success', 'failure']).optional(),
  from: dateText.optional(),
  to: dateText.optional(),
  format: z.enum(['json', 'csv']).optional(),
})
