import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { listProposalsForUser } from '@/lib/proposals/proposals'

/** Proposals the caller wrote, and those received for their organizations' needs. */
export const GET = route(async (request) => {
  const user = await requireApiUser(request)
  return NextResponse.json({ proposals: await listProposalsForUser(user) })
})
