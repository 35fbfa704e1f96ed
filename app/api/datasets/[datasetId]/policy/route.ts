import { NextResponse } from 'next/server'
import { authorizeApi, type DatasetParams } from '@/lib/datasets/api'
import { updateDatasetPolicy } from '@/lib/datasets/card'
import { datasetJson } from '@/lib/datasets/queries'
import { datasetPolicySchema } from '@/lib/datasets/schemas'
import { readJson, route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

/** Stewards set the level project members get and the terms grantees accept. */
export const PUT = route(async (request: Request, context: DatasetParams) => {
  const { datasetId } = await context.params
  const user = await authorizeApi(request, datasetId, 'manage_policy')
  const policy = await readJson(request, datasetPolicySchema)
  const dataset = await updateDatasetPolicy(datasetId, user.id, policy)
  return NextResponse.json({ policy: datasetJson(dataset).policy })
})
