import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { cancelRun } from '@/lib/runs/launch'
import { runJson } from '@/lib/runs/present'

type Context = { params: Promise<{ runId: string }> }

/** Cancels a queued run now, or asks a running one to stop (it ends as CANCELLED). */
export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { runId } = await context.params

  const run = await cancelRun(user.id, runId)
  return NextResponse.json({ run: runJson(run) }, { status: 202 })
})
