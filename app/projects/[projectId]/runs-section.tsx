import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { canOnProject } from '@/lib/access/projects'
import { listLaunchableVersions, listProjectRuns, reportOf } from '@/lib/runs/queries'
import { LaunchRunForm, type VersionOption } from '@/components/runs/launch-form'
import { RunStatusBadge } from '@/components/runs/status-badge'
import { runConfigPresetNames } from '@/ml/models/config'

/** The project's runs and the form that launches one; rendered on the project page. */
export async function RunsSection({ projectId, userId }: { projectId: string; userId: string }) {
  const t = await getTranslations('runs')
  const format = await getFormatter()
  const [runs, versions, mayLaunch] = await Promise.all([
    listProjectRuns(projectId),
    listLaunchableVersions(projectId),
    canOnProject(userId, projectId, 'launch_run'),
  ])
  const options: VersionOption[] = versions.map((version) => ({
    id: version.id,
    label: t('form.versionOption', {
      name: version.dataset.name, version: version.version,
      train: (version.metadata as { train?: { samples?: number } }).train?.samples ?? 0,
    }),
  }))

  return (
    <section className="section" id="runs" data-testid="runs-section">
      <div className="section-heading">
        <h2>{t('section.title')}</h2>
        {versions[0] && (
          <Link href={`/runs/leaderboard/${versions[0].id}`}>{t('section.leaderboard')}</Link>
        )}
      </div>
      {runs.length === 0 ? <p className="empty">{t('section.empty')}</p> : (
        <table className="data" data-testid="runs-table">
          <thead>
            <tr>
              <th>{t('section.name')}</th>
              <th>{t('section.dataset')}</th>
              <th>{t('section.status')}</th>
              <th className="num">{t('section.accuracy')}</th>
              <th>{t('section.launchedBy')}</th>
              <th>{t('section.queuedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const report = reportOf(run.metrics)
              return (
                <tr key={run.id}>
                  <td><Link href={`/runs/${run.id}`}>{run.name}</Link></td>
                  <td>
                    <Link href={`/runs/leaderboard/${run.datasetVersion.id}`}>
                      {run.datasetVersion.dataset.name} v{run.datasetVersion.version}
                    </Link>
                  </td>
                  <td><RunStatusBadge status={run.status} label={t(`status.${run.status}`)} />
                    {run.status === 'RUNNING' && ` ${Math.round(run.progress * 100)}%`}</td>
                  <td className="num">
                    {report ? format.number(report.accuracy, { style: 'percent',
                      maximumFractionDigits: 2 }) : '–'}
                  </td>
                  <td>{run.createdBy.name}</td>
                  <td>{format.dateTime(run.queuedAt, { dateStyle: 'short',
                    timeStyle: 'short' })}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}

      <h3>{t('section.launch')}</h3>
      {!mayLaunch.allowed ? <p className="muted">{t('section.cannotLaunch')}</p>
        : options.length === 0 ? <p className="muted">{t('section.noVersions')}</p>
          : <LaunchRunForm projectId={projectId} versions={options}
            presets={runConfigPresetNames} />}
    </section>
  )
}
