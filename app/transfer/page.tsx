import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { requirePageUser } from '@/lib/auth/session'
import { userOrganizations } from '@/lib/organizations/queries'
import { listAgreementsForUser } from '@/lib/transfer/agreements'
import { listOutcomesForUser } from '@/lib/transfer/outcomes'
import { summarizePortfolio } from '@/lib/transfer/portfolio'
import { AGREEMENT_STATUSES } from '@/lib/transfer/schemas'
import { PortfolioCharts } from '@/components/portfolio-charts'

export default async function TransferPage(props: PageProps<'/transfer'>) {
  const user = await requirePageUser('/transfer')
  const search = await props.searchParams
  const organizations = await userOrganizations(user.id)
  const chosen = typeof search.organizationId === 'string'
    && organizations.some((o) => o.id === search.organizationId)
    ? search.organizationId : undefined
  const [agreements, outcomes] = await Promise.all([
    listAgreementsForUser(user, chosen), listOutcomesForUser(user),
  ])
  const portfolio = summarizePortfolio(agreements)
  const t = await getTranslations('transfer')
  const format = await getFormatter()

  return (
    <section>
      <div className="page-heading section-heading">
        <div>
          <h1>{t('board.title')}</h1>
          <p className="muted">{t('board.intro')}</p>
        </div>
        <div className="button-row">
          <a className="button" href="/api/outcomes?format=csv" data-testid="outcomes-csv">
            {t('board.exportOutcomes')}</a>
          <a className="button" href={`/api/agreements?format=csv${chosen
            ? `&organizationId=${chosen}` : ''}`} data-testid="agreements-csv">
            {t('board.exportAgreements')}</a>
        </div>
      </div>

      <form className="filters" method="get">
        <label>{t('board.organization')}
          <select name="organizationId" defaultValue={chosen ?? ''}>
            <option value="">{t('board.allMine')}</option>
            {organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </label>
        <button type="submit" className="button">{t('board.apply')}</button>
      </form>

      <div className="section">
        <h2>{t('board.portfolio')}</h2>
        <p data-testid="portfolio-totals">{t('board.totals', { total: portfolio.total,
          signed: portfolio.signedOrActive, outcomes: outcomes.length })}</p>
        <PortfolioCharts statusTitle={t('board.byStatus')} kindTitle={t('board.byKind')}
          byStatus={portfolio.byStatus.map((s) => ({ label: t(`agreementStatus.${s.status}`),
            count: s.count }))}
          byKind={portfolio.byKind.map((k) => ({ label: t(`agreementKinds.${k.kind}`),
            count: k.count }))} />
      </div>

      <div className="section">
        <h2>{t('board.pipeline')}</h2>
        <div className="board" data-testid="pipeline-board">
          {AGREEMENT_STATUSES.map((status) => (
            <div key={status} className="board-column" data-status={status}>
              <h3>{t(`agreementStatus.${status}`)} ·{' '}
                {agreements.filter((a) => a.status === status).length}</h3>
              {agreements.filter((a) => a.status === status).map((a) => (
                <div key={a.id} className="board-card">
                  <Link href={`/transfer/agreements/${a.id}`}>{a.title}</Link>
                  <div className="muted">{t(`agreementKinds.${a.kind}`)} · {a.project.title}</div>
                  <div className="muted">
                    {a.parties.map((p) => p.organization.name).join(', ')}</div>
                </div>
              ))}
            </div>
          ))}
        </div>
      </div>

      <div className="section">
        <h2>{t('outcomes.title')}</h2>
        {outcomes.length === 0 ? <p className="muted">{t('outcomes.empty')}</p> : (
          <table className="data" data-testid="all-outcomes">
            <thead><tr>
              <th>{t('fields.title')}</th><th>{t('fields.kind')}</th>
              <th>{t('fields.project')}</th><th>{t('fields.readinessLevel')}</th>
              <th>{t('fields.recorded')}</th>
            </tr></thead>
            <tbody>
              {outcomes.map((o) => (
                <tr key={o.id}>
                  <td><Link href={`/transfer/outcomes/${o.id}`}>{o.title}</Link></td>
                  <td>{t(`outcomeKinds.${o.kind}`)}</td>
                  <td><Link href={`/projects/${o.project.id}/transfer`}>
                    {o.project.title}</Link></td>
                  <td>{o.evaluations[0] ? `TRL ${o.evaluations[0].readinessLevel}` : ''}</td>
                  <td>{format.dateTime(o.createdAt, { dateStyle: 'medium' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  )
}
