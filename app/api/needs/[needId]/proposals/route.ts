import { NextResponse } from 'next/server'
import { z } from 'zod'
import { decideNeedAction } from '@/lib/access/needs'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { needFor } from '@/lib/needs/needs'
import { userOrganizationIds } from '@/lib/organizations/queries'
import { listProposalsForNeed, submitProposal } from '@/lib/proposals/proposals'

type Context = { params: Promise<{ needId: string }> }

/** The posting organization sees every proposal; anyone else only their own. */
export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { needId } = await context.params
  const need = await needFor(user, needId, 'view')
  const owner = decideNeedAction(await userOrganizationIds(user.id), {
    ...need, invitedOrganizationIds: need.invited.map((l) => l.organizationId) }, 'edit')
  const proposals = await listProposalsForNeed(needId)
  return NextResponse.json({
    proposals: owner.allowed ? proposals : proposals.filter((p) => p.authorId === user.id),
  })
})

export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { needId } = await context.params
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ proposal: await submitProposal(user, needId, input) },
    { status: 201 })
})
