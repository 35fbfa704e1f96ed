import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { acceptProposal } from '@/lib/proposals/proposals'

type Context = { params: Promise<{ proposalId: string }> }

/** Accepts the proposal and answers the project it created. */
export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { proposalId } = await context.params
  return NextResponse.json({ project: await acceptProposal(user, proposalId) }, { status: 201 })
})
