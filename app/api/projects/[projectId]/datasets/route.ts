import { NextResponse } from 'next/server'
import { enforce } from '@/lib/access/decision'
import { canOnProject } from '@/lib/access/projects'
import { requireApiUser } from '@/lib/auth/session'
import {
  datasetJson, listProjectDatasets, uploaderOrganizationId, versionJson,
} from '@/lib/datasets/queries'
import { uploadDatasetVersion } from '@/lib/datasets/upload'
import { AppError } from '@/lib/errors'
import { route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'
type Params = { params: Promise<{ projectId: string }> }

/** The project's datasets; every member sees their cards (the level is at least metadata). */
export const GET = route(async (request: Request, context: Params) => {
  const { projectId } = await context.params
  const user = await requireApiUser(request)
  enforce(await canOnProject(user.id, projectId, 'view'))

  const datasets = await listProjectDatasets(projectId)
  return NextResponse.json({ datasets: datasets.map((dataset) => ({
    ...datasetJson(dataset),
    organization: dataset.organization,
    versionCount: dataset._count.versions,
    latestVersion: dataset.versions[0] ? versionJson(dataset.versions[0]) : null,
  })) })
})

/** Uploads a new dataset (multipart: format, name, card fields and the files). */
export const POST = route(async (request: Request, context: Params) => {
  const { projectId } = await context.params
  const user = await requireApiUser(request)
  enforce(await canOnProject(user.id, projectId, 'upload_dataset'))
  const organizationId = await uploaderOrganizationId(user.id, projectId)
  if (!organizationId) throw new AppError('not_found', 'The project was not found.')

  const { dataset, version } = await uploadDatasetVersion(request,
    { projectId, organizationId, userId: user.id })
  return NextResponse.json({ dataset: datasetJson(dataset), version: versionJson(version) },
    { status: 201 })
})
