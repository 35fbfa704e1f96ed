import type { Prisma } from '@/generated/prisma/client'
import { db } from '@/lib/db/client'
import { logger } from '@/lib/logging'
import { deliverEmails } from './mail'

/**
 * Leaves an in-app notification for a person. `kind` names a message in
 * messages/<locale>/notifications.json; `params` fills it in. Each recipient
 * also gets an e-mail (SMTP when SMTP_URL is set, else a log line), sent in the
 * background; a failed e-mail never undoes the notification.
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
  // Not awaited: a slow or unreachable SMTP relay must not hold up the request.
  deliverEmails(recipients, kind, params as Record<string, unknown>, link).catch((error) =>
    logger.warn({ err: error, kind }, 'notification e-mail not delivered'))
}
