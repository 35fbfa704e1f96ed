import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { canOnRun } from '@/lib/access/runs'
import { canOnProject } from '@/lib/access/projects'
import { requirePageUser } from '@/lib/auth/session'
import { runJson } from '@/lib/runs/present'
import { getRunDetail, listProjectMilestones, runsAhead } from '@/lib/runs/queries'
import { MilestoneAttach } from '@/components/runs/milestone-attach'
import { RunLive } from '@/components/runs/run-live'

export default async function RunPage(props: { params: Promise<{ runId: string }> }) {
  const { runId } = await props.params
  const user = await requirePageUser(`/runs/${runId}`)
  if (!(await canOnRun(user.id, runId, 'view')).allowed) notFound()
  const run = await getRunDetail(runId)
  if (!run) notFound()

  const t = await getTranslations('runs')
  const [cancel, attach, launch, milestones] = await Promise.all([
    canOnRun(user.id, runId, 'cancel'),
    canOnRun(user.id, runId, 'attach_milestone'),
    canOnProject(user.id, run.projectId, 'launch_run'),
    listProjectMilestones(run.projectId),
  ])
  // Asked only once the run has artifacts: each question is written to the audit trail.
  const finished = run.status === 'SUCCEEDED'
  const downloadModel = finished && (await canOnRun(user.id, runId, 'download_model')).allowed
  const viewSamples = finished && (await canOnRun(user.id, runId, 'view_samples')).allowed

  return (
    <article>
      <div className="page-heading">
        <p><Link href={`/projects/${run.projectId}#runs`}>
          {t('page.backToProject', { project: run.project.title })}</Link></p>
        <h1 data-testid="run-title">{run.name}</h1>
        <p className="muted">
          {t(`presets.${run.preset}` as 'presets.reference')} ·{' '}
          <Link href={`/runs/leaderboard/${run.datasetVersion.id}`}>
            {run.datasetVersion.dataset.name} v{run.datasetVersion.version}</Link> ·{' '}
          {run.createdBy.name}
        </p>
      </div>
      <RunLive initial={{ ...runJson(run), runsAhead: await runsAhead(run) }}
        can={{ cancel: cancel.allowed, launch: launch.allowed, downloadModel, viewSamples }} />
      {finished && (
        <section className="section">
          <h2>{t('page.milestone')}</h2>
          <p className="muted">{t('page.milestoneHint')}</p>
          <MilestoneAttach runId={run.id} canAttach={attach.allowed} milestones={milestones} />
        </section>
      )}
    </article>
  )
}
