import { NextResponse } from 'next/server'
import { authorizeApi, type DatasetParams } from '@/lib/datasets/api'
import { datasetJson, getDataset, versionJson } from '@/lib/datasets/queries'
import { uploadDatasetVersion } from '@/lib/datasets/upload'
import { AppError } from '@/lib/errors'
import { route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

export const GET = route(async (request: Request, context: DatasetParams) => {
  const { datasetId } = await context.params
  await authorizeApi(request, datasetId, 'view')
  const dataset = await getDataset(datasetId)
  if (!dataset) throw new AppError('not_found', 'The dataset was not found.')
  return NextResponse.json({ versions: dataset.versions.map(versionJson) })
})

/** Stewards upload a new immutable version (multipart, same fields as a new dataset). */
export const POST = route(async (request: Request, context: DatasetParams) => {
  const { datasetId } = await context.params
  const user = await authorizeApi(request, datasetId, 'upload_version')
  const existing = await getDataset(datasetId)
  if (!existing) throw new AppError('not_found', 'The dataset was not found.')

  const { dataset, version } = await uploadDatasetVersion(request, {
    projectId: existing.projectId, organizationId: existing.organizationId, userId: user.id,
    datasetId, datasetName: existing.name,
  })
  return NextResponse.json({ dataset: datasetJson(dataset), version: versionJson(version) },
    { status: 201 })
})
