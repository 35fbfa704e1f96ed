import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { attachRunToMilestone } from '@/lib/runs/milestones'
import { attachMilestoneSchema } from '@/lib/runs/schemas'

type Context = { params: Promise<{ runId: string }> }

/** Attaches the run's report to a milestone as its deliverable: { milestoneId, detach? }. */
export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { runId } = await context.params
  const input = await readJson(request, attachMilestoneSchema)

  const milestone = await attachRunToMilestone(user.id, runId, input.milestoneId, input.detach)
  return NextResponse.json({ milestone })
})
