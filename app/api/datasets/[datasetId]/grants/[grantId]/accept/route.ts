import { NextResponse } from 'next/server'
import { authorizeApi } from '@/lib/datasets/api'
import { acceptGrant } from '@/lib/datasets/grants'
import { route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'
type Params = { params: Promise<{ datasetId: string; grantId: string }> }

/** A grantee accepts the grant's terms; until then it gives metadata access only. */
export const POST = route(async (request: Request, context: Params) => {
  const { datasetId, grantId } = await context.params
  const user = await authorizeApi(request, datasetId, 'view')
  return NextResponse.json({ grant: await acceptGrant(datasetId, grantId, user.id) })
})
