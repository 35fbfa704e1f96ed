import { NextResponse } from 'next/server'
import { authorizeApi, type DatasetParams } from '@/lib/datasets/api'
import { createGrant, listGrants } from '@/lib/datasets/grants'
import { grantSchema } from '@/lib/datasets/schemas'
import { readJson, route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

export const GET = route(async (request: Request, context: DatasetParams) => {
  const { datasetId } = await context.params
  await authorizeApi(request, datasetId, 'manage_grants')
  return NextResponse.json({ grants: await listGrants(datasetId) })
})

/** Stewards grant a level to a user (by id or email), an organization or a project. */
export const POST = route(async (request: Request, context: DatasetParams) => {
  const { datasetId } = await context.params
  const user = await authorizeApi(request, datasetId, 'manage_grants')
  const input = await readJson(request, grantSchema)
  return NextResponse.json({ grant: await createGrant(datasetId, user.id, input) },
    { status: 201 })
})
