import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { requirePageUser } from '@/lib/auth/session'
import { listProposalsForUser } from '@/lib/proposals/proposals'

export default async function ProposalsPage() {
  const user = await requirePageUser('/proposals')
  const proposals = await listProposalsForUser(user)
  const t = await getTranslations('proposals')
  const format = await getFormatter()
  const written = proposals.filter((p) => p.authorId === user.id)
  const received = proposals.filter((p) => p.authorId !== user.id)

  const table = (rows: typeof proposals, testId: string, empty: React.ReactNode) =>
    rows.length === 0 ? <p className="muted" data-testid={`${testId}-empty`}>{empty}</p> : (
      <table className="data" data-testid={testId}>
        <thead><tr>
          <th>{t('fields.title')}</th><th>{t('fields.need')}</th>
          <th>{t('fields.organization')}</th>
          <th>{t('fields.status')}</th><th>{t('fields.submitted')}</th>
        </tr></thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td><Link href={`/proposals/${p.id}`}>{p.title}</Link></td>
              <td><Link href={`/needs/${p.need.id}`}>{p.need.title}</Link></td>
              <td>{p.organization.name}</td><td>{t(`status.${p.status}`)}</td>
              <td>{format.dateTime(p.createdAt, { dateStyle: 'medium' })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )

  return (
    <section>
      <div className="page-heading"><h1>{t('list.title')}</h1></div>
      <div className="section"><h2>{t('list.received')}</h2>
        {table(received, 'received', t('list.emptyReceived'))}</div>
      <div className="section"><h2>{t('list.written')}</h2>
        {table(written, 'written', <>{t('list.emptyWritten')}{' '}
          <Link href="/needs">{t('list.needsLink')}</Link></>)}</div>
    </section>
  )
}
