import { NextResponse } from 'next/server'
import { datasetAccess, effectiveLevel } from '@/lib/access/datasets'
import { authorizeApi, type DatasetParams } from '@/lib/datasets/api'
import { updateDatasetCard } from '@/lib/datasets/card'
import { datasetJson, getDataset, versionJson } from '@/lib/datasets/queries'
import { datasetCardSchema } from '@/lib/datasets/schemas'
import { AppError } from '@/lib/errors'
import { readJson, route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

/** The card, policy, versions and the caller's own level; audited as a metadata view. */
export const GET = route(async (request: Request, context: DatasetParams) => {
  const { datasetId } = await context.params
  const user = await authorizeApi(request, datasetId, 'view')
  const dataset = await getDataset(datasetId)
  if (!dataset) throw new AppError('not_found', 'The dataset was not found.')
  const access = await datasetAccess(user.id, datasetId)

  return NextResponse.json({
    dataset: { ...datasetJson(dataset), organization: dataset.organization,
      project: dataset.project },
    versions: dataset.versions.map(versionJson),
    access: { level: access ? effectiveLevel(access) : null, steward: access?.steward ?? false },
  })
})

/** Stewards edit the data card. */
export const PATCH = route(async (request: Request, context: DatasetParams) => {
  const { datasetId } = await context.params
  const user = await authorizeApi(request, datasetId, 'edit_card')
  const card = await readJson(request, datasetCardSchema)
  const dataset = await updateDatasetCard(datasetId, user.id, card)
  return NextResponse.json({ dataset: datasetJson(dataset) })
})
