import type { Prisma } from '@/generated/prisma/client'
import { db } from '@/lib/db/client'

/**
 * Leaves an in-app notification for a person. `kind` names a message in
 * messages/<locale>/notifications.json; `params` fills it in.
 */
export async function notify(
  userIds: string | string[],
  kind: string,
  params: Prisma.InputJsonObject = {},
  link?: string,
): Promise<void> {
  const recipients = [...new Set(Array.isArray(userIds) ? userIds : [userIds])]
  if (recipients.length === 0) return
  await db().notification.createMany({
    data: recipients.map((userId) => ({ userId, kind, params, link })),
  })
}
