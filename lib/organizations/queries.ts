import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { VALIDATION } from '@/lib/projects/validation'

export function listOrganizations() {
  return db().organization.findMany({ orderBy: { name: 'asc' } })
}

export function userOrganizations(userId: string) {
  return db().organization.findMany({
    where: { members: { some: { userId } } },
    orderBy: { name: 'asc' },
  })
}

export async function userOrganizationIds(userId: string): Promise<string[]> {
  const rows = await db().organizationMembership.findMany({
    where: { userId },
    select: { organizationId: true },
  })
  return rows.map((row) => row.organizationId)
}

function unknown(field: string, message: string = VALIDATION.unknownOrganization): AppError {
  return new AppError('unprocessable_entity', `${field}: ${message}`, {
    fields: { [field]: [message] },
  })
}

/** The organization, or a field error naming `field` when it does not exist. */
export async function requireOrganization(organizationId: string, field: string) {
  const organization = await db().organization.findUnique({ where: { id: organizationId } })
  if (!organization) throw unknown(field)
  return organization
}

/** The user's own organization, or a field error: one acts only for one's own. */
export async function requireUserOrganization(userId: string, organizationId: string,
  field: string) {
  const membership = await db().organizationMembership.findUnique({
    where: { userId_organizationId: { userId, organizationId } },
    include: { organization: true },
  })
  if (!membership) throw unknown(field)
  return membership.organization
}

/** A field error for ids that do not name a partner organization of the project. */
export async function requireProjectPartner(projectId: string, organizationId: string,
  field: string) {
  const link = await db().projectOrganization.findUnique({
    where: { projectId_organizationId: { projectId, organizationId } },
  })
  if (!link) {
    const exists = await db().organization.count({ where: { id: organizationId } })
    throw unknown(field, exists ? VALIDATION.notAPartner : VALIDATION.unknownOrganization)
  }
}

export async function requireProjectMember(projectId: string, userId: string, field: string) {
  const member = await db().projectMember.count({ where: { projectId, userId } })
  if (!member) throw unknown(field, VALIDATION.notAMember)
}

/** Every organization with its number of people and of published needs, for the directory. */
export function listOrganizationDirectory() {
  return db().organization.findMany({
    orderBy: { name: 'asc' },
    include: { _count: { select: {
      members: true,
      needs: { where: { status: 'PUBLISHED', visibility: 'PUBLIC' } },
      projectPartners: true,
    } } },
  })
}
