import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { createMilestone, isOverdue, listMilestones } from '@/lib/milestones/milestones'
import { requireProjectView } from '@/lib/projects/setup'

type Context = { params: Promise<{ projectId: string }> }

/** Milestones by due date, each with `overdue` and its linked run or dataset version. */
export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  await requireProjectView(user.id, projectId)
  const milestones = await listMilestones(projectId)
  return NextResponse.json({
    milestones: milestones.map((m) => ({ ...m, overdue: isOverdue(m) })),
  })
})

export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ milestone: await createMilestone(user, projectId, input) },
    { status: 201 })
})
