import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import {
  authorizeDatasetUse, datasetAccess, decideDatasetAction, effectiveLevel,
} from '@/lib/access/datasets'
import { requirePageUser } from '@/lib/auth/session'
import { getDataset } from '@/lib/datasets/queries'
import { env } from '@/lib/env'
import { JsonForm } from '@/components/datasets/json-form'
import { uploadFormLabels } from '@/components/datasets/upload-labels'
import { UploadForm } from '@/components/datasets/upload-form'
import { AccessPanel } from './access-panel'
import { StewardPanel } from './steward-panel'
import { VersionsSection } from './versions-section'

export default async function DatasetPage(props: { params: Promise<{ datasetId: string }> }) {
  const { datasetId } = await props.params
  const user = await requirePageUser(`/datasets/${datasetId}`)
  // Reading the card is a metadata view: it is decided and audited like an API read.
  const decision = await authorizeDatasetUse({ userId: user.id, datasetId, action: 'view' })
  if (!decision.allowed) notFound()
  const [dataset, access] = await Promise.all([getDataset(datasetId),
    datasetAccess(user.id, datasetId)])
  if (!dataset || !access) notFound()

  const t = await getTranslations('datasets')
  const level = effectiveLevel(access) ?? 'METADATA'
  const can = (action: Parameters<typeof decideDatasetAction>[1]) =>
    decideDatasetAction(access, action).allowed

  return (
    <article>
      <div className="page-heading">
        <p className="muted"><Link href={`/projects/${dataset.project.id}`}>
          {dataset.project.title}</Link> · {dataset.organization.name}</p>
        <h1 data-testid="dataset-name">{dataset.name}</h1>
        <p>
          <span className="badge">{t(`formats.${dataset.format}`)}</span>{' '}
          <span className="badge">{t(`sensitivity.${dataset.sensitivity}`)}</span>{' '}
          <span className="badge" data-testid="level-badge">{t(`levels.${level}`)}</span>
        </p>
      </div>

      <section className="section" data-testid="data-card">
        <h2>{t('card.title')}</h2>
        <dl className="facts">
          <dt>{t('card.description')}</dt><dd className="prose">{dataset.description || '–'}</dd>
          <dt>{t('card.source')}</dt><dd>{dataset.source || '–'}</dd>
          <dt>{t('card.licence')}</dt><dd>{dataset.licence || '–'}</dd>
          <dt>{t('card.sensitivity')}</dt><dd>{t(`sensitivity.${dataset.sensitivity}`)}</dd>
          <dt>{t('card.intendedUse')}</dt><dd className="prose">{dataset.intendedUse || '–'}</dd>
          <dt>{t('card.createdBy')}</dt><dd>{dataset.createdBy.name}</dd>
        </dl>
        {access.steward && (
          <details>
            <summary data-testid="edit-card-toggle">{t('card.edit')}</summary>
            <JsonForm url={`/api/datasets/${dataset.id}`} method="PATCH" testId="card-form"
              submitLabel={t('card.save')} pendingLabel={t('card.saving')}
              successLabel={t('card.saved')}>
              <label>{t('card.description')}<textarea name="description" rows={4}
                defaultValue={dataset.description} /></label>
              <label>{t('card.source')}<input name="source" defaultValue={dataset.source} />
              </label>
              <label>{t('card.licence')}<input name="licence" defaultValue={dataset.licence} />
              </label>
              <label>{t('card.sensitivity')}
                <select name="sensitivity" defaultValue={dataset.sensitivity}>
                  {['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED'].map((value) =>
                    <option key={value} value={value}>{t(`sensitivity.${value}`)}</option>)}
                </select>
              </label>
              <label>{t('card.intendedUse')}<textarea name="intendedUse" rows={2}
                defaultValue={dataset.intendedUse} /></label>
            </JsonForm>
          </details>
        )}
      </section>

      <AccessPanel datasetId={dataset.id} userId={user.id} level={level}
        steward={access.steward} terms={dataset.terms} />
      <VersionsSection dataset={dataset} canPreview={can('preview')}
        canDownload={can('download')} />
      {access.steward && <>
        <section className="section">
          <details>
            <summary data-testid="new-version-toggle">{t('versions.upload')}</summary>
            <UploadForm url={`/api/datasets/${dataset.id}/versions`} newVersion
              {...await uploadFormLabels(env().UPLOAD_LIMIT_MB)} />
          </details>
        </section>
        <StewardPanel dataset={dataset} />
      </>}
    </article>
  )
}
