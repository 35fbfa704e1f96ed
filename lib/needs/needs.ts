import type { Prisma } from '@/generated/prisma/client'
import { enforce } from '@/lib/access/decision'
import { decideNeedAction, visibleNeedsWhere, type NeedAction } from '@/lib/access/needs'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import {
  requireUserOrganization, userOrganizationIds,
} from '@/lib/organizations/queries'
import { fieldError, VALIDATION } from '@/lib/projects/validation'
import { needFilterSchema, needSchema, needUpdateSchema, type NeedFilter } from './schemas'

type Actor = { id: string }

const include = {
  organization: true,
  invited: { include: { organization: true } },
  _count: { select: { proposals: true } },
} satisfies Prisma.NeedInclude

async function checkInvited(ids: string[]) {
  if (ids.length === 0) return
  const found = await db().organization.count({ where: { id: { in: ids } } })
  if (found !== new Set(ids).size) {
    throw fieldError('invitedOrganizationIds', VALIDATION.unknownOrganization)
  }
}

export async function createNeed(actor: Actor, input: unknown) {
  const data = needSchema.parse(input)
  await requireUserOrganization(actor.id, data.organizationId, 'organizationId')
  await checkInvited(data.invitedOrganizationIds)

  const { invitedOrganizationIds, ...fields } = data
  return db().need.create({
    data: {
      ...fields, createdById: actor.id,
      publishedAt: fields.status === 'PUBLISHED' ? new Date() : null,
      invited: { create: invitedOrganizationIds.map((organizationId) => ({ organizationId })) },
    },
    include,
  })
}

/** The need, if the person may take the action on it; else the refusal. */
export async function needFor(actor: Actor, needId: string, action: NeedAction) {
  const need = await db().need.findUnique({ where: { id: needId }, include })
  if (!need) throw new AppError('not_found', 'This need was not found.')
  const decision = decideNeedAction(await userOrganizationIds(actor.id), {
    ...need, invitedOrganizationIds: need.invited.map((link) => link.organizationId),
  }, action)
  enforce(decision)
  return need
}

export async function updateNeed(actor: Actor, needId: string, input: unknown) {
  const current = await needFor(actor, needId, 'edit')
  const data = needUpdateSchema.parse(input)
  const min = data.budgetMin === undefined ? current.budgetMin : data.budgetMin
  const max = data.budgetMax === undefined ? current.budgetMax : data.budgetMax
  if (min != null && max != null && max < min) {
    throw fieldError('budgetMax', VALIDATION.budgetOrder)
  }
  if (data.invitedOrganizationIds) await checkInvited(data.invitedOrganizationIds)

  const { invitedOrganizationIds, ...fields } = data
  return db().$transaction(async (tx) => {
    if (invitedOrganizationIds) {
      await tx.needInvitedOrganization.deleteMany({ where: { needId } })
      await tx.needInvitedOrganization.createMany({
        data: invitedOrganizationIds.map((organizationId) => ({ needId, organizationId })),
      })
    }
    return tx.need.update({ where: { id: needId }, data: fields, include })
  })
}

/** Moves a need along draft → published → closed (a closed need may be reopened). */
export async function setNeedStatus(actor: Actor, needId: string, status: unknown) {
  const need = await needFor(actor, needId, 'edit')
  if (status !== 'PUBLISHED' && status !== 'CLOSED') {
    throw fieldError('status', VALIDATION.invalidChoice)
  }
  if (need.status === status) return need
  return db().need.update({
    where: { id: needId },
    data: status === 'PUBLISHED'
      ? { status, publishedAt: need.publishedAt ?? new Date(), closedAt: null }
      : { status, closedAt: new Date() },
    include,
  })
}

export async function listNeedsForUser(actor: Actor, filter: unknown = {}) {
  const parsed: NeedFilter = needFilterSchema.parse(filter)
  const organizationIds = await userOrganizationIds(actor.id)
  const where: Prisma.NeedWhereInput = { AND: [visibleNeedsWhere(organizationIds)] }
  const and = where.AND as Prisma.NeedWhereInput[]
  if (parsed.q) {
    and.push({ OR: [
      { title: { contains: parsed.q, mode: 'insensitive' } },
      { problem: { contains: parsed.q, mode: 'insensitive' } },
      { goals: { contains: parsed.q, mode: 'insensitive' } },
    ] })
  }
  if (parsed.tag) and.push({ tags: { has: parsed.tag } })
  if (parsed.organizationId) and.push({ organizationId: parsed.organizationId })
  if (parsed.status) and.push({ status: parsed.status })
  if (parsed.deadlineBefore) and.push({ deadline: { lte: parsed.deadlineBefore } })

  return db().need.findMany({
    where,
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    include,
    take: 500,
  })
}

export type NeedRow = Awaited<ReturnType<typeof listNeedsForUser>>[number]
