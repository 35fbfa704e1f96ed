import { db } from '@/lib/db/client'

export type ActivityItem = {
  id: string
  kind: string
  params: Record<string, unknown>
  createdAt: Date
  actorName: string | null
}

/** The newest events of a project, with the actor's name. */
export async function listProjectActivity(projectId: string, take = 50): Promise<ActivityItem[]> {
  const events = await db().activityEvent.findMany({
    where: { projectId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  })
  const actorIds = [...new Set(events.map((event) => event.actorId).filter(Boolean))] as string[]
  const actors = await db().user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true },
  })
  const names = new Map(actors.map((actor) => [actor.id, actor.name]))
  return events.map((event) => ({
    id: event.id,
    kind: event.kind,
    params: (event.params ?? {}) as Record<string, unknown>,
    createdAt: event.createdAt,
    actorName: event.actorId ? names.get(event.actorId) ?? null : null,
  }))
}
