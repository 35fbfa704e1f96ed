import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { getAgreement, setAgreementStatus } from '@/lib/transfer/agreements'

type Context = { params: Promise<{ agreementId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { agreementId } = await context.params
  return NextResponse.json({ agreement: await getAgreement(user, agreementId) })
})

/** Moves the agreement: { status, signedDate? }. */
export const PATCH = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { agreementId } = await context.params
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ agreement: await setAgreementStatus(user, agreementId, input) })
})
