import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { withdrawProposal } from '@/lib/proposals/proposals'

type Context = { params: Promise<{ proposalId: string }> }

export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { proposalId } = await context.params
  return NextResponse.json({ proposal: await withdrawProposal(user, proposalId) })
})
