import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { getInternship } from '@/lib/talent/talent'

type Context = { params: Promise<{ internshipId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { internshipId } = await context.params
  return NextResponse.json({ internship: await getInternship(user, internshipId) })
})
