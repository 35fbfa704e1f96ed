import { getFormatter, getTranslations } from 'next-intl/server'
import type { DatasetDetail } from '@/lib/datasets/queries'
import type { VersionMetadata } from '@/lib/datasets/versions'
import { ClassBalance } from '@/components/datasets/class-balance'

type Props = { dataset: DatasetDetail; canPreview: boolean; canDownload: boolean }

/**
 * The versions of a dataset with their inferred metadata. The preview grid and the file
 * links are rendered only for download access: train-only users get counts, not samples.
 */
export async function VersionsSection({ dataset, canPreview, canDownload }: Props) {
  const t = await getTranslations('datasets')
  const format = await getFormatter()
  const size = (bytes: number) => bytes < 1e6
    ? format.number(bytes / 1e3, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 })
    : format.number(bytes / 1e6, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
  const latest = dataset.versions[0]
  const metadata = latest?.metadata as VersionMetadata | undefined

  return (
    <section className="section" data-testid="versions-section">
      <h2>{t('versions.title')}</h2>
      {!latest || !metadata ? <p className="empty">{t('versions.empty')}</p> : <>
        <dl className="facts" data-testid="version-metadata">
          <dt>{t('fields.samples')}</dt>
          <dd>{t('section.samples', { train: format.number(metadata.train.samples),
            test: format.number(metadata.test.samples) })}</dd>
          <dt>{t('fields.classes')}</dt><dd>{metadata.classes}</dd>
          <dt>{t('fields.shape')}</dt><dd>{metadata.shape.join(' × ')}</dd>
          <dt>{t('fields.checksum')}</dt><dd><code>{latest.sha256}</code></dd>
        </dl>
        <ClassBalance train={metadata.classBalance.train} test={metadata.classBalance.test}
          classNames={metadata.classNames}
          caption={t('versions.balanceCaption', { version: latest.version })} />
        {dataset.format === 'CSV' ? null : canPreview ? (
          <figure className="preview-grid">
            {/* eslint-disable-next-line @next/next/no-img-element -- an authorized API PNG */}
            <img src={`/api/datasets/${dataset.id}/versions/${latest.version}/preview`}
              alt={t('versions.previewAlt')} data-testid="preview-grid" />
            <figcaption className="muted">{t('versions.previewCaption')}</figcaption>
          </figure>
        ) : <p className="notice" data-testid="no-preview">{t('versions.noPreview')}</p>}
      </>}

      <table className="data" data-testid="versions-table">
        <thead>
          <tr>
            <th>{t('versions.version')}</th>
            <th>{t('versions.createdAt')}</th>
            <th>{t('versions.createdBy')}</th>
            <th className="num">{t('versions.size')}</th>
            <th>{t('fields.checksum')}</th>
            {canDownload && <th>{t('versions.files')}</th>}
          </tr>
        </thead>
        <tbody>
          {dataset.versions.map((version) => {
            const files = (version.metadata as VersionMetadata).files
            return (
              <tr key={version.id}>
                <td>v{version.version}</td>
                <td>{format.dateTime(version.createdAt, { dateStyle: 'medium',
                  timeStyle: 'short' })}</td>
                <td>{version.createdBy.name}</td>
                <td className="num">{size(Number(version.sizeBytes))}</td>
                <td><code title={version.sha256}>{version.sha256.slice(0, 12)}</code></td>
                {canDownload && <td>{files.map((file) => (
                  <a key={file.name} className="file-link" data-testid="download-link" href={
                    `/api/datasets/${dataset.id}/versions/${version.version}/files/${file.name}`}>
                    {file.name}</a>
                ))}</td>}
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
