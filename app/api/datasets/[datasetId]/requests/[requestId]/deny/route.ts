import { NextResponse } from 'next/server'
import { authorizeApi } from '@/lib/datasets/api'
import { denyRequest } from '@/lib/datasets/requests'
import { denySchema } from '@/lib/datasets/schemas'
import { readJson, route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'
type Params = { params: Promise<{ datasetId: string; requestId: string }> }

export const POST = route(async (request: Request, context: Params) => {
  const { datasetId, requestId } = await context.params
  const user = await authorizeApi(request, datasetId, 'decide_requests')
  const { reason } = await readJson(request, denySchema)
  return NextResponse.json({ request: await denyRequest(datasetId, requestId, user.id, reason) })
})
