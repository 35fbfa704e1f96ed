import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { proposalFor, screenProposal } from '@/lib/proposals/proposals'

type Context = { params: Promise<{ proposalId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { proposalId } = await context.params
  return NextResponse.json({ proposal: await proposalFor(user, proposalId, 'view') })
})

/** Screening by the company: { status: SUBMITTED | SHORTLISTED | DECLINED, score: 0–100 }. */
export const PATCH = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { proposalId } = await context.params
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ proposal: await screenProposal(user, proposalId, input) })
})
