import { NextResponse } from 'next/server'
import { datasetAccess, decideDatasetAction, effectiveLevel } from '@/lib/access/datasets'
import { authorizeApi, type DatasetParams } from '@/lib/datasets/api'
import { grantsReachingUser } from '@/lib/datasets/grants'
import { route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

/** What the caller may do with the dataset, and the grants that reach them. */
export const GET = route(async (request: Request, context: DatasetParams) => {
  const { datasetId } = await context.params
  const user = await authorizeApi(request, datasetId, 'view')
  const access = await datasetAccess(user.id, datasetId)
  const can = (action: Parameters<typeof decideDatasetAction>[1]) =>
    decideDatasetAction(access, action).allowed

  return NextResponse.json({
    level: access ? effectiveLevel(access) : null,
    steward: access?.steward ?? false,
    can: { train: can('train'), download: can('download'), preview: can('preview') },
    grants: (await grantsReachingUser(datasetId, user.id)).map((grant) => ({
      id: grant.id, level: grant.level, purpose: grant.purpose, terms: grant.terms,
      expiresAt: grant.expiresAt, revokedAt: grant.revokedAt,
      termsAcceptedAt: grant.termsAcceptedAt,
    })),
  })
})
