import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { getProgram } from '@/lib/talent/talent'

type Context = { params: Promise<{ programId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { programId } = await context.params
  return NextResponse.json({ program: await getProgram(user, programId) })
})
