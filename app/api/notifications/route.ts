import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { listNotifications, unreadCount } from '@/lib/notifications/queries'

export const GET = route(async (request) => {
  const user = await requireApiUser(request)
  const [notifications, unread] = await Promise.all([
    listNotifications(user.id), unreadCount(user.id),
  ])
  return NextResponse.json({ notifications, unread })
})
