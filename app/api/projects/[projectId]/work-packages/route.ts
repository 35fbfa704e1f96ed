import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { createWorkPackage, listWorkPackages } from '@/lib/projects/plan'
import { requireProjectView } from '@/lib/projects/setup'

type Context = { params: Promise<{ projectId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  await requireProjectView(user.id, projectId)
  return NextResponse.json({ workPackages: await listWorkPackages(projectId) })
})

export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ workPackage: await createWorkPackage(user, projectId, input) },
    { status: 201 })
})
