import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { canOnProject } from '@/lib/access/projects'
import { listProjectActivity } from '@/lib/activity/queries'
import { requirePageUser } from '@/lib/auth/session'
import { isOverdue, listMilestones } from '@/lib/milestones/milestones'
import { getProjectOverview } from '@/lib/projects/queries'
import { DatasetsSection } from './datasets-section'
import { RunsSection } from './runs-section'
import { ActivityList } from '@/components/activity-list'
import { ProjectTabs } from '@/components/project-tabs'

export default async function ProjectPage(props: PageProps<'/projects/[projectId]'>) {
  const { projectId } = await props.params
  const user = await requirePageUser(`/projects/${projectId}`)
  if (!(await canOnProject(user.id, projectId, 'view')).allowed) notFound()

  const project = await getProjectOverview(projectId)
  if (!project) notFound()
  const [milestones, activity] = await Promise.all([
    listMilestones(projectId), listProjectActivity(projectId, 8),
  ])
  const upcoming = milestones.filter((m) => !['DONE', 'CANCELLED'].includes(m.status)).slice(0, 5)
  const t = await getTranslations('projects')
  const format = await getFormatter()
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium' })

  return (
    <article>
      <ProjectTabs projectId={projectId} title={project.title} current="overview"
        subtitle={project.organizations.map((link) => link.organization.name).join(' · ')} />

      <section className="section">
        <dl className="facts">
          <dt>{t('fields.status')}</dt>
          <dd><span className={`badge status-${project.status.toLowerCase()}`}
            data-testid="project-status">{t(`status.${project.status}`)}</span></dd>
          <dt>{t('fields.dates')}</dt>
          <dd>{project.startDate || project.endDate ? t('page.dates', {
            start: project.startDate ? date(project.startDate) : '…',
            end: project.endDate ? date(project.endDate) : '…',
          }) : t('page.noDates')}</dd>
          {project.need && <><dt>{t('page.fromNeed')}</dt>
            <dd><Link href={`/needs/${project.need.id}`}>{project.need.title}</Link></dd></>}
        </dl>
        {project.summary && <p>{project.summary}</p>}
        {project.objectives && <><h3>{t('page.objectives')}</h3>
          <p className="prose">{project.objectives}</p></>}
        {project.plan && <><h3>{t('page.plan')}</h3><p className="prose">{project.plan}</p></>}
      </section>

      <div className="grid-2">
        <section className="section">
          <div className="section-heading">
            <h2>{t('page.upcoming')}</h2>
            <Link href={`/projects/${projectId}/plan`}>{t('page.openPlan')}</Link>
          </div>
          {upcoming.length === 0 ? <p className="muted">{t('milestones.empty')}</p> : (
            <ul className="plain-list">
              {upcoming.map((milestone) => (
                <li key={milestone.id} className={isOverdue(milestone) ? 'overdue' : undefined}>
                  <strong>{milestone.title}</strong> · {date(milestone.dueDate)}
                  {isOverdue(milestone) && <span className="badge status-failed">
                    {t('milestones.overdue')}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="section">
          <div className="section-heading">
            <h2>{t('page.members')}</h2>
            <Link href={`/projects/${projectId}/members`}>{t('page.openMembers')}</Link>
          </div>
          <ul className="plain-list" data-testid="member-summary">
            {project.members.map((member) => (
              <li key={member.userId}>{member.user.name} · {member.organization.name} ·{' '}
                {t(`roles.${member.role}`)}</li>
            ))}
          </ul>
        </section>
      </div>

      <section className="section">
        <div className="section-heading">
          <h2>{t('page.recentActivity')}</h2>
          <Link href={`/projects/${projectId}/activity`}>{t('page.openActivity')}</Link>
        </div>
        <ActivityList items={activity} />
      </section>
      <DatasetsSection projectId={projectId} userId={user.id} />
      <RunsSection projectId={projectId} userId={user.id} />
    </article>
  )
}
