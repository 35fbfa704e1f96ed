import { NextResponse } from 'next/server'
import { enforce } from '@/lib/access/decision'
import { canOnRun } from '@/lib/access/runs'
import { requireApiUser } from '@/lib/auth/session'
import { notFound } from '@/lib/errors'
import { route } from '@/lib/http/respond'
import { runJson } from '@/lib/runs/present'
import { getRunDetail, runsAhead } from '@/lib/runs/queries'

type Context = { params: Promise<{ runId: string }> }

/** One run with its progress, history and evaluation; the run page polls it. */
export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { runId } = await context.params
  enforce(await canOnRun(user.id, runId, 'view'))

  const run = await getRunDetail(runId)
  if (!run) throw notFound('The run')
  return NextResponse.json({ run: { ...runJson(run), runsAhead: await runsAhead(run) } },
    { headers: { 'Cache-Control': 'no-store' } })
})
