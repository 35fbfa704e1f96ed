import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { canOnProject } from '@/lib/access/projects'
import { requirePageUser } from '@/lib/auth/session'
import { listOrganizations } from '@/lib/organizations/queries'
import { listProjectInvitations } from '@/lib/projects/members'
import { getProjectOverview } from '@/lib/projects/queries'
import { PROJECT_ROLES } from '@/lib/projects/schemas'
import { ActionForm } from '@/components/action-form'
import { ProjectTabs } from '@/components/project-tabs'
import { changeRoleAction, inviteAction, removeMemberAction } from '../actions'

export default async function MembersPage(props: PageProps<'/projects/[projectId]/members'>) {
  const { projectId } = await props.params
  const user = await requirePageUser(`/projects/${projectId}/members`)
  if (!(await canOnProject(user.id, projectId, 'view')).allowed) notFound()
  const canManage = (await canOnProject(user.id, projectId, 'manage_members')).allowed

  const [project, invitations, organizations] = await Promise.all([
    getProjectOverview(projectId), listProjectInvitations(projectId), listOrganizations(),
  ])
  if (!project) notFound()
  const t = await getTranslations('projects')
  const format = await getFormatter()
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium' })
  const roleOptions = PROJECT_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))
  const now = new Date()

  return (
    <article>
      <ProjectTabs projectId={projectId} title={project.title} current="members"
        subtitle={project.organizations.map((link) => link.organization.name).join(' · ')} />

      <section className="section">
        <h2>{t('page.members')}</h2>
        <table className="data" data-testid="members">
          <thead><tr>
            <th>{t('fields.name')}</th><th>{t('fields.organization')}</th>
            <th>{t('fields.role')}</th><th>{t('fields.accessEndsAt')}</th>
            {canManage && <th />}
          </tr></thead>
          <tbody>
            {project.members.map((member) => (
              <tr key={member.userId}>
                <td>{member.user.name}<div className="muted">{member.user.email}</div></td>
                <td>{member.organization.name}</td>
                <td>{canManage && member.userId !== user.id ? (
                  <ActionForm inline submitLabel={t('form.update')}
                    action={changeRoleAction.bind(null, projectId, member.userId)}
                    fields={[{ name: 'role', label: t('fields.role'), type: 'select',
                      defaultValue: member.role, options: roleOptions }]} />
                ) : t(`roles.${member.role}`)}</td>
                <td>{member.accessEndsAt ? date(member.accessEndsAt) : ''}</td>
                {canManage && <td>{member.userId !== user.id && (
                  <ActionForm inline tone="danger" submitLabel={t('members.remove')} fields={[]}
                    action={removeMemberAction.bind(null, projectId, member.userId)} />
                )}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="section">
        <h2>{t('invitations.title')}</h2>
        {invitations.length === 0 ? <p className="muted">{t('invitations.empty')}</p> : (
          <table className="data" data-testid="invitations">
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td><td>{t(`roles.${invitation.role}`)}</td>
                  <td>{invitation.organization.name}</td>
                  <td>{invitation.declinedAt ? t('invitations.declined')
                    : invitation.expiresAt <= now ? t('invitations.expired')
                      : t('invitations.pendingUntil', { date: date(invitation.expiresAt) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canManage && <>
          <h3>{t('invitations.invite')}</h3>
          <ActionForm action={inviteAction.bind(null, projectId)} testId="invite-form"
            submitLabel={t('invitations.send')} successMessage={t('invitations.sent')} fields={[
              { name: 'email', label: t('fields.email'), type: 'email' },
              { name: 'role', label: t('fields.role'), type: 'select', options: roleOptions,
                defaultValue: 'RESEARCHER' },
              { name: 'organizationId', label: t('fields.organization'), type: 'select',
                options: organizations.map((o) => ({ value: o.id, label: o.name })) },
              { name: 'expiresAt', label: t('fields.expiresAt'), type: 'date',
                hint: t('invitations.expiryHint') },
            ]} />
        </>}
      </section>
    </article>
  )
}
