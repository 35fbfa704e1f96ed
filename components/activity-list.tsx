import { getFormatter, getTranslations } from 'next-intl/server'
import type { ActivityItem } from '@/lib/activity/queries'
import { fillTemplate, parameterText, templateFor } from '@/lib/notifications/render'

/** A project's feed; an event kind without a message still shows, by its name. */
export async function ActivityList({ items }: { items: ActivityItem[] }) {
  const t = await getTranslations('activity')
  const format = await getFormatter()
  if (items.length === 0) return <p className="muted">{t('empty')}</p>

  const value = parameterText(t.raw('values') as Record<string, string>,
    (day) => format.dateTime(day, { dateStyle: 'medium' }))
  const kinds = t.raw('kinds')
  const text = (item: ActivityItem) => {
    const template = templateFor(kinds, item.kind) ?? (t.raw('unknownKind') as string)
    return fillTemplate(template, { kind: item.kind, ...item.params }, value)
  }
  return (
    <ol className="feed" data-testid="activity-feed">
      {items.map((item) => (
        <li key={item.id} data-kind={item.kind}>
          <span className="feed-actor">{item.actorName ?? t('system')}</span>{' '}
          <span>{text(item)}</span>
          <time className="muted" dateTime={item.createdAt.toISOString()}>
            {format.dateTime(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        </li>
      ))}
    </ol>
  )
}
