import { NextResponse } from 'next/server'
import { currentUser } from '@/lib/auth/session'
import { openNotification } from '@/lib/notifications/queries'

type Context = { params: Promise<{ notificationId: string }> }

/** Follows a notification's link and marks it read on the way. */
export async function GET(request: Request, context: Context) {
  const { notificationId } = await context.params
  const user = await currentUser()
  if (!user) return NextResponse.redirect(new URL('/signin', request.url))
  const link = await openNotification(user.id, notificationId)
  const target = link?.startsWith('/') && !link.startsWith('//') ? link : '/notifications'
  return NextResponse.redirect(new URL(target, request.url))
}
