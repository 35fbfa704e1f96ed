import { recordAudit } from '@/lib/audit/record'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { notify } from '@/lib/notifications/notify'
import type { GrantInput } from './schemas'

const link = (datasetId: string) => `/datasets/${datasetId}`

export function listGrants(datasetId: string) {
  return db().accessGrant.findMany({
    where: { datasetId },
    orderBy: { createdAt: 'desc' },
    include: {
      granteeOrganization: { select: { id: true, name: true } },
      granteeProject: { select: { id: true, title: true } },
    },
  })
}

/** The people a grant reaches: the user, the organization's members, the project's. */
async function granteeUserIds(grant: { granteeUserId: string | null
  granteeOrganizationId: string | null; granteeProjectId: string | null }) {
  if (grant.granteeUserId) return [grant.granteeUserId]
  if (grant.granteeOrganizationId) {
    const members = await db().organizationMembership.findMany({
      where: { organizationId: grant.granteeOrganizationId }, select: { userId: true } })
    return members.map((m) => m.userId)
  }
  const members = await db().projectMember.findMany({
    where: { projectId: grant.granteeProjectId ?? '' }, select: { userId: true } })
  return members.map((m) => m.userId)
}

async function resolveGrantee(input: GrantInput) {
  if (input.granteeEmail) {
    const user = await db().user.findUnique({ where: { email: input.granteeEmail.toLowerCase() } })
    if (!user) throw granteeMissing('granteeEmail', 'No user has this email address.')
    return { granteeUserId: user.id }
  }
  if (input.granteeUserId) {
    const found = await db().user.count({ where: { id: input.granteeUserId } })
    if (!found) throw granteeMissing('granteeUserId', 'No user has this id.')
    return { granteeUserId: input.granteeUserId }
  }
  if (input.granteeOrganizationId) {
    const found = await db().organization.count({ where: { id: input.granteeOrganizationId } })
    if (!found) throw granteeMissing('granteeOrganizationId', 'No organization has this id.')
    return { granteeOrganizationId: input.granteeOrganizationId }
  }
  const found = await db().project.count({ where: { id: input.granteeProjectId } })
  if (!found) throw granteeMissing('granteeProjectId', 'No project has this id.')
  return { granteeProjectId: input.granteeProjectId }
}

function granteeMissing(field: string, message: string) {
  return new AppError('unprocessable_entity', `The grantee was not found: ${message}`,
    { fields: { [field]: [message] } })
}

/**
 * A steward grants a level directly. The grantee must accept the terms (the dataset's
 * terms unless others are given) before the grant gives more than metadata.
 */
export async function createGrant(datasetId: string, actorId: string, input: GrantInput) {
  const dataset = await db().dataset.findUniqueOrThrow({ where: { id: datasetId } })
  const grantee = await resolveGrantee(input)
  const grant = await db().accessGrant.create({
    data: {
      datasetId, level: input.level, purpose: input.purpose, ...grantee,
      terms: input.terms ?? dataset.terms, expiresAt: input.expiresAt, grantedById: actorId,
    },
  })
  await recordAudit({ actorId, action: 'grant.create', outcome: 'success',
    resourceType: 'grant', resourceId: grant.id, datasetId, projectId: dataset.projectId,
    details: { level: grant.level, ...grantee, purpose: grant.purpose,
      expiresAt: grant.expiresAt?.toISOString() ?? null } })
  await notify(await granteeUserIds(grant), 'access.granted',
    { dataset: dataset.name, level: grant.level }, link(datasetId))
  return grant
}

/** A grantee accepts the terms of a grant made to them, their organization or project. */
export async function acceptGrant(datasetId: string, grantId: string, userId: string) {
  const grant = await db().accessGrant.findFirst({ where: { id: grantId, datasetId } })
  if (!grant || !(await granteeUserIds(grant)).includes(userId)) {
    throw new AppError('not_found', 'The grant was not found among your grants.')
  }
  if (grant.revokedAt) throw new AppError('gone', 'This grant was revoked.')
  if (grant.termsAcceptedAt) return grant

  const accepted = await db().accessGrant.update({ where: { id: grantId },
    data: { termsAcceptedAt: new Date(), termsAcceptedById: userId } })
  const dataset = await db().dataset.findUniqueOrThrow({ where: { id: datasetId } })
  await recordAudit({ actorId: userId, action: 'grant.accept_terms', outcome: 'success',
    resourceType: 'grant', resourceId: grantId, datasetId, projectId: dataset.projectId })
  return accepted
}

/** A steward revokes a grant; it stops working at once, everywhere. */
export async function revokeGrant(datasetId: string, grantId: string, actorId: string,
  reason?: string) {
  const grant = await db().accessGrant.findFirst({ where: { id: grantId, datasetId } })
  if (!grant) throw new AppError('not_found', 'The grant was not found.')
  if (grant.revokedAt) throw new AppError('conflict', 'This grant is already revoked.')

  const revoked = await db().accessGrant.update({ where: { id: grantId },
    data: { revokedAt: new Date(), revokedById: actorId, revokeReason: reason ?? null } })
  const dataset = await db().dataset.findUniqueOrThrow({ where: { id: datasetId } })
  await recordAudit({ actorId, action: 'grant.revoke', outcome: 'success',
    resourceType: 'grant', resourceId: grantId, datasetId, projectId: dataset.projectId,
    reason, details: { level: grant.level } })
  await notify(await granteeUserIds(grant), 'access.revoked',
    { dataset: dataset.name, level: grant.level, reason: reason ?? '' }, link(datasetId))
  return revoked
}

/** Grants that reach a user, for the dataset page's "your access" panel. */
export async function grantsReachingUser(datasetId: string, userId: string) {
  const [orgs, projects] = await Promise.all([
    db().organizationMembership.findMany({ where: { userId }, select: { organizationId: true } }),
    db().projectMember.findMany({ where: { userId }, select: { projectId: true } }),
  ])
  return db().accessGrant.findMany({
    where: { datasetId, OR: [
      { granteeUserId: userId },
      { granteeOrganizationId: { in: orgs.map((o) => o.organizationId) } },
      { granteeProjectId: { in: projects.map((p) => p.projectId) } },
    ] },
    orderBy: { createdAt: 'desc' },
  })
}
