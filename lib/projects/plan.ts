import { requireOnProject } from '@/lib/access/projects'
import { recordActivity } from '@/lib/activity/record'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { requireProjectMember, requireProjectPartner } from '@/lib/organizations/queries'
import { commitmentSchema, workPackageSchema } from './schemas'

type Actor = { id: string }

export async function createWorkPackage(actor: Actor, projectId: string, input: unknown) {
  await requireOnProject(actor.id, projectId, 'manage_plan')
  const data = workPackageSchema.parse(input)
  await requireProjectPartner(projectId, data.responsibleOrganizationId,
    'responsibleOrganizationId')
  if (data.responsibleUserId) {
    await requireProjectMember(projectId, data.responsibleUserId, 'responsibleUserId')
  }

  return db().$transaction(async (tx) => {
    const workPackage = await tx.workPackage.create({ data: { ...data, projectId } })
    await recordActivity(projectId, actor.id, 'work_package.created',
      { title: workPackage.title }, tx)
    return workPackage
  })
}

export async function deleteWorkPackage(actor: Actor, projectId: string, workPackageId: string) {
  await requireOnProject(actor.id, projectId, 'manage_plan')
  const found = await db().workPackage.findFirst({ where: { id: workPackageId, projectId } })
  if (!found) throw new AppError('not_found', 'This work package was not found.')
  await db().workPackage.delete({ where: { id: workPackageId } })
  await recordActivity(projectId, actor.id, 'work_package.deleted', { title: found.title })
}

export async function createCommitment(actor: Actor, projectId: string, input: unknown) {
  await requireOnProject(actor.id, projectId, 'manage_plan')
  const data = commitmentSchema.parse(input)
  await requireProjectPartner(projectId, data.organizationId, 'organizationId')

  return db().$transaction(async (tx) => {
    const commitment = await tx.resourceCommitment.create({
      data: { ...data, unit: data.unit || null, projectId },
      include: { organization: true },
    })
    await recordActivity(projectId, actor.id, 'commitment.created',
      { kind: commitment.kind, organization: commitment.organization.name }, tx)
    return commitment
  })
}

export async function deleteCommitment(actor: Actor, projectId: string, commitmentId: string) {
  await requireOnProject(actor.id, projectId, 'manage_plan')
  const found = await db().resourceCommitment.findFirst({
    where: { id: commitmentId, projectId },
  })
  if (!found) throw new AppError('not_found', 'This commitment was not found.')
  await db().resourceCommitment.delete({ where: { id: commitmentId } })
}

export async function listWorkPackages(projectId: string) {
  const packages = await db().workPackage.findMany({
    where: { projectId },
    orderBy: [{ startDate: 'asc' }, { createdAt: 'asc' }],
    include: { responsibleOrganization: true },
  })
  const userIds = packages.map((item) => item.responsibleUserId).filter(Boolean) as string[]
  const users = await db().user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true },
  })
  const names = new Map(users.map((user) => [user.id, user.name]))
  return packages.map((item) => ({
    ...item,
    responsibleUserName: item.responsibleUserId ? names.get(item.responsibleUserId) : undefined,
  }))
}

export function listCommitments(projectId: string) {
  return db().resourceCommitment.findMany({
    where: { projectId },
    orderBy: [{ organizationId: 'asc' }, { createdAt: 'asc' }],
    include: { organization: true },
  })
}
