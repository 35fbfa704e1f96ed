import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { launchRunAgain } from '@/lib/runs/launch'
import { runJson } from '@/lib/runs/present'

type Context = { params: Promise<{ runId: string }> }

/** "Run again": queues a new run with this run's configuration, seed and dataset version. */
export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { runId } = await context.params

  const run = await launchRunAgain(user.id, runId)
  return NextResponse.json({ run: runJson(run) }, {
    status: 201, headers: { Location: `/api/runs/${run.id}` },
  })
})
