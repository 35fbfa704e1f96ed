import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { canOnRun } from '@/lib/access/runs'
import { requirePageUser } from '@/lib/auth/session'
import { evaluationReport } from '@/lib/runs/report'
import { EvaluationView } from '@/components/runs/evaluation-view'
import { LearningCurves } from '@/components/runs/learning-curves'
import { PrintButton } from '@/components/runs/print-button'

/** The evaluation report laid out for paper (the site header is hidden when printing). */
export default async function RunReportPage(props: { params: Promise<{ runId: string }> }) {
  const { runId } = await props.params
  const user = await requirePageUser(`/runs/${runId}/report`)
  if (!(await canOnRun(user.id, runId, 'view')).allowed) notFound()
  const report = await evaluationReport(runId)
  if (!report) notFound()

  const t = await getTranslations('runs')
  const format = await getFormatter()
  return (
    <article className="printable-report" data-testid="printable-report">
      <div className="page-heading section-heading">
        <div>
          <h1>{t('report.title')}: {report.run.name}</h1>
          <p className="muted">{t('report.generated', { id: report.run.id,
            project: report.run.project })}</p>
        </div>
        <PrintButton label={t('report.print')} />
      </div>
      <dl className="facts">
        <dt>{t('report.dataset')}</dt>
        <dd>{report.dataset.name} v{report.dataset.version}</dd>
        <dt>{t('page.datasetChecksum')}</dt><dd><code>{report.dataset.checksum}</code></dd>
        <dt>{t('report.launchedBy')}</dt><dd>{report.run.launchedBy}</dd>
        <dt>{t('section.status')}</dt><dd>{t(`status.${report.run.status}`)}</dd>
        {report.run.finishedAt && <><dt>{t('report.finishedAt')}</dt>
          <dd>{format.dateTime(report.run.finishedAt, { dateStyle: 'medium',
            timeStyle: 'short' })}</dd></>}
        <dt>{t('page.seed')}</dt><dd>{report.reproducibility.seed}</dd>
        <dt>{t('page.backend')}</dt><dd>{report.reproducibility.backend ?? '–'}</dd>
        <dt>{t('page.tfjs')}</dt>
        <dd>{(report.reproducibility.libraryVersions as { tfjs?: string } | null)?.tfjs
          ?? '–'}</dd>
      </dl>
      {report.evaluation && <>
        <h2>{t('page.evaluation')}</h2>
        <EvaluationView report={report.evaluation} />
      </>}
      <h2>{t('page.curves')}</h2>
      <LearningCurves history={report.learningCurves} />
      <h2>{t('page.config')}</h2>
      <pre className="config">{JSON.stringify(report.reproducibility.config, null, 2)}</pre>
    </article>
  )
}
