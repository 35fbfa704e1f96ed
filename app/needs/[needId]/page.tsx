import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { decideNeedAction } from '@/lib/access/needs'
import { requirePageUser } from '@/lib/auth/session'
import { AppError } from '@/lib/errors'
import { needFor } from '@/lib/needs/needs'
import { userOrganizationIds, userOrganizations } from '@/lib/organizations/queries'
import { authorNames, listProposalsForNeed } from '@/lib/proposals/proposals'
import { ActionForm } from '@/components/action-form'
import { needStatusAction, submitProposalAction } from '../actions'

export default async function NeedPage(props: PageProps<'/needs/[needId]'>) {
  const { needId } = await props.params
  const user = await requirePageUser(`/needs/${needId}`)
  const need = await needFor(user, needId, 'view').catch((error) => {
    if (error instanceof AppError) notFound()
    throw error
  })
  const organizationIds = await userOrganizationIds(user.id)
  const access = { ...need, invitedOrganizationIds: need.invited.map((l) => l.organizationId) }
  const canEdit = decideNeedAction(organizationIds, access, 'edit').allowed
  const canPropose = decideNeedAction(organizationIds, access, 'propose')
  const all = await listProposalsForNeed(needId)
  const proposals = canEdit ? all : all.filter((p) => p.authorId === user.id)
  const [names, mine] = await Promise.all([
    authorNames(proposals.map((p) => p.authorId)), userOrganizations(user.id),
  ])
  const t = await getTranslations('needs')
  const tp = await getTranslations('proposals')
  const format = await getFormatter()
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium' })
  const amount = (value: number | null) => (value == null ? '…' : format.number(value))
  const text = (label: string, value: string) => value && <><h3>{label}</h3>
    <p className="prose">{value}</p></>

  return (
    <article>
      <div className="page-heading section-heading">
        <div>
          <h1 data-testid="need-title">{need.title}</h1>
          <p className="muted">{need.organization.name} · <span
            className={`badge need-${need.status.toLowerCase()}`} data-testid="need-status">
            {t(`status.${need.status}`)}</span> · {t(`visibility.${need.visibility}`)}</p>
        </div>
        {canEdit && <div className="button-row">
          <Link className="button" href={`/needs/${needId}/edit`}>{t('detail.edit')}</Link>
          {need.status !== 'PUBLISHED' && <ActionForm fields={[]} testId="publish-need"
            action={needStatusAction.bind(null, needId, 'PUBLISHED')}
            submitLabel={t('detail.publish')} />}
          {need.status === 'PUBLISHED' && <ActionForm fields={[]} testId="close-need"
            action={needStatusAction.bind(null, needId, 'CLOSED')}
            submitLabel={t('detail.close')} />}
        </div>}
      </div>

      <section className="section">
        <dl className="facts">
          {(need.budgetMin != null || need.budgetMax != null) && <>
            <dt>{t('fields.budget')}</dt>
            <dd data-testid="need-budget">{amount(need.budgetMin)} – {amount(need.budgetMax)}
              {' '}{need.currency}</dd></>}
          {need.deadline && <><dt>{t('fields.deadline')}</dt><dd>{date(need.deadline)}</dd></>}
          {need.tags.length > 0 && <><dt>{t('fields.tags')}</dt>
            <dd>{need.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}</dd></>}
          {need.visibility === 'INVITED' && canEdit && <>
            <dt>{t('fields.invitedOrganizations')}</dt>
            <dd>{need.invited.map((l) => l.organization.name).join(', ')}</dd></>}
        </dl>
        {text(t('fields.problem'), need.problem)}
        {text(t('fields.goals'), need.goals)}
        {text(t('fields.desiredOutcome'), need.desiredOutcome)}
        {text(t('fields.constraints'), need.constraints)}
        {text(t('fields.dataAvailable'), need.dataAvailable)}
      </section>

      <section className="section">
        <h2>{canEdit ? t('detail.proposalsReceived') : t('detail.yourProposals')}</h2>
        {proposals.length === 0 ? <p className="muted">{t('detail.noProposals')}</p> : (
          <table className="data" data-testid="need-proposals">
            <thead><tr>
              <th>{tp('fields.title')}</th><th>{tp('fields.author')}</th>
              <th>{tp('fields.status')}</th><th className="num">{tp('fields.score')}</th>
              <th>TRL</th>
            </tr></thead>
            <tbody>
              {proposals.map((p) => (
                <tr key={p.id}>
                  <td><Link href={`/proposals/${p.id}`}>{p.title}</Link></td>
                  <td>{names.get(p.authorId)} · {p.organization.name}</td>
                  <td>{tp(`status.${p.status}`)}</td>
                  <td className="num">{p.score ?? ''}</td><td>{p.readinessLevel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {!canEdit && canPropose.allowed && (
        <section className="section">
          <h2>{tp('new.title')}</h2>
          <ActionForm action={submitProposalAction.bind(null, needId)} testId="proposal-form"
            submitLabel={tp('new.submit')} fields={[
              { name: 'organizationId', label: tp('fields.organization'), type: 'select',
                options: mine.map((o) => ({ value: o.id, label: o.name })) },
              { name: 'title', label: tp('fields.title') },
              { name: 'approach', label: tp('fields.approach'), type: 'textarea' },
              { name: 'team', label: tp('fields.team'), type: 'textarea' },
              { name: 'timeline', label: tp('fields.timeline'), type: 'textarea' },
              { name: 'readinessLevel', label: tp('fields.readinessLevel'), type: 'select',
                defaultValue: '3', options: Array.from({ length: 9 }, (_, i) => ({
                  value: String(i + 1), label: tp(`trl.${i + 1}`) })) },
              { name: 'priorWork', label: tp('fields.priorWork'), type: 'textarea' },
            ]} />
        </section>
      )}
    </article>
  )
}
