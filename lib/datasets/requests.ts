import type { AccessLevel } from '@/generated/prisma/client'
import { recordAudit } from '@/lib/audit/record'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { notify } from '@/lib/notifications/notify'
import { stewardIds } from './queries'

const link = (datasetId: string) => `/datasets/${datasetId}`

export function listRequests(datasetId: string, requesterId?: string) {
  return db().accessRequest.findMany({
    where: { datasetId, requesterId },
    orderBy: { createdAt: 'desc' },
    include: { grant: { select: { id: true, revokedAt: true, expiresAt: true } } },
  })
}

/** Someone who can see the card asks for a level, accepting the dataset's terms now. */
export async function createRequest(datasetId: string, requesterId: string,
  input: { level: AccessLevel; purpose: string }) {
  const pending = await db().accessRequest.count({
    where: { datasetId, requesterId, status: 'PENDING' } })
  if (pending) {
    throw new AppError('conflict', 'You already have a pending request for this dataset; ' +
      'wait for the stewards\' decision.')
  }
  const dataset = await db().dataset.findUniqueOrThrow({ where: { id: datasetId } })
  const request = await db().accessRequest.create({
    data: { datasetId, requesterId, level: input.level, purpose: input.purpose,
      termsAcceptedAt: new Date() },
  })
  await recordAudit({ actorId: requesterId, action: 'request.create', outcome: 'success',
    resourceType: 'access_request', resourceId: request.id, datasetId,
    projectId: dataset.projectId, details: { level: input.level, purpose: input.purpose } })
  await notify(await stewardIds(datasetId), 'access.requested',
    { dataset: dataset.name, level: input.level }, link(datasetId))
  return request
}

async function pendingRequest(datasetId: string, requestId: string) {
  const request = await db().accessRequest.findFirst({ where: { id: requestId, datasetId } })
  if (!request) throw new AppError('not_found', 'The access request was not found.')
  if (request.status !== 'PENDING') {
    throw new AppError('conflict', `This request was already ${request.status.toLowerCase()}.`)
  }
  return request
}

/** Approving turns the request into a grant to the requester, on the accepted terms. */
export async function approveRequest(datasetId: string, requestId: string, actorId: string,
  options: { expiresAt?: Date } = {}) {
  const request = await pendingRequest(datasetId, requestId)
  const dataset = await db().dataset.findUniqueOrThrow({ where: { id: datasetId } })
  const now = new Date()

  const grant = await db().$transaction(async (tx) => {
    const updated = await tx.accessRequest.updateMany({
      where: { id: requestId, status: 'PENDING' },
      data: { status: 'APPROVED', decidedById: actorId, decidedAt: now } })
    if (updated.count === 0) throw new AppError('conflict', 'This request was just decided.')
    return tx.accessGrant.create({ data: {
      datasetId, level: request.level, granteeUserId: request.requesterId,
      purpose: request.purpose, terms: dataset.terms, termsAcceptedAt: request.termsAcceptedAt,
      termsAcceptedById: request.requesterId, expiresAt: options.expiresAt,
      grantedById: actorId, requestId,
    } })
  })
  await recordAudit({ actorId, action: 'request.approve', outcome: 'success',
    resourceType: 'access_request', resourceId: requestId, datasetId,
    projectId: dataset.projectId, details: { level: request.level, grantId: grant.id,
      requesterId: request.requesterId, expiresAt: options.expiresAt?.toISOString() ?? null } })
  await notify(request.requesterId, 'access.approved',
    { dataset: dataset.name, level: request.level }, link(datasetId))
  return grant
}

export async function denyRequest(datasetId: string, requestId: string, actorId: string,
  reason: string) {
  const request = await pendingRequest(datasetId, requestId)
  const dataset = await db().dataset.findUniqueOrThrow({ where: { id: datasetId } })
  const denied = await db().accessRequest.update({ where: { id: requestId },
    data: { status: 'DENIED', decidedById: actorId, decidedAt: new Date(),
      decisionReason: reason } })
  await recordAudit({ actorId, action: 'request.deny', outcome: 'success', reason,
    resourceType: 'access_request', resourceId: requestId, datasetId,
    projectId: dataset.projectId, details: { level: request.level,
      requesterId: request.requesterId } })
  await notify(request.requesterId, 'access.denied',
    { dataset: dataset.name, level: request.level, reason }, link(datasetId))
  return denied
}
