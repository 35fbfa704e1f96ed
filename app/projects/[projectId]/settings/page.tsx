import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { canOnProject } from '@/lib/access/projects'
import { requirePageUser } from '@/lib/auth/session'
import { PROJECT_STATUSES } from '@/lib/projects/schemas'
import { getProjectOrThrow } from '@/lib/projects/setup'
import { ActionForm } from '@/components/action-form'
import { ProjectTabs } from '@/components/project-tabs'
import { updateProjectAction } from '../actions'

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : '')

export default async function SettingsPage(props: PageProps<'/projects/[projectId]/settings'>) {
  const { projectId } = await props.params
  const user = await requirePageUser(`/projects/${projectId}/settings`)
  if (!(await canOnProject(user.id, projectId, 'view')).allowed) notFound()
  const decision = await canOnProject(user.id, projectId, 'edit')
  const project = await getProjectOrThrow(projectId)
  const t = await getTranslations('projects')

  return (
    <article>
      <ProjectTabs projectId={projectId} title={project.title} current="settings" />
      <section className="section">
        <h2>{t('settings.title')}</h2>
        {!decision.allowed ? <p className="muted">{t('settings.readOnly')}</p> : (
          <ActionForm action={updateProjectAction.bind(null, projectId)} keepValues
            testId="project-form"
            submitLabel={t('form.save')} successMessage={t('form.saved')} fields={[
              { name: 'title', label: t('fields.title'), defaultValue: project.title },
              { name: 'summary', label: t('fields.summary'), type: 'textarea',
                defaultValue: project.summary },
              { name: 'objectives', label: t('fields.objectives'), type: 'textarea',
                defaultValue: project.objectives },
              { name: 'plan', label: t('fields.plan'), type: 'textarea',
                defaultValue: project.plan },
              { name: 'startDate', label: t('fields.startDate'), type: 'date',
                defaultValue: day(project.startDate) },
              { name: 'endDate', label: t('fields.endDate'), type: 'date',
                defaultValue: day(project.endDate) },
              { name: 'status', label: t('fields.status'), type: 'select',
                defaultValue: project.status,
                options: PROJECT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })) },
            ]} />
        )}
      </section>
    </article>
  )
}
