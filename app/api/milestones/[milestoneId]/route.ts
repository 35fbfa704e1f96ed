import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import {
  deleteMilestone, getMilestone, isOverdue, updateMilestone,
} from '@/lib/milestones/milestones'

type Context = { params: Promise<{ milestoneId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { milestoneId } = await context.params
  const milestone = await getMilestone(user, milestoneId)
  return NextResponse.json({ milestone: { ...milestone, overdue: isOverdue(milestone) } })
})

export const PATCH = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { milestoneId } = await context.params
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ milestone: await updateMilestone(user, milestoneId, input) })
})

export const DELETE = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { milestoneId } = await context.params
  await deleteMilestone(user, milestoneId)
  return new Response(null, { status: 204 })
})
