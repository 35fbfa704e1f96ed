import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { runJson } from '@/lib/runs/present'
import { runsToCompare } from '@/lib/runs/queries'
import { compareQuerySchema } from '@/lib/runs/schemas'

/** Runs side by side (configurations, curves, metrics): ?ids=<id>,<id>[,…]. */
export const GET = route(async (request) => {
  const user = await requireApiUser(request)
  const { ids } = compareQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams))

  const runs = await runsToCompare(user.id, ids)
  return NextResponse.json({ runs: runs.map(runJson) })
})
