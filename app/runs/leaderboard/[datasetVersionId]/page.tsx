import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { canOnDataset } from '@/lib/access/datasets'
import { requirePageUser } from '@/lib/auth/session'
import { findDatasetVersion, leaderboard } from '@/lib/runs/queries'
import { leaderboardQuerySchema } from '@/lib/runs/schemas'

const METRICS = ['accuracy', 'macroF1', 'loss'] as const
const SPLITS = ['test', 'validation'] as const

/** Succeeded runs on one dataset version, best first; pick runs to compare. */
export default async function LeaderboardPage(props: {
  params: Promise<{ datasetVersionId: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { datasetVersionId } = await props.params
  const user = await requirePageUser(`/runs/leaderboard/${datasetVersionId}`)
  const version = await findDatasetVersion(datasetVersionId)
  if (!version || !(await canOnDataset(user.id, version.datasetId, 'view')).allowed) notFound()
  const parsed = leaderboardQuerySchema.safeParse(await props.searchParams)
  const query = parsed.success ? parsed.data : leaderboardQuerySchema.parse({})

  const t = await getTranslations('runs')
  const entries = await leaderboard({ datasetVersionId, userId: user.id, ...query })
  const link = (change: Partial<typeof query>) => {
    const next = { ...query, ...change }
    return `/runs/leaderboard/${datasetVersionId}?metric=${next.metric}&split=${next.split}`
  }
  const digits = (value: number) =>
    query.metric === 'loss' ? value.toFixed(4) : `${(value * 100).toFixed(2)}%`

  return (
    <article>
      <div className="page-heading">
        <h1>{t('leaderboard.title', { dataset: version.dataset.name,
          version: version.version })}</h1>
      </div>
      <nav className="filters">
        <span className="muted">{t('leaderboard.metric')}</span>
        {METRICS.map((metric) => (
          <Link key={metric} href={link({ metric })}
            className={metric === query.metric ? 'button primary' : 'button'}>
            {t(`leaderboard.${metric}`)}</Link>
        ))}
        <span className="muted">{t('leaderboard.split')}</span>
        {SPLITS.map((split) => (
          <Link key={split} href={link({ split })}
            className={split === query.split ? 'button primary' : 'button'}>
            {t(`leaderboard.${split}`)}</Link>
        ))}
      </nav>
      {entries.length === 0 ? <p className="empty">{t('leaderboard.empty')}</p> : (
        <form action="/runs/compare" method="get" className="section">
          <table className="data" data-testid="leaderboard">
            <thead>
              <tr><th /><th>{t('leaderboard.rank')}</th><th>{t('leaderboard.run')}</th>
                <th>{t('leaderboard.preset')}</th><th className="num">{t('leaderboard.score')}</th>
                <th>{t('section.launchedBy')}</th></tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={entry.run.id} data-testid="leaderboard-row">
                  <td><input type="checkbox" name="id" value={entry.run.id}
                    aria-label={entry.run.name} /></td>
                  <td>{index + 1}</td>
                  <td><Link href={`/runs/${entry.run.id}`}>{entry.run.name}</Link></td>
                  <td>{t(`presets.${entry.run.preset}` as 'presets.reference')}</td>
                  <td className="num">{digits(entry.score)}</td>
                  <td>{entry.run.createdBy.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t('leaderboard.compareHint')}</p>
          <button type="submit" className="button primary" data-testid="compare-selected">
            {t('leaderboard.compare')}</button>
        </form>
      )}
    </article>
  )
}
