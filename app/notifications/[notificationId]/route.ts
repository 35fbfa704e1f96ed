import { currentUser } from '@/lib/auth/session'
import { openNotification } from '@/lib/notifications/queries'

type Context = { params: Promise<{ notificationId: string }> }

// A relative Location keeps the browser on the host it used (and its cookie).
const redirectTo = (location: string) => new Response(null, { status: 303,
  headers: { location } })

/** Follows a notification's link and marks it read on the way. */
export async function GET(_request: Request, context: Context) {
  const { notificationId } = await context.params
  const user = await currentUser()
  if (!user) return redirectTo(`/signin?callbackUrl=/notifications`)
  const link = await openNotification(user.id, notificationId)
  return redirectTo(link?.startsWith('/') && !link.startsWith('//') ? link : '/notifications')
}
