import type { Prisma } from '@/generated/prisma/client'
import { recordActivity } from '@/lib/activity/record'
import { db } from '@/lib/db/client'
import { activeMembership } from '@/lib/projects/queries'
import { AppError } from '@/lib/errors'
import { notify } from '@/lib/notifications/notify'
import { fieldError, VALIDATION } from '@/lib/projects/validation'
import { requireTransfer } from './outcomes'
import { agreementSchema, agreementStatusSchema } from './schemas'

type Actor = { id: string }

const include = {
  project: { select: { id: true, title: true } },
  outcome: { select: { id: true, title: true, kind: true } },
  parties: { include: { organization: true } },
} satisfies Prisma.TransferAgreementInclude

export async function createAgreement(actor: Actor, projectId: string, input: unknown) {
  await requireTransfer(actor, projectId, 'manage_agreements')
  const data = agreementSchema.parse(input)
  if (data.outcomeId) {
    const outcome = await db().outcome.count({ where: { id: data.outcomeId, projectId } })
    if (!outcome) throw fieldError('outcomeId', 'This is not an outcome of this project.')
  }
  const partyIds = [...new Set(data.parties.map((party) => party.organizationId))]
  const known = await db().organization.count({ where: { id: { in: partyIds } } })
  if (known !== partyIds.length) throw fieldError('parties', VALIDATION.unknownOrganization)

  const { parties, ...fields } = data
  return db().$transaction(async (tx) => {
    const agreement = await tx.transferAgreement.create({
      data: {
        ...fields, projectId, createdById: actor.id,
        signedDate: fields.signedDate ?? (fields.status === 'SIGNED' ? new Date() : null),
        parties: { create: partyIds.map((organizationId) => ({ organizationId,
          role: parties.find((party) => party.organizationId === organizationId)?.role
            ?? 'party' })) },
      },
      include,
    })
    await recordActivity(projectId, actor.id, 'agreement.created',
      { title: agreement.title, kind: agreement.kind, status: agreement.status }, tx)
    return agreement
  })
}

export async function getAgreement(actor: Actor, agreementId: string) {
  const agreement = await db().transferAgreement.findUnique({ where: { id: agreementId },
    include })
  if (!agreement) throw new AppError('not_found', 'This agreement was not found.')
  await requireTransfer(actor, agreement.projectId, 'view')
  return agreement
}

/** Moves an agreement to another status; signing stamps the signature date. */
export async function setAgreementStatus(actor: Actor, agreementId: string, input: unknown) {
  const current = await getAgreement(actor, agreementId)
  await requireTransfer(actor, current.projectId, 'manage_agreements')
  const data = agreementStatusSchema.parse(input)
  if (data.status === current.status) return current

  const signedDate = data.signedDate
    ?? (data.status === 'SIGNED' && !current.signedDate ? new Date() : undefined)
  const agreement = await db().$transaction(async (tx) => {
    const updated = await tx.transferAgreement.update({
      where: { id: agreementId },
      data: { status: data.status, signedDate },
      include,
    })
    await recordActivity(current.projectId, actor.id, 'agreement.status_changed',
      { title: updated.title, from: current.status, status: updated.status }, tx)
    return updated
  })

  const managers = await db().projectMember.findMany({
    where: { projectId: current.projectId, role: { in: ['OWNER', 'MANAGER'] },
      userId: { not: actor.id } },
    select: { userId: true },
  })
  await notify(managers.map((member) => member.userId), 'agreement.status_changed',
    { title: agreement.title, status: agreement.status }, `/transfer/agreements/${agreementId}`)
  return agreement
}

/** Agreements of every project the person is a member of, optionally of one party. */
export function listAgreementsForUser(actor: Actor, organizationId?: string) {
  return db().transferAgreement.findMany({
    where: {
      project: { members: { some: activeMembership(actor.id) } },
      ...(organizationId ? { parties: { some: { organizationId } } } : {}),
    },
    orderBy: { updatedAt: 'desc' },
    include,
  })
}

export type AgreementRow = Awaited<ReturnType<typeof listAgreementsForUser>>[number]

export function listProjectAgreements(projectId: string) {
  return db().transferAgreement.findMany({
    where: { projectId }, orderBy: { updatedAt: 'desc' }, include,
  })
}
