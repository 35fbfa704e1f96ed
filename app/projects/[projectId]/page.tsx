import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { canOnProject } from '@/lib/access/projects'
import { requirePageUser } from '@/lib/auth/session'
import { getProjectOverview } from '@/lib/projects/queries'
import { RunsSection } from './runs-section'

export default async function ProjectPage(props: PageProps<'/projects/[projectId]'>) {
  const { projectId } = await props.params
  const user = await requirePageUser(`/projects/${projectId}`)
  if (!(await canOnProject(user.id, projectId, 'view')).allowed) notFound()

  const project = await getProjectOverview(projectId)
  if (!project) notFound()
  const t = await getTranslations('projects')
  const format = await getFormatter()

  return (
    <article>
      <div className="page-heading">
        <h1 data-testid="project-title">{project.title}</h1>
        <p className="muted">
          {project.organizations.map((link) => link.organization.name).join(' · ')}
          {project.startDate && project.endDate && ' · ' + t('page.dates', {
            start: format.dateTime(project.startDate, { dateStyle: 'medium' }),
            end: format.dateTime(project.endDate, { dateStyle: 'medium' }),
          })}
        </p>
      </div>
      {project.summary && <p>{project.summary}</p>}

      <section className="section">
        <h2>{t('page.members')}</h2>
        <table className="data">
          <tbody>
            {project.members.map((member) => (
              <tr key={member.userId}>
                <td>{member.user.name}</td>
                <td>{member.organization.name}</td>
                <td>{t(`roles.${member.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <RunsSection projectId={projectId} userId={user.id} />
    </article>
  )
}
