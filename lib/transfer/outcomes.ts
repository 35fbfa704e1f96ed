import type { Prisma } from '@/generated/prisma/client'
import { enforce } from '@/lib/access/decision'
import { projectMembership } from '@/lib/access/projects'
import { decideTransferAction, type TransferAction } from '@/lib/access/transfer'
import { recordActivity } from '@/lib/activity/record'
import { db } from '@/lib/db/client'
import { activeMembership } from '@/lib/projects/queries'
import { AppError } from '@/lib/errors'
import { fieldError, VALIDATION } from '@/lib/projects/validation'
import { evaluationSchema, outcomeSchema } from './schemas'

type Actor = { id: string }

export async function requireTransfer(actor: Actor, projectId: string, action: TransferAction) {
  enforce(decideTransferAction(await projectMembership(actor.id, projectId), action))
}

export async function createOutcome(actor: Actor, projectId: string, input: unknown) {
  await requireTransfer(actor, projectId, 'record_outcome')
  const data = outcomeSchema.parse(input)

  const members = await db().projectMember.findMany({
    where: { projectId, userId: { in: data.contributorIds } },
  })
  if (members.length !== new Set(data.contributorIds).size) {
    throw fieldError('contributorIds', VALIDATION.notAMember)
  }
  const runs = await db().run.count({ where: { id: { in: data.runIds }, projectId } })
  if (runs !== new Set(data.runIds).size) {
    throw fieldError('runIds', 'This is not a run of this project.')
  }
  const versions = await db().datasetVersion.count({
    where: { id: { in: data.datasetVersionIds }, dataset: { projectId } },
  })
  if (versions !== new Set(data.datasetVersionIds).size) {
    throw fieldError('datasetVersionIds', 'This is not a dataset version of this project.')
  }

  return db().$transaction(async (tx) => {
    const outcome = await tx.outcome.create({
      data: {
        projectId, kind: data.kind, title: data.title, description: data.description,
        createdById: actor.id,
        contributors: { create: members.map((member) => ({
          userId: member.userId, organizationId: member.organizationId })) },
        evidence: { create: [
          ...data.runIds.map((runId) => ({ runId })),
          ...data.datasetVersionIds.map((datasetVersionId) => ({ datasetVersionId })),
        ] },
      },
    })
    await recordActivity(projectId, actor.id, 'outcome.created',
      { title: outcome.title, kind: outcome.kind }, tx)
    return outcome
  })
}

const outcomeInclude = {
  project: { select: { id: true, title: true } },
  contributors: { include: { organization: true } },
  evidence: { include: {
    run: { select: { id: true, name: true, status: true, metrics: true } },
    datasetVersion: { select: { id: true, version: true, dataset: { select: { name: true } } } },
  } },
  evaluations: { orderBy: { evaluatedAt: 'desc' } },
  agreements: { include: { parties: { include: { organization: true } } } },
} satisfies Prisma.OutcomeInclude

export async function getOutcome(actor: Actor, outcomeId: string) {
  const outcome = await db().outcome.findUnique({ where: { id: outcomeId },
    include: outcomeInclude })
  if (!outcome) throw new AppError('not_found', 'This outcome was not found.')
  await requireTransfer(actor, outcome.projectId, 'view')
  return outcome
}

export async function evaluateOutcome(actor: Actor, outcomeId: string, input: unknown) {
  const outcome = await getOutcome(actor, outcomeId)
  await requireTransfer(actor, outcome.projectId, 'evaluate')
  const data = evaluationSchema.parse(input)
  if (data.evaluatedAt && data.evaluatedAt > new Date()) {
    throw fieldError('evaluatedAt', VALIDATION.outOfRange)
  }

  return db().$transaction(async (tx) => {
    const evaluation = await tx.outcomeEvaluation.create({
      data: { outcomeId, readinessLevel: data.readinessLevel, notes: data.notes,
        evaluatorId: actor.id, evaluatedAt: data.evaluatedAt ?? new Date() },
    })
    await recordActivity(outcome.projectId, actor.id, 'outcome.evaluated',
      { title: outcome.title, level: data.readinessLevel }, tx)
    return evaluation
  })
}

export function listProjectOutcomes(projectId: string) {
  return db().outcome.findMany({
    where: { projectId },
    orderBy: { createdAt: 'desc' },
    include: {
      evaluations: { orderBy: { evaluatedAt: 'desc' }, take: 1 },
      _count: { select: { agreements: true, evidence: true, contributors: true } },
    },
  })
}

/** Outcomes of every project the person is a member of (for lists and CSV export). */
export function listOutcomesForUser(actor: Actor) {
  return db().outcome.findMany({
    where: { project: { members: { some: activeMembership(actor.id) } } },
    orderBy: { createdAt: 'desc' },
    include: {
      project: { select: { id: true, title: true } },
      evaluations: { orderBy: { evaluatedAt: 'desc' }, take: 1 },
      contributors: { include: { organization: true } },
    },
  })
}
