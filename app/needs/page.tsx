import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { requirePageUser } from '@/lib/auth/session'
import { listNeedsForUser } from '@/lib/needs/needs'
import { NEED_STATUSES } from '@/lib/needs/schemas'
import { listOrganizations } from '@/lib/organizations/queries'

const FILTERS = ['q', 'tag', 'organizationId', 'status', 'deadlineBefore'] as const

export default async function NeedsPage(props: PageProps<'/needs'>) {
  const user = await requirePageUser('/needs')
  const search = await props.searchParams
  const filter = Object.fromEntries(FILTERS.flatMap((key) => {
    const value = search[key]
    return typeof value === 'string' && value !== '' ? [[key, value]] : []
  }))
  const valid = filter.status && !(NEED_STATUSES as readonly string[]).includes(filter.status)
    ? { ...filter, status: undefined } : filter
  const [needs, organizations] = await Promise.all([
    listNeedsForUser(user, valid).catch(() => listNeedsForUser(user, {})),
    listOrganizations(),
  ])
  const t = await getTranslations('needs')
  const format = await getFormatter()
  const csv = `/api/needs?format=csv&${new URLSearchParams(filter as Record<string, string>)}`

  return (
    <section>
      <div className="page-heading section-heading">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="muted">{t('list.intro')}</p>
        </div>
        <div className="button-row">
          <a className="button" href={csv} data-testid="needs-csv">{t('list.exportCsv')}</a>
          <Link className="button primary" href="/needs/new" data-testid="new-need">
            {t('list.post')}</Link>
        </div>
      </div>

      <form className="filters" method="get" data-testid="need-filters">
        <label>{t('filters.text')}<input name="q" defaultValue={filter.q} /></label>
        <label>{t('filters.tag')}<input name="tag" defaultValue={filter.tag} /></label>
        <label>{t('filters.organization')}
          <select name="organizationId" defaultValue={filter.organizationId ?? ''}>
            <option value="">{t('filters.any')}</option>
            {organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </label>
        <label>{t('filters.status')}
          <select name="status" defaultValue={filter.status ?? ''}>
            <option value="">{t('filters.any')}</option>
            {NEED_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('filters.deadlineBefore')}
          <input type="date" name="deadlineBefore" defaultValue={filter.deadlineBefore} /></label>
        <button type="submit" className="button">{t('filters.apply')}</button>
      </form>

      {needs.length === 0 ? <p className="empty">{t('list.empty')}</p> : (
        <ul className="card-list" data-testid="need-list">
          {needs.map((need) => (
            <li key={need.id} className="card">
              <Link href={`/needs/${need.id}`} className="card-title">{need.title}</Link>
              <p className="muted">{need.organization.name}</p>
              <p>{need.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}</p>
              <p className="card-meta">
                <span className={`badge need-${need.status.toLowerCase()}`}>
                  {t(`status.${need.status}`)}</span>
                <span>{t(`visibility.${need.visibility}`)}</span>
                {need.deadline && <span>{t('list.deadline', {
                  date: format.dateTime(need.deadline, { dateStyle: 'medium' }) })}</span>}
                <span>{t('list.proposals', { count: need._count.proposals })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
