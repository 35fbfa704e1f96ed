import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { datasetAccess, effectiveLevel } from '@/lib/access/datasets'
import { requirePageUser } from '@/lib/auth/session'
import { listDatasetsSharedWith } from '@/lib/datasets/queries'

/** Datasets shared with the user beyond their own projects (their projects list theirs). */
export default async function SharedDatasetsPage() {
  const user = await requirePageUser('/datasets')
  const t = await getTranslations('datasets')
  const datasets = await listDatasetsSharedWith(user.id)
  const levels = await Promise.all(datasets.map(async (dataset) => {
    const access = await datasetAccess(user.id, dataset.id)
    return access ? effectiveLevel(access) : null
  }))

  return (
    <article>
      <div className="page-heading">
        <h1>{t('shared.title')}</h1>
        <p className="muted">{t('shared.intro')}</p>
      </div>
      {datasets.length === 0 ? <p className="empty">{t('shared.empty')}</p> : (
        <table className="data section" data-testid="shared-datasets">
          <thead>
            <tr>
              <th>{t('fields.name')}</th>
              <th>{t('fields.provider')}</th>
              <th>{t('shared.project')}</th>
              <th>{t('fields.format')}</th>
              <th>{t('fields.yourAccess')}</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((dataset, index) => (
              <tr key={dataset.id}>
                <td><Link href={`/datasets/${dataset.id}`}>{dataset.name}</Link></td>
                <td>{dataset.organization.name}</td>
                <td>{dataset.project.title}</td>
                <td>{t(`formats.${dataset.format}`)}</td>
                <td>{levels[index] ? t(`levels.${levels[index]}`) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  )
}
