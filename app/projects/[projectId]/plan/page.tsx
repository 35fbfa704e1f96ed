import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { canOnProject } from '@/lib/access/projects'
import { requirePageUser } from '@/lib/auth/session'
import { isOverdue, listMilestones } from '@/lib/milestones/milestones'
import { listCommitments, listWorkPackages } from '@/lib/projects/plan'
import { getProjectOrThrow } from '@/lib/projects/setup'
import { projectArtifacts, projectChoices } from '@/lib/projects/queries'
import { MILESTONE_STATUSES, RESOURCE_KINDS } from '@/lib/projects/schemas'
import { buildTimeline } from '@/lib/projects/timeline'
import { ActionForm } from '@/components/action-form'
import { ProjectTabs } from '@/components/project-tabs'
import { runChoiceLabel } from '@/components/runs/run-choice-label'
import { Timeline } from '@/components/project-timeline'
import {
  createCommitmentAction, createMilestoneAction, createWorkPackageAction, milestoneStatusAction,
} from '../actions'

export default async function PlanPage(props: PageProps<'/projects/[projectId]/plan'>) {
  const { projectId } = await props.params
  const user = await requirePageUser(`/projects/${projectId}/plan`)
  if (!(await canOnProject(user.id, projectId, 'view')).allowed) notFound()
  const canEdit = (await canOnProject(user.id, projectId, 'manage_plan')).allowed

  const [project, milestones, workPackages, commitments, choices, artifacts] = await Promise.all([
    getProjectOrThrow(projectId), listMilestones(projectId), listWorkPackages(projectId),
    listCommitments(projectId), projectChoices(projectId), projectArtifacts(projectId),
  ])
  const t = await getTranslations('projects')
  const runLabel = await runChoiceLabel()
  const format = await getFormatter()
  const date = (value: Date | null) => value ? format.dateTime(value, { dateStyle: 'medium' }) : ''
  const timeline = buildTimeline({
    startDate: project.startDate, endDate: project.endDate, milestones,
    workPackages: workPackages.map((w) => ({ ...w,
      organization: w.responsibleOrganization.name })),
  })
  const organizationOptions = choices.organizations.map((o) => ({ value: o.id, label: o.name }))
  const none = { value: '', label: t('form.none') }

  return (
    <article>
      <ProjectTabs projectId={projectId} title={project.title} current="plan" />

      <section className="section" data-testid="timeline">
        <h2>{t('timeline.title')}</h2>
        {timeline ? <Timeline timeline={timeline} />
          : <p className="muted">{t('timeline.empty')}</p>}
      </section>

      <section className="section">
        <h2>{t('milestones.title')}</h2>
        {milestones.length === 0 ? <p className="muted">{t('milestones.empty')}</p> : (
          <table className="data" data-testid="milestones">
            <thead><tr>
              <th>{t('fields.title')}</th><th>{t('fields.dueDate')}</th>
              <th>{t('fields.status')}</th><th>{t('fields.deliverable')}</th>
            </tr></thead>
            <tbody>
              {milestones.map((m) => (
                <tr key={m.id} className={isOverdue(m) ? 'overdue' : undefined}
                  data-testid="milestone-row">
                  <td>{m.title}{m.description && <div className="muted">{m.description}</div>}</td>
                  <td>{date(m.dueDate)}{isOverdue(m) && <> <span className="badge status-failed"
                    data-testid="overdue">{t('milestones.overdue')}</span></>}</td>
                  <td>{canEdit ? (
                    <ActionForm inline action={milestoneStatusAction.bind(null, projectId, m.id)}
                      submitLabel={t('form.update')} fields={[{ name: 'status', type: 'select',
                        label: t('fields.status'), defaultValue: m.status,
                        options: MILESTONE_STATUSES.map((s) => ({ value: s,
                          label: t(`milestoneStatus.${s}`) })) }]} />
                  ) : t(`milestoneStatus.${m.status}`)}</td>
                  <td>
                    {m.deliverable}
                    {m.deliverableRun && <div><Link href={`/runs/${m.deliverableRun.id}/report`}
                      data-testid="deliverable-run">
                      {t('milestones.runReport',
                        { name: m.deliverableRun.name || m.deliverableRun.id })}
                    </Link></div>}
                    {m.deliverableDatasetVersion && <div><Link data-testid="deliverable-version"
                      href={`/datasets/${m.deliverableDatasetVersion.dataset.id}`}>
                      {t('milestones.datasetVersion', {
                        name: m.deliverableDatasetVersion.dataset.name,
                        version: m.deliverableDatasetVersion.version })}</Link></div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canEdit && <>
          <h3>{t('milestones.add')}</h3>
          <ActionForm action={createMilestoneAction.bind(null, projectId)} testId="milestone-form"
            submitLabel={t('milestones.add')} successMessage={t('form.saved')} fields={[
              { name: 'title', label: t('fields.title') },
              { name: 'dueDate', label: t('fields.dueDate'), type: 'date' },
              { name: 'description', label: t('fields.description'), type: 'textarea' },
              { name: 'deliverable', label: t('fields.deliverable') },
              { name: 'deliverableRunId', label: t('fields.deliverableRun'), type: 'select',
                options: [none, ...artifacts.runs.map((r) => ({ value: r.id,
                  label: runLabel(r) }))] },
              { name: 'deliverableDatasetVersionId', label: t('fields.deliverableVersion'),
                type: 'select', options: [none, ...artifacts.versions.map((v) => ({
                  value: v.id, label: `${v.dataset.name} v${v.version}` }))] },
            ]} />
        </>}
      </section>

      <section className="section">
        <h2>{t('workPackages.title')}</h2>
        {workPackages.length === 0 ? <p className="muted">{t('workPackages.empty')}</p> : (
          <table className="data" data-testid="work-packages">
            <thead><tr>
              <th>{t('fields.title')}</th><th>{t('fields.responsible')}</th>
              <th>{t('fields.dates')}</th>
            </tr></thead>
            <tbody>
              {workPackages.map((w) => (
                <tr key={w.id}>
                  <td>{w.title}{w.description && <div className="muted">{w.description}</div>}</td>
                  <td>{w.responsibleOrganization.name}
                    {w.responsibleUserName && ` · ${w.responsibleUserName}`}</td>
                  <td>{date(w.startDate)} – {date(w.endDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canEdit && <>
          <h3>{t('workPackages.add')}</h3>
          <ActionForm action={createWorkPackageAction.bind(null, projectId)}
            testId="work-package-form" submitLabel={t('workPackages.add')}
            successMessage={t('form.saved')} fields={[
              { name: 'title', label: t('fields.title') },
              { name: 'responsibleOrganizationId', label: t('fields.responsibleOrganization'),
                type: 'select', options: organizationOptions },
              { name: 'responsibleUserId', label: t('fields.responsiblePerson'), type: 'select',
                options: [none, ...choices.members.map((m) => ({ value: m.id, label: m.name }))] },
              { name: 'startDate', label: t('fields.startDate'), type: 'date' },
              { name: 'endDate', label: t('fields.endDate'), type: 'date' },
              { name: 'description', label: t('fields.description'), type: 'textarea' },
            ]} />
        </>}
      </section>

      <section className="section">
        <h2>{t('commitments.title')}</h2>
        {commitments.length === 0 ? <p className="muted">{t('commitments.empty')}</p> : (
          <table className="data" data-testid="commitments">
            <thead><tr>
              <th>{t('fields.organization')}</th><th>{t('fields.kind')}</th>
              <th>{t('fields.description')}</th><th className="num">{t('fields.amount')}</th>
            </tr></thead>
            <tbody>
              {commitments.map((c) => (
                <tr key={c.id}>
                  <td>{c.organization.name}</td><td>{t(`resourceKinds.${c.kind}`)}</td>
                  <td>{c.description}</td>
                  <td className="num">{c.amount ?? ''} {c.unit ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canEdit && <>
          <h3>{t('commitments.add')}</h3>
          <ActionForm action={createCommitmentAction.bind(null, projectId)}
            testId="commitment-form" submitLabel={t('commitments.add')}
            successMessage={t('form.saved')} fields={[
              { name: 'organizationId', label: t('fields.organization'), type: 'select',
                options: organizationOptions },
              { name: 'kind', label: t('fields.kind'), type: 'select',
                options: RESOURCE_KINDS.map((k) => ({ value: k,
                  label: t(`resourceKinds.${k}`) })) },
              { name: 'description', label: t('fields.description') },
              { name: 'amount', label: t('fields.amount'), type: 'number' },
              { name: 'unit', label: t('fields.unit') },
            ]} />
        </>}
      </section>
    </article>
  )
}
