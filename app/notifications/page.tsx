import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { requirePageUser } from '@/lib/auth/session'
import { notifyMilestonesDueSoon } from '@/lib/notifications/due-soon'
import { listNotifications } from '@/lib/notifications/queries'
import { fillTemplate, parameterText, templateFor } from '@/lib/notifications/render'
import { listPendingInvitationsForEmail } from '@/lib/projects/members'
import { markAllReadAction } from './actions'

export default async function NotificationsPage() {
  const user = await requirePageUser('/notifications')
  await notifyMilestonesDueSoon(user.id)
  const [notifications, invitations] = await Promise.all([
    listNotifications(user.id), listPendingInvitationsForEmail(user.email),
  ])
  const t = await getTranslations('notifications')
  const tp = await getTranslations('projects')
  const format = await getFormatter()
  const value = parameterText(t.raw('values') as Record<string, string>,
    (day) => format.dateTime(day, { dateStyle: 'medium' }))
  const kinds = t.raw('kinds')
  const text = (kind: string, params: unknown) => fillTemplate(
    templateFor(kinds, kind) ?? (t.raw('unknownKind') as string),
    { kind, ...(params as Record<string, unknown>) }, value)

  return (
    <section>
      <div className="page-heading section-heading">
        <h1>{t('title')}</h1>
        <form action={markAllReadAction}>
          <button type="submit" className="button" data-testid="mark-all-read">
            {t('markAllRead')}</button>
        </form>
      </div>

      {invitations.length > 0 && (
        <div className="section" data-testid="pending-invitations">
          <h2>{t('invitations')}</h2>
          <ul className="plain-list">
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {tp('invitations.invitedTo', { project: invitation.project.title,
                  role: tp(`roles.${invitation.role}`),
                  organization: invitation.organization.name })}{' '}
                <Link href={`/projects/invitations/${invitation.token}`}>{t('open')}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      {notifications.length === 0 ? <p className="empty">{t('empty')}</p> : (
        <ul className="card-list" data-testid="notifications">
          {notifications.map((n) => (
            <li key={n.id} className={n.readAt ? 'card' : 'card unread'} data-kind={n.kind}>
              <p>
                {!n.readAt && <span className="badge">{t('new')}</span>}{' '}
                {n.link ? <a href={`/notifications/${n.id}`}>{text(n.kind, n.params)}</a>
                  : text(n.kind, n.params)}
              </p>
              <p className="card-meta">{format.dateTime(n.createdAt,
                { dateStyle: 'medium', timeStyle: 'short' })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
