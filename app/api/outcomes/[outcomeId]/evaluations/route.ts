import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { evaluateOutcome } from '@/lib/transfer/outcomes'

type Context = { params: Promise<{ outcomeId: string }> }

/** { readinessLevel: 1–9, notes?, evaluatedAt? } */
export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { outcomeId } = await context.params
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ evaluation: await evaluateOutcome(user, outcomeId, input) },
    { status: 201 })
})
