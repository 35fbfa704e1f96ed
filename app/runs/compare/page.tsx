import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { requirePageUser } from '@/lib/auth/session'
import { historyOf, reportOf, runsToCompare } from '@/lib/runs/queries'
import { CompareCurves } from '@/components/runs/compare-curves'

/** Runs side by side: configurations, results and curves (?id=…&id=…). */
export default async function ComparePage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const params = await props.searchParams
  const ids = [params.id ?? [], params.ids?.toString().split(',') ?? []].flat()
    .filter(Boolean).slice(0, 6)
  const user = await requirePageUser(`/runs/compare?${ids.map((id) => `id=${id}`).join('&')}`)
  const t = await getTranslations('runs')
  const runs = await runsToCompare(user.id, ids)
  if (runs.length === 0) return <p className="empty">{t('compare.notFound')}</p>

  const configs = runs.map((run) => run.config as Record<string, unknown>)
  const keys = [...new Set(configs.flatMap((config) => Object.keys(config)))].sort()
  const reports = runs.map((run) => reportOf(run.metrics))
  const percent = (value: number | undefined) =>
    value === undefined ? '–' : `${(value * 100).toFixed(2)}%`
  const seconds = (value: number | null) =>
    value === null ? '–' : t('page.seconds', { value: value.toFixed(1) })
  const rows: [string, (index: number) => string][] = [
    [t('leaderboard.preset'), (i) => t(`presets.${runs[i].preset}` as 'presets.reference')],
    [t('section.dataset'), (i) => `${runs[i].datasetVersion.dataset.name} ` +
      `v${runs[i].datasetVersion.version}`],
    [t('section.status'), (i) => t(`status.${runs[i].status}`)],
    [t('page.testAccuracy'), (i) => percent(reports[i]?.accuracy)],
    [t('page.testLoss'), (i) => reports[i]?.loss.toFixed(4) ?? '–'],
    [t('page.macroF1'), (i) => reports[i]?.macroF1.toFixed(4) ?? '–'],
    [t('page.trainSeconds'), (i) => seconds(runs[i].trainSeconds)],
    [t('page.backend'), (i) => runs[i].backend ?? '–'],
    ...keys.map((key): [string, (index: number) => string] =>
      [key, (i) => configText(configs[i][key])]),
  ]

  const version = runs[0].datasetVersion
  const oneVersion = runs.every((run) => run.datasetVersion.id === version.id)

  return (
    <article>
      <div className="page-heading">
        {oneVersion && <p><Link href={`/runs/leaderboard/${version.id}`}>
          {t('leaderboard.title', { dataset: version.dataset.name, version: version.version })}
        </Link></p>}
        <h1>{t('compare.title')}</h1>
      </div>
      <section className="section">
        <table className="data compare" data-testid="compare-table">
          <thead>
            <tr><th>{t('compare.field')}</th>
              {runs.map((run) => <th key={run.id}><Link href={`/runs/${run.id}`}>
                {run.name}</Link></th>)}</tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => {
              const values = runs.map((_, index) => value(index))
              const differs = new Set(values).size > 1
              return (
                <tr key={label} className={differs ? 'differs' : undefined}>
                  <th scope="row">{label}</th>
                  {values.map((text, index) => <td key={runs[index].id}>{text}</td>)}
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
      <section className="section">
        <h2>{t('compare.curves')}</h2>
        <CompareCurves series={runs.map((run) => ({ id: run.id, name: run.name,
          history: historyOf(run.history) }))} />
      </section>
    </article>
  )
}

/** A configuration value as a person reads it: text without JSON quotes. */
function configText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null)
}
