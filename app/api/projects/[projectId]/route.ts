import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { getProjectOverview } from '@/lib/projects/queries'
import { requireProjectView, updateProject } from '@/lib/projects/setup'

type Context = { params: Promise<{ projectId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  await requireProjectView(user.id, projectId)
  return NextResponse.json({ project: await getProjectOverview(projectId) })
})

/** Objectives, plan, dates, status (manager or owner). */
export const PATCH = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ project: await updateProject(user, projectId, input) })
})
