import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { createCommitment, listCommitments } from '@/lib/projects/plan'
import { requireProjectView } from '@/lib/projects/setup'

type Context = { params: Promise<{ projectId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  await requireProjectView(user.id, projectId)
  return NextResponse.json({ commitments: await listCommitments(projectId) })
})

export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ commitment: await createCommitment(user, projectId, input) },
    { status: 201 })
})
