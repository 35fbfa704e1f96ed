import { enforce } from '@/lib/access/decision'
import { canOnRun } from '@/lib/access/runs'
import { recordAudit } from '@/lib/audit/record'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'

/**
 * Makes a finished run's report the deliverable of a milestone of the same project (or
 * takes it off). A milestone has one deliverable run; attaching replaces the previous one.
 */
export async function attachRunToMilestone(
  userId: string,
  runId: string,
  milestoneId: string,
  detach = false,
) {
  enforce(await canOnRun(userId, runId, 'attach_milestone'))
  const run = await db().run.findUniqueOrThrow({
    where: { id: runId }, select: { projectId: true, status: true },
  })
  const milestone = await db().milestone.findUnique({ where: { id: milestoneId } })
  if (!milestone || milestone.projectId !== run.projectId) {
    throw new AppError('not_found', 'The milestone was not found in this run\'s project.')
  }
  if (!detach && run.status !== 'SUCCEEDED') {
    throw new AppError('conflict', 'Only a run that succeeded has a report to attach; ' +
      'wait until it finishes.')
  }
  if (detach && milestone.deliverableRunId !== runId) {
    throw new AppError('conflict', 'This run is not the deliverable of that milestone.')
  }

  const updated = await db().milestone.update({
    where: { id: milestoneId },
    data: { deliverableRunId: detach ? null : runId },
    select: { id: true, title: true, deliverableRunId: true },
  })
  await recordAudit({
    actorId: userId, action: detach ? 'run.detach_milestone' : 'run.attach_milestone',
    outcome: 'success', resourceType: 'run', resourceId: runId, projectId: run.projectId,
    details: { milestoneId },
  })
  return updated
}
