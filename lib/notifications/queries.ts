import { db } from '@/lib/db/client'

export function listNotifications(userId: string, take = 100) {
  return db().notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  })
}

export function unreadCount(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } })
}

/** Marks the user's notifications read: the given ones, or all when none are given. */
export async function markRead(userId: string, ids?: string[]): Promise<number> {
  const result = await db().notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  })
  return result.count
}

/** Marks one of the user's notifications read and answers its link (null if not theirs). */
export async function openNotification(userId: string, id: string): Promise<string | null> {
  const notification = await db().notification.findFirst({ where: { id, userId } })
  if (!notification) return null
  if (!notification.readAt) {
    await db().notification.update({ where: { id }, data: { readAt: new Date() } })
  }
  return notification.link
}
