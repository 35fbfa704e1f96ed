import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { listOrganizations } from '@/lib/organizations/queries'

/** Every organization (id, name, kind), for choosing partners, parties and invitations. */
export const GET = route(async (request) => {
  await requireApiUser(request)
  const organizations = await listOrganizations()
  return NextResponse.json({ organizations: organizations.map(({ id, name, kind, country }) =>
    ({ id, name, kind, country })) })
})
