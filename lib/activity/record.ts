import type { Prisma } from '@/generated/prisma/client'
import { db } from '@/lib/db/client'

type Client = Pick<Prisma.TransactionClient, 'activityEvent'>

/**
 * Appends one event to a project's activity feed. `kind` names a message in
 * messages/<locale>/activity.json (e.g. `milestone.created`); `params` fills it in.
 */
export async function recordActivity(
  projectId: string,
  actorId: string | null,
  kind: string,
  params: Prisma.InputJsonObject = {},
  client: Client = db(),
): Promise<void> {
  await client.activityEvent.create({ data: { projectId, actorId, kind, params } })
}
