import { NextResponse } from 'next/server'
import { datasetAccess } from '@/lib/access/datasets'
import { authorizeApi, type DatasetParams } from '@/lib/datasets/api'
import { createRequest, listRequests } from '@/lib/datasets/requests'
import { accessRequestSchema } from '@/lib/datasets/schemas'
import { readJson, route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

/** Stewards see every request; anyone else who sees the card sees their own. */
export const GET = route(async (request: Request, context: DatasetParams) => {
  const { datasetId } = await context.params
  const user = await authorizeApi(request, datasetId, 'view')
  const steward = (await datasetAccess(user.id, datasetId))?.steward ?? false
  return NextResponse.json({
    requests: await listRequests(datasetId, steward ? undefined : user.id),
  })
})

/** Ask for a level with a purpose, accepting the dataset's terms. */
export const POST = route(async (request: Request, context: DatasetParams) => {
  const { datasetId } = await context.params
  const user = await authorizeApi(request, datasetId, 'request_access')
  const input = await readJson(request, accessRequestSchema)
  return NextResponse.json({ request: await createRequest(datasetId, user.id, input) },
    { status: 201 })
})
