import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { decideProposalAction } from '@/lib/access/proposals'
import { requirePageUser } from '@/lib/auth/session'
import { AppError } from '@/lib/errors'
import { userOrganizationIds } from '@/lib/organizations/queries'
import { authorNames, projectForProposal, proposalFor } from '@/lib/proposals/proposals'
import { ActionForm } from '@/components/action-form'
import { acceptAction, commentAction, screenAction, withdrawAction } from '../actions'

export default async function ProposalPage(props: PageProps<'/proposals/[proposalId]'>) {
  const { proposalId } = await props.params
  const user = await requirePageUser(`/proposals/${proposalId}`)
  const proposal = await proposalFor(user, proposalId, 'view').catch((error) => {
    if (error instanceof AppError) notFound()
    throw error
  })
  const subject = { id: user.id, organizationIds: await userOrganizationIds(user.id) }
  const access = { authorId: proposal.authorId, status: proposal.status,
    needOrganizationId: proposal.need.organizationId }
  const canScreen = decideProposalAction(subject, access, 'screen').allowed
  const canWithdraw = decideProposalAction(subject, access, 'withdraw').allowed
  const names = await authorNames([proposal.authorId, ...proposal.comments.map((c) => c.authorId)])
  const t = await getTranslations('proposals')
  const format = await getFormatter()
  const text = (label: string, value: string) => value && <><h3>{label}</h3>
    <p className="prose">{value}</p></>
  const project = proposal.status === 'ACCEPTED'
    ? await projectForProposal(proposalId) : null

  return (
    <article>
      <div className="page-heading">
        <h1 data-testid="proposal-title">{proposal.title}</h1>
        <p className="muted">
          {names.get(proposal.authorId)} · {proposal.organization.name} ·{' '}
          {t('detail.forNeed')}{' '}
          <Link href={`/needs/${proposal.needId}`}>{proposal.need.title}</Link>
        </p>
        <p className="card-meta">
          <span className="badge" data-testid="proposal-status">
            {t(`status.${proposal.status}`)}</span>
          <span>TRL {proposal.readinessLevel}</span>
          {proposal.score != null && <span>{t('detail.score', { score: proposal.score })}</span>}
          {project && <Link href={`/projects/${project.id}`} data-testid="proposal-project">
            {t('detail.project', { title: project.title })}</Link>}
        </p>
      </div>

      <section className="section">
        {text(t('fields.approach'), proposal.approach)}
        {text(t('fields.team'), proposal.team)}
        {text(t('fields.timeline'), proposal.timeline)}
        {text(t('fields.priorWork'), proposal.priorWork)}
      </section>

      {canScreen && (
        <section className="section">
          <h2>{t('detail.screening')}</h2>
          <ActionForm action={screenAction.bind(null, proposalId)} testId="screen-form" keepValues
            submitLabel={t('detail.saveScreening')} successMessage={t('detail.saved')} fields={[
              { name: 'status', label: t('fields.status'), type: 'select',
                defaultValue: proposal.status, options: ['SUBMITTED', 'SHORTLISTED', 'DECLINED']
                  .map((s) => ({ value: s, label: t(`status.${s}`) })) },
              { name: 'score', label: t('fields.score'), type: 'number',
                defaultValue: proposal.score?.toString(), hint: t('detail.scoreHint') },
            ]} />
          <h3>{t('detail.acceptTitle')}</h3>
          <p className="muted">{t('detail.acceptIntro')}</p>
          <ActionForm action={acceptAction.bind(null, proposalId)} fields={[]}
            testId="accept-proposal" submitLabel={t('detail.accept')} />
        </section>
      )}
      {canWithdraw && (
        <section className="section">
          <ActionForm action={withdrawAction.bind(null, proposalId)} fields={[]}
            testId="withdraw-proposal" submitLabel={t('detail.withdraw')} />
        </section>
      )}

      <section className="section">
        <h2>{t('detail.comments')}</h2>
        {proposal.comments.length === 0 ? <p className="muted">{t('detail.noComments')}</p> : (
          <ul className="feed" data-testid="comments">
            {proposal.comments.map((c) => (
              <li key={c.id}><span className="feed-actor">{names.get(c.authorId)}</span>
                <span className="prose">{c.body}</span>
                <time className="muted">{format.dateTime(c.createdAt,
                  { dateStyle: 'medium', timeStyle: 'short' })}</time></li>
            ))}
          </ul>
        )}
        <ActionForm action={commentAction.bind(null, proposalId)} testId="comment-form"
          submitLabel={t('detail.addComment')} fields={[
            { name: 'body', label: t('fields.comment'), type: 'textarea' }]} />
      </section>
    </article>
  )
}
