import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { getOutcome } from '@/lib/transfer/outcomes'

type Context = { params: Promise<{ outcomeId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { outcomeId } = await context.params
  return NextResponse.json({ outcome: await getOutcome(user, outcomeId) })
})
