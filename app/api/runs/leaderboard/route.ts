import { NextResponse } from 'next/server'
import { enforce } from '@/lib/access/decision'
import { canOnDataset } from '@/lib/access/datasets'
import { requireApiUser } from '@/lib/auth/session'
import { AppError, notFound } from '@/lib/errors'
import { route } from '@/lib/http/respond'
import { runJson } from '@/lib/runs/present'
import { findDatasetVersion, leaderboard } from '@/lib/runs/queries'
import { leaderboardQuerySchema } from '@/lib/runs/schemas'

/** Succeeded runs on a dataset version, best first: ?datasetVersionId=&metric=&split=. */
export const GET = route(async (request) => {
  const user = await requireApiUser(request)
  const params = new URL(request.url).searchParams
  const datasetVersionId = params.get('datasetVersionId')
  if (!datasetVersionId) {
    throw new AppError('bad_request', 'Name the dataset version: ?datasetVersionId=<id>.')
  }
  const query = leaderboardQuerySchema.parse(Object.fromEntries(params))
  const version = await findDatasetVersion(datasetVersionId)
  if (!version) throw notFound('The dataset version')
  enforce(await canOnDataset(user.id, version.datasetId, 'view'))

  const entries = await leaderboard({ datasetVersionId, userId: user.id, ...query })
  return NextResponse.json({
    datasetVersionId, ...query,
    entries: entries.map((entry, index) => ({
      rank: index + 1, score: entry.score, run: runJson(entry.run),
    })),
  })
})
