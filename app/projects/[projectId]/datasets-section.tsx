import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { datasetAccess, effectiveLevel } from '@/lib/access/datasets'
import { canOnProject } from '@/lib/access/projects'
import { listProjectDatasets } from '@/lib/datasets/queries'
import type { VersionMetadata } from '@/lib/datasets/versions'

/** The project's datasets, with a link to upload one; rendered on the project page. */
export async function DatasetsSection({ projectId, userId }:
  { projectId: string; userId: string }) {
  const t = await getTranslations('datasets')
  const format = await getFormatter()
  const [datasets, mayUpload] = await Promise.all([
    listProjectDatasets(projectId),
    canOnProject(userId, projectId, 'upload_dataset'),
  ])
  const levels = await Promise.all(datasets.map(async (dataset) => {
    const access = await datasetAccess(userId, dataset.id)
    return access ? effectiveLevel(access) : null
  }))

  return (
    <section className="section" id="datasets" data-testid="datasets-section">
      <div className="section-heading">
        <h2>{t('section.title')}</h2>
        {mayUpload.allowed && (
          <Link href={`/projects/${projectId}/datasets/new`} className="button"
            data-testid="upload-dataset-link">{t('section.upload')}</Link>
        )}
      </div>
      {datasets.length === 0 ? <p className="empty">{t('section.empty')}</p> : (
        <table className="data" data-testid="datasets-table">
          <thead>
            <tr>
              <th>{t('fields.name')}</th>
              <th>{t('fields.format')}</th>
              <th>{t('fields.provider')}</th>
              <th className="num">{t('fields.samples')}</th>
              <th className="num">{t('fields.classes')}</th>
              <th>{t('fields.latestVersion')}</th>
              <th>{t('fields.sensitivity')}</th>
              <th>{t('fields.yourAccess')}</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((dataset, index) => {
              const latest = dataset.versions[0]
              const metadata = latest?.metadata as VersionMetadata | undefined
              return (
                <tr key={dataset.id}>
                  <td><Link href={`/datasets/${dataset.id}`}>{dataset.name}</Link></td>
                  <td>{t(`formats.${dataset.format}`)}</td>
                  <td>{dataset.organization.name}</td>
                  <td className="num">{metadata ? t('section.samples', {
                    train: format.number(metadata.train.samples),
                    test: format.number(metadata.test.samples) }) : '–'}</td>
                  <td className="num">{metadata?.classes ?? '–'}</td>
                  <td>{latest ? `v${latest.version}` : '–'}</td>
                  <td><span className="badge">{t(`sensitivity.${dataset.sensitivity}`)}</span></td>
                  <td data-testid="dataset-level">
                    {levels[index] ? t(`levels.${levels[index]}`) : '–'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
