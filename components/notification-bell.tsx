import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { unreadCount } from '@/lib/notifications/queries'

/** The bell in the header, with the number of unread notifications. */
export async function NotificationBell({ userId }: { userId: string }) {
  const t = await getTranslations('notifications')
  const count = await unreadCount(userId)
  return (
    <Link href="/notifications" className="bell" data-testid="notification-bell"
      aria-label={`${t('bell')}${count ? ` (${t('unread', { count })})` : ''}`}>
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7
          7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {count > 0 && <span className="bell-count" data-testid="notification-count">{count}</span>}
    </Link>
  )
}
