import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { requirePageUser } from '@/lib/auth/session'
import { notifyMilestonesDueSoon } from '@/lib/notifications/due-soon'
import { listPendingInvitationsForEmail } from '@/lib/projects/members'
import { listProjectsForUser } from '@/lib/projects/queries'

export default async function DashboardPage() {
  const user = await requirePageUser('/')
  await notifyMilestonesDueSoon(user.id)
  const [projects, invitations] = await Promise.all([
    listProjectsForUser(user.id), listPendingInvitationsForEmail(user.email),
  ])
  const t = await getTranslations('projects')
  const format = await getFormatter()

  return (
    <section>
      <div className="page-heading">
        <h1>{t('dashboard.title')}</h1>
        <p className="muted">{t('dashboard.welcome', { name: user.name })}</p>
        <div className="button-row">
          <Link href="/projects/new" className="button primary" data-testid="new-project">
            {t('dashboard.newProject')}</Link>
          <a href="/api/projects?format=csv" className="button" data-testid="projects-csv">
            {t('dashboard.exportCsv')}</a>
        </div>
      </div>
      {invitations.length > 0 && (
        <div className="section" data-testid="dashboard-invitations">
          <h2>{t('dashboard.invitations')}</h2>
          <ul className="plain-list">
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {t('invitations.invitedTo', { project: invitation.project.title,
                  role: t(`roles.${invitation.role}`),
                  organization: invitation.organization.name })}{' '}
                <Link href={`/projects/invitations/${invitation.token}`}>
                  {t('dashboard.openInvitation')}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {projects.length === 0 ? (
        <p className="empty" data-testid="no-projects">{t('dashboard.empty')}</p>
      ) : (
        <ul className="card-list" data-testid="project-list">
          {projects.map((project) => (
            <li key={project.id} className="card">
              <Link href={`/projects/${project.id}`} className="card-title">{project.title}</Link>
              <p className="muted">
                {project.organizations.map((link) => link.organization.name).join(' · ')}
              </p>
              <p className="card-meta">
                <span className={`badge status-${project.status.toLowerCase()}`}>
                  {t(`status.${project.status}`)}
                </span>
                <span>{t(`roles.${project.members[0]?.role ?? 'VIEWER'}`)}</span>
                <span>{t('dashboard.counts', {
                  datasets: project._count.datasets,
                  runs: project._count.runs,
                  members: project._count.members,
                })}</span>
                <span>{format.dateTime(project.updatedAt, { dateStyle: 'medium' })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
