import { requireOnProject } from '@/lib/access/projects'
import { recordActivity } from '@/lib/activity/record'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { milestoneSchema, milestoneUpdateSchema } from '@/lib/projects/schemas'
import { fieldError } from '@/lib/projects/validation'

type Actor = { id: string }

const DELIVERABLE_NOT_IN_PROJECT = 'This is not a run or dataset version of this project.'

/** A deliverable may only link a run or dataset version of the same project. */
async function checkDeliverables(projectId: string, runId?: string | null,
  datasetVersionId?: string | null) {
  if (runId) {
    const run = await db().run.count({ where: { id: runId, projectId } })
    if (!run) throw fieldError('deliverableRunId', DELIVERABLE_NOT_IN_PROJECT)
  }
  if (datasetVersionId) {
    const version = await db().datasetVersion.count({
      where: { id: datasetVersionId, dataset: { projectId } },
    })
    if (!version) throw fieldError('deliverableDatasetVersionId', DELIVERABLE_NOT_IN_PROJECT)
  }
}

export async function createMilestone(actor: Actor, projectId: string, input: unknown) {
  await requireOnProject(actor.id, projectId, 'manage_plan')
  const data = milestoneSchema.parse(input)
  await checkDeliverables(projectId, data.deliverableRunId, data.deliverableDatasetVersionId)

  return db().$transaction(async (tx) => {
    const milestone = await tx.milestone.create({
      data: { ...data, projectId, completedAt: data.status === 'DONE' ? new Date() : null },
    })
    await recordActivity(projectId, actor.id, 'milestone.created',
      { title: milestone.title, dueDate: milestone.dueDate.toISOString().slice(0, 10) }, tx)
    return milestone
  })
}

async function milestoneOf(milestoneId: string) {
  const milestone = await db().milestone.findUnique({ where: { id: milestoneId } })
  if (!milestone) throw new AppError('not_found', 'This milestone was not found.')
  return milestone
}

/** Reads a milestone for someone who may view its project (else not found). */
export async function getMilestone(actor: Actor, milestoneId: string) {
  const milestone = await milestoneOf(milestoneId)
  await requireOnProject(actor.id, milestone.projectId, 'view')
  return milestone
}

export async function updateMilestone(actor: Actor, milestoneId: string, input: unknown) {
  const current = await milestoneOf(milestoneId)
  await requireOnProject(actor.id, current.projectId, 'view')
  await requireOnProject(actor.id, current.projectId, 'manage_plan')
  const data = milestoneUpdateSchema.parse(input)
  await checkDeliverables(current.projectId, data.deliverableRunId,
    data.deliverableDatasetVersionId)

  return db().$transaction(async (tx) => {
    const completedAt = data.status === undefined ? undefined
      : data.status === 'DONE' ? current.completedAt ?? new Date() : null
    const milestone = await tx.milestone.update({
      where: { id: milestoneId },
      data: { ...data, completedAt },
    })
    const kind = data.status && data.status !== current.status
      ? 'milestone.status_changed' : 'milestone.updated'
    await recordActivity(current.projectId, actor.id, kind,
      { title: milestone.title, status: milestone.status }, tx)
    return milestone
  })
}

export async function deleteMilestone(actor: Actor, milestoneId: string) {
  const current = await milestoneOf(milestoneId)
  await requireOnProject(actor.id, current.projectId, 'view')
  await requireOnProject(actor.id, current.projectId, 'manage_plan')
  await db().$transaction(async (tx) => {
    await tx.milestone.delete({ where: { id: milestoneId } })
    await recordActivity(current.projectId, actor.id, 'milestone.deleted',
      { title: current.title }, tx)
  })
}

export function listMilestones(projectId: string) {
  return db().milestone.findMany({
    where: { projectId },
    orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
    include: {
      deliverableRun: { select: { id: true, name: true, status: true, metrics: true } },
      deliverableDatasetVersion: {
        select: { id: true, version: true, dataset: { select: { id: true, name: true } } },
      },
    },
  })
}

/** Overdue: due before today and neither done nor cancelled. */
export function isOverdue(milestone: { dueDate: Date; status: string }, now = new Date()) {
  return milestone.dueDate < now && !['DONE', 'CANCELLED'].includes(milestone.status)
}
