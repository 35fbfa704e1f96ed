import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { commentOnProposal } from '@/lib/proposals/proposals'

type Context = { params: Promise<{ proposalId: string }> }

export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { proposalId } = await context.params
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ comment: await commentOnProposal(user, proposalId, input) },
    { status: 201 })
})
