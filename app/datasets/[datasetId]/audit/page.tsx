import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { authorizeDatasetUse } from '@/lib/access/datasets'
import { listAuditEvents } from '@/lib/audit/query'
import { requirePageUser } from '@/lib/auth/session'
import { getDataset } from '@/lib/datasets/queries'
import { auditFilterSchema } from '@/lib/datasets/schemas'

type Props = {
  params: Promise<{ datasetId: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

/** The dataset's audit trail for its stewards, filterable, exportable as CSV. */
export default async function DatasetAuditPage(props: Props) {
  const { datasetId } = await props.params
  const user = await requirePageUser(`/datasets/${datasetId}/audit`)
  const decision = await authorizeDatasetUse({ userId: user.id, datasetId,
    action: 'read_audit' })
  if (!decision.allowed && decision.code === 'not_found') notFound()
  const t = await getTranslations('audit')
  if (!decision.allowed) return <p className="notice">{decision.reason}</p>

  const raw = Object.fromEntries(Object.entries(await props.searchParams)
    .filter(([, value]) => typeof value === 'string' && value !== ''))
  const parsed = auditFilterSchema.safeParse(raw)
  const filter = parsed.success ? parsed.data : {}
  const [dataset, events] = await Promise.all([getDataset(datasetId),
    listAuditEvents({ ...filter, datasetId })])
  if (!dataset) notFound()
  const format = await getFormatter()
  const query = new URLSearchParams({ ...raw, format: 'csv' } as Record<string, string>)

  return (
    <article>
      <div className="page-heading">
        <p className="muted"><Link href={`/datasets/${datasetId}`}>{dataset.name}</Link></p>
        <h1>{t('title')}</h1>
        <p className="muted">{t('appendOnly')}</p>
      </div>
      <form className="audit-filter" method="get" data-testid="audit-filter">
        <label>{t('filter.action')}<input name="action" defaultValue={filter.action}
          placeholder="grant" /></label>
        <label>{t('filter.outcome')}
          <select name="outcome" defaultValue={filter.outcome ?? ''}>
            <option value="">{t('filter.any')}</option>
            {['allow', 'deny', 'success', 'failure'].map((value) =>
              <option key={value} value={value}>{t(`outcomes.${value}`)}</option>)}
          </select>
        </label>
        <label>{t('filter.from')}<input type="date" name="from" defaultValue={raw.from} /></label>
        <label>{t('filter.to')}<input type="date" name="to" defaultValue={raw.to} /></label>
        <button type="submit" className="button">{t('filter.apply')}</button>
        <a className="button" data-testid="audit-csv"
          href={`/api/datasets/${datasetId}/audit?${query}`}>{t('export')}</a>
      </form>
      {events.length === 0 ? <p className="empty">{t('empty')}</p> : (
        <table className="data" data-testid="audit-table">
          <thead>
            <tr><th>{t('columns.at')}</th><th>{t('columns.actor')}</th>
              <th>{t('columns.action')}</th><th>{t('columns.outcome')}</th>
              <th>{t('columns.resource')}</th><th>{t('columns.reason')}</th></tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} data-action={event.action}>
                <td>{format.dateTime(event.at, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                <td>{event.actor?.name ?? t('system')}</td>
                <td><code>{event.action}</code></td>
                <td><span className={`badge outcome-${event.outcome}`}>
                  {t(`outcomes.${event.outcome}`)}</span></td>
                <td>{event.resourceType}</td>
                <td>{event.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  )
}
