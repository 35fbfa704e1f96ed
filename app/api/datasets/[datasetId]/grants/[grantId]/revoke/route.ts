import { NextResponse } from 'next/server'
import { authorizeApi } from '@/lib/datasets/api'
import { revokeGrant } from '@/lib/datasets/grants'
import { revokeSchema } from '@/lib/datasets/schemas'
import { readJson, route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'
type Params = { params: Promise<{ datasetId: string; grantId: string }> }

export const POST = route(async (request: Request, context: Params) => {
  const { datasetId, grantId } = await context.params
  const user = await authorizeApi(request, datasetId, 'manage_grants')
  const { reason } = await readJson(request, revokeSchema)
  return NextResponse.json({ grant: await revokeGrant(datasetId, grantId, user.id, reason) })
})
