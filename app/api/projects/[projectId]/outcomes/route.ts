import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { createOutcome, listProjectOutcomes, requireTransfer } from '@/lib/transfer/outcomes'

type Context = { params: Promise<{ projectId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  await requireTransfer(user, projectId, 'view')
  return NextResponse.json({ outcomes: await listProjectOutcomes(projectId) })
})

/** { kind, title, description?, contributorIds?, runIds?, datasetVersionIds? } */
export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ outcome: await createOutcome(user, projectId, input) },
    { status: 201 })
})
