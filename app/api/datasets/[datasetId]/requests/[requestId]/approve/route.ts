import { NextResponse } from 'next/server'
import { authorizeApi } from '@/lib/datasets/api'
import { approveRequest } from '@/lib/datasets/requests'
import { approveSchema } from '@/lib/datasets/schemas'
import { readJson, route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'
type Params = { params: Promise<{ datasetId: string; requestId: string }> }

export const POST = route(async (request: Request, context: Params) => {
  const { datasetId, requestId } = await context.params
  const user = await authorizeApi(request, datasetId, 'decide_requests')
  const { expiresAt } = await readJson(request, approveSchema)
  const grant = await approveRequest(datasetId, requestId, user.id, { expiresAt })
  return NextResponse.json({ grant })
})
