import { db } from '@/lib/db/client'
import { notify } from './notify'

const DUE_SOON_DAYS = 7

/**
 * Tells the owners and managers of the person's projects about milestones due
 * within a week, once per milestone and person. Run when the person opens their
 * notifications; a scheduled job is not needed for an in-app reminder.
 */
export async function notifyMilestonesDueSoon(userId: string, now = new Date()): Promise<void> {
  const milestones = await db().milestone.findMany({
    where: {
      status: { in: ['PLANNED', 'IN_PROGRESS'] },
      dueDate: { gte: now, lte: new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000) },
      project: { members: { some: { userId, role: { in: ['OWNER', 'MANAGER'] } } } },
    },
    include: { project: { select: { title: true } } },
  })
  for (const milestone of milestones) {
    const already = await db().notification.count({
      where: { userId, kind: 'milestone.due_soon',
        params: { path: ['milestoneId'], equals: milestone.id } },
    })
    if (already) continue
    await notify(userId, 'milestone.due_soon', {
      milestoneId: milestone.id, title: milestone.title, project: milestone.project.title,
      dueDate: milestone.dueDate.toISOString().slice(0, 10),
    }, `/projects/${milestone.projectId}/plan`)
  }
}
