import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { requirePageUser } from '@/lib/auth/session'
import { AppError } from '@/lib/errors'
import { getInvitation } from '@/lib/projects/members'
import { ActionForm } from '@/components/action-form'
import { acceptInvitationAction, declineInvitationAction } from './actions'

export default async function InvitationPage(props: PageProps<'/projects/invitations/[token]'>) {
  const { token } = await props.params
  const user = await requirePageUser(`/projects/invitations/${token}`)
  const invitation = await getInvitation(user, token).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound()
    throw error
  })
  const t = await getTranslations('projects')
  const format = await getFormatter()
  const expired = invitation.expiresAt <= new Date()
  const open = !invitation.acceptedAt && !invitation.declinedAt && !expired

  return (
    <section className="auth-card" data-testid="invitation">
      <h1>{t('invitations.pageTitle')}</h1>
      <p>{t('invitations.invitedTo', { project: invitation.project.title,
        role: t(`roles.${invitation.role}`), organization: invitation.organization.name })}</p>
      <p className="muted">{t('invitations.pendingUntil', {
        date: format.dateTime(invitation.expiresAt, { dateStyle: 'medium' }) })}</p>
      {invitation.acceptedAt && <p className="notice">{t('invitations.alreadyAccepted')}</p>}
      {invitation.declinedAt && <p className="form-error">{t('invitations.declined')}</p>}
      {expired && !invitation.acceptedAt
        && <p className="form-error">{t('invitations.expired')}</p>}
      {open && <div className="button-row">
        <ActionForm action={acceptInvitationAction.bind(null, token)} fields={[]}
          submitLabel={t('invitations.accept')} testId="accept-invitation" />
        <ActionForm action={declineInvitationAction.bind(null, token)} fields={[]}
          submitLabel={t('invitations.decline')} testId="decline-invitation" tone="secondary" />
      </div>}
    </section>
  )
}
