import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { projectMembership } from '@/lib/access/projects'
import { decideTransferAction } from '@/lib/access/transfer'
import { requirePageUser } from '@/lib/auth/session'
import { AppError } from '@/lib/errors'
import { getAgreement } from '@/lib/transfer/agreements'
import { AGREEMENT_STATUSES } from '@/lib/transfer/schemas'
import { ActionForm } from '@/components/action-form'
import { agreementStatusAction } from '../../actions'

export default async function AgreementPage(
  props: PageProps<'/transfer/agreements/[agreementId]'>,
) {
  const { agreementId } = await props.params
  const user = await requirePageUser(`/transfer/agreements/${agreementId}`)
  const agreement = await getAgreement(user, agreementId).catch((error) => {
    if (error instanceof AppError) notFound()
    throw error
  })
  const canManage = decideTransferAction(await projectMembership(user.id, agreement.projectId),
    'manage_agreements').allowed
  const t = await getTranslations('transfer')
  const format = await getFormatter()
  const date = (value: Date | null) =>
    value ? format.dateTime(value, { dateStyle: 'medium' }) : '—'

  return (
    <article>
      <div className="page-heading">
        <h1 data-testid="agreement-title">{agreement.title}</h1>
        <p className="muted">{t(`agreementKinds.${agreement.kind}`)} ·{' '}
          <Link href={`/projects/${agreement.project.id}/transfer`}>
            {agreement.project.title}</Link>
          {' · '}<span className={`badge agreement-${agreement.status.toLowerCase()}`}
            data-testid="agreement-status">{t(`agreementStatus.${agreement.status}`)}</span></p>
      </div>
      <section className="section">
        <dl className="facts">
          {agreement.outcome && <><dt>{t('fields.outcome')}</dt><dd>
            <Link href={`/transfer/outcomes/${agreement.outcome.id}`}>
              {agreement.outcome.title}</Link>
          </dd></>}
          <dt>{t('fields.parties')}</dt>
          <dd data-testid="parties">{agreement.parties.map((p) =>
            `${p.organization.name} (${p.role})`).join(', ')}</dd>
          <dt>{t('fields.fieldOfUse')}</dt><dd>{agreement.fieldOfUse || '—'}</dd>
          <dt>{t('fields.territory')}</dt><dd>{agreement.territory || '—'}</dd>
          <dt>{t('fields.fees')}</dt><dd>{agreement.fees || '—'}</dd>
          <dt>{t('fields.royalty')}</dt><dd>{agreement.royalty || '—'}</dd>
          <dt>{t('fields.effectiveDate')}</dt><dd>{date(agreement.effectiveDate)}</dd>
          <dt>{t('fields.signedDate')}</dt><dd data-testid="signed-date">
            {date(agreement.signedDate)}</dd>
          <dt>{t('fields.endDate')}</dt><dd>{date(agreement.endDate)}</dd>
        </dl>
        {agreement.termsSummary && <><h3>{t('fields.termsSummary')}</h3>
          <p className="prose">{agreement.termsSummary}</p></>}
      </section>
      {canManage && (
        <section className="section">
          <h2>{t('agreements.changeStatus')}</h2>
          <ActionForm action={agreementStatusAction.bind(null, agreementId)} keepValues
            testId="agreement-status-form" submitLabel={t('agreements.saveStatus')}
            successMessage={t('form.saved')} fields={[
              { name: 'status', label: t('fields.status'), type: 'select',
                defaultValue: agreement.status, options: AGREEMENT_STATUSES.map((s) => ({
                  value: s, label: t(`agreementStatus.${s}`) })) },
              { name: 'signedDate', label: t('fields.signedDate'), type: 'date',
                hint: t('agreements.signedHint') },
            ]} />
        </section>
      )}
    </article>
  )
}
