import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { requirePageUser } from '@/lib/auth/session'
import { listOrganizationDirectory, userOrganizationIds } from '@/lib/organizations/queries'

export default async function OrganizationsPage() {
  const user = await requirePageUser('/organizations')
  const [organizations, mine] = await Promise.all([
    listOrganizationDirectory(), userOrganizationIds(user.id),
  ])
  const t = await getTranslations('projects')

  return (
    <section>
      <div className="page-heading">
        <h1>{t('organizations.title')}</h1>
        <p className="muted">{t('organizations.intro')}</p>
      </div>
      <table className="data section" data-testid="organizations">
        <thead><tr>
          <th>{t('organizations.name')}</th><th>{t('organizations.kind')}</th>
          <th className="num">{t('organizations.people')}</th>
          <th className="num">{t('organizations.projects')}</th>
          <th className="num">{t('organizations.openNeeds')}</th><th />
        </tr></thead>
        <tbody>
          {organizations.map((o) => (
            <tr key={o.id}>
              <td>{o.name}{mine.includes(o.id) && <> <span className="badge">
                {t('organizations.yours')}</span></>}
                {o.country && <div className="muted">{o.country}</div>}</td>
              <td>{t(`organizations.kinds.${o.kind}`)}</td>
              <td className="num">{o._count.members}</td>
              <td className="num">{o._count.projectPartners}</td>
              <td className="num">{o._count.needs > 0
                ? <Link href={`/needs?organizationId=${o.id}`}>{o._count.needs}</Link> : 0}</td>
              <td>{mine.includes(o.id) && <Link href={`/transfer?organizationId=${o.id}`}>
                {t('organizations.pipeline')}</Link>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
