import { getFormatter, getTranslations } from 'next-intl/server'
import type { AccessLevel } from '@/generated/prisma/client'
import { isLive } from '@/lib/access/datasets'
import { grantsReachingUser } from '@/lib/datasets/grants'
import { listRequests } from '@/lib/datasets/requests'
import { JsonForm } from '@/components/datasets/json-form'

type Props = { datasetId: string; userId: string; level: AccessLevel; steward: boolean
  terms: string }

/** What the signed-in user may do, their grants (to accept) and their requests. */
export async function AccessPanel({ datasetId, userId, level, steward, terms }: Props) {
  const t = await getTranslations('access')
  const format = await getFormatter()
  const [grants, requests] = await Promise.all([
    grantsReachingUser(datasetId, userId), listRequests(datasetId, userId),
  ])
  const now = new Date()
  const day = (date: Date) => format.dateTime(date, { dateStyle: 'medium' })
  const pending = requests.some((request) => request.status === 'PENDING')

  return (
    <section className="section" data-testid="access-panel">
      <h2>{t('panel.title')}</h2>
      <p data-testid="my-level">{steward ? t('panel.steward') : t(`panel.level.${level}`)}</p>

      {grants.length > 0 && <ul className="plain-list" data-testid="my-grants">
        {grants.map((grant) => (
          <li key={grant.id}>
            <strong>{t(`levels.${grant.level}`)}</strong> · {grant.purpose}
            {grant.expiresAt && ` · ${t('grants.expires', { date: day(grant.expiresAt) })}`}
            {grant.revokedAt && <span className="badge status-failed">
              {t('grants.revoked', { date: day(grant.revokedAt) })}</span>}
            {!grant.revokedAt && grant.expiresAt && grant.expiresAt <= now &&
              <span className="badge status-cancelled">{t('grants.expired')}</span>}
            {isLive(grant, now) && !grant.termsAcceptedAt && <>
              {grant.terms && <blockquote className="terms">{grant.terms}</blockquote>}
              <JsonForm url={`/api/datasets/${datasetId}/grants/${grant.id}/accept`}
                submitLabel={t('grants.accept')} pendingLabel={t('pending')}
                testId="accept-grant" className="inline-form" />
            </>}
            {grant.termsAcceptedAt && <span className="muted"> · {t('grants.acceptedOn',
              { date: day(grant.termsAcceptedAt) })}</span>}
          </li>
        ))}
      </ul>}

      {requests.length > 0 && <ul className="plain-list" data-testid="my-requests">
        {requests.map((request) => (
          <li key={request.id}>{t('requests.mine', { level: t(`levels.${request.level}`),
            status: t(`requests.status.${request.status}`), date: day(request.createdAt) })}
          {request.decisionReason && ` · ${request.decisionReason}`}</li>
        ))}
      </ul>}

      {!steward && level !== 'DOWNLOAD' && !pending && (
        <details>
          <summary data-testid="request-access-toggle">{t('requests.ask')}</summary>
          <JsonForm url={`/api/datasets/${datasetId}/requests`} testId="request-form"
            submitLabel={t('requests.submit')} pendingLabel={t('pending')}
            successLabel={t('requests.sent')}>
            <label>{t('fields.level')}
              <select name="level" defaultValue="TRAIN">
                {(['METADATA', 'TRAIN', 'DOWNLOAD'] as const).map((value) =>
                  <option key={value} value={value}>{t(`levels.${value}`)}</option>)}
              </select>
            </label>
            <label>{t('fields.purpose')}<textarea name="purpose" required minLength={3} /></label>
            {terms && <blockquote className="terms">{terms}</blockquote>}
            <label className="checkbox"><input type="checkbox" name="acceptTerms" required />
              {t('requests.acceptTerms')}</label>
          </JsonForm>
        </details>
      )}
    </section>
  )
}
