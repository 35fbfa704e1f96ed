import { NextResponse } from 'next/server'
import { authorizeApi, versionOr404, type VersionParams } from '@/lib/datasets/api'
import { versionJson } from '@/lib/datasets/queries'
import { route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

/** A version's checksums and inferred metadata; no sample bytes. */
export const GET = route(async (request: Request, context: VersionParams) => {
  const { datasetId, version: number } = await context.params
  await authorizeApi(request, datasetId, 'view')
  return NextResponse.json({ version: versionJson(await versionOr404(datasetId, number)) })
})
