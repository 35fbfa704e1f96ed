import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { isLive } from '@/lib/access/datasets'
import { listGrants } from '@/lib/datasets/grants'
import { listOrganizationsForGrants, namesFor, type DatasetDetail } from '@/lib/datasets/queries'
import { listRequests } from '@/lib/datasets/requests'
import { JsonForm } from '@/components/datasets/json-form'

const LEVELS = ['METADATA', 'TRAIN', 'DOWNLOAD'] as const

/** Stewards' tools: policy, grants (grant, revoke) and requests (approve, deny). */
export async function StewardPanel({ dataset }: { dataset: DatasetDetail }) {
  const t = await getTranslations('access')
  const format = await getFormatter()
  const [grants, requests, organizations] = await Promise.all([
    listGrants(dataset.id), listRequests(dataset.id), listOrganizationsForGrants(),
  ])
  const names = await namesFor(
    [...grants.flatMap((g) => (g.granteeUserId ? [g.granteeUserId] : [])),
      ...requests.map((r) => r.requesterId)])
  const day = (date: Date) => format.dateTime(date, { dateStyle: 'medium' })
  const now = new Date()
  const base = `/api/datasets/${dataset.id}`

  return (
    <section className="section" data-testid="steward-panel">
      <div className="section-heading">
        <h2>{t('steward.title')}</h2>
        <Link href={`/datasets/${dataset.id}/audit`} data-testid="audit-link">
          {t('steward.audit')}</Link>
      </div>

      <h3>{t('policy.title')}</h3>
      <JsonForm url={`${base}/policy`} method="PUT" testId="policy-form"
        submitLabel={t('policy.save')} pendingLabel={t('pending')} successLabel={t('saved')}>
        <label>{t('policy.projectLevel')}
          <select name="projectLevel" defaultValue={dataset.projectLevel}
            data-testid="policy-project-level">
            {LEVELS.map((value) => <option key={value} value={value}>
              {t(`levels.${value}`)}</option>)}
          </select>
        </label>
        <label>{t('policy.terms')}<textarea name="terms" rows={3}
          defaultValue={dataset.terms} /></label>
      </JsonForm>

      <h3>{t('grants.title')}</h3>
      {grants.length === 0 ? <p className="empty">{t('grants.empty')}</p> : (
        <table className="data" data-testid="grants-table">
          <tbody>
            {grants.map((grant) => (
              <tr key={grant.id}>
                <td>{grant.granteeOrganization?.name ?? grant.granteeProject?.title ??
                  names.user.get(grant.granteeUserId ?? '') ?? '?'}</td>
                <td>{t(`levels.${grant.level}`)}</td>
                <td>{grant.purpose}</td>
                <td>{grant.expiresAt ? t('grants.expires', { date: day(grant.expiresAt) })
                  : t('grants.noExpiry')}</td>
                <td>{grant.termsAcceptedAt ? t('grants.acceptedOn',
                  { date: day(grant.termsAcceptedAt) }) : t('grants.awaitingTerms')}</td>
                <td>{grant.revokedAt ? t('grants.revoked', { date: day(grant.revokedAt) })
                  : !isLive(grant, now) ? t('grants.expired') : (
                    <JsonForm url={`${base}/grants/${grant.id}/revoke`} testId="revoke-grant"
                      className="inline-form" submitLabel={t('grants.revoke')}
                      pendingLabel={t('pending')} />)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details>
        <summary data-testid="new-grant-toggle">{t('grants.new')}</summary>
        <JsonForm url={`${base}/grants`} testId="grant-form" submitLabel={t('grants.submit')}
          pendingLabel={t('pending')} successLabel={t('saved')}>
          <label>{t('fields.level')}
            <select name="level" defaultValue="TRAIN" data-testid="grant-level">
              {LEVELS.map((value) => <option key={value} value={value}>
                {t(`levels.${value}`)}</option>)}
            </select>
          </label>
          <p className="muted">{t('grants.granteeHint')}</p>
          <div className="form-row">
            <label>{t('grants.organization')}
              <select name="granteeOrganizationId" defaultValue="" data-testid="grant-org">
                <option value="">–</option>
                {organizations.map((org) => <option key={org.id} value={org.id}>
                  {org.name}</option>)}
              </select>
            </label>
            <label>{t('grants.email')}<input type="email" name="granteeEmail" /></label>
          </div>
          <label>{t('fields.purpose')}<textarea name="purpose" required minLength={3}
            data-testid="grant-purpose" /></label>
          <label>{t('fields.expiresAt')}<input type="date" name="expiresAt" /></label>
        </JsonForm>
      </details>

      <h3>{t('requests.title')}</h3>
      {requests.length === 0 ? <p className="empty">{t('requests.empty')}</p> : (
        <table className="data" data-testid="requests-table">
          <tbody>
            {requests.map((request) => (
              <tr key={request.id}>
                <td>{names.user.get(request.requesterId) ?? request.requesterId}</td>
                <td>{t(`levels.${request.level}`)}</td>
                <td>{request.purpose}</td>
                <td>{t(`requests.status.${request.status}`)}</td>
                <td>{request.status === 'PENDING' && <>
                  <JsonForm url={`${base}/requests/${request.id}/approve`} className="inline-form"
                    testId="approve-request" submitLabel={t('requests.approve')}
                    pendingLabel={t('pending')}>
                    <input type="date" name="expiresAt" aria-label={t('fields.expiresAt')} />
                  </JsonForm>
                  <JsonForm url={`${base}/requests/${request.id}/deny`} className="inline-form"
                    testId="deny-request" submitLabel={t('requests.deny')}
                    pendingLabel={t('pending')}>
                    <input name="reason" required minLength={3}
                      placeholder={t('requests.denyReason')} />
                  </JsonForm>
                </>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
