import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { csvResponse } from '@/lib/projects/csv'
import { agreementsCsv } from '@/lib/projects/exports'
import { listAgreementsForUser } from '@/lib/transfer/agreements'
import { summarizePortfolio } from '@/lib/transfer/portfolio'

/** Agreements of the caller's projects (?organizationId= as party), with the portfolio. */
export const GET = route(async (request) => {
  const user = await requireApiUser(request)
  const params = new URL(request.url).searchParams
  const organizationId = params.get('organizationId') ?? undefined
  if (params.get('format') === 'csv') {
    return csvResponse('agreements.csv', await agreementsCsv(user, organizationId))
  }
  const agreements = await listAgreementsForUser(user, organizationId)
  return NextResponse.json({ agreements, portfolio: summarizePortfolio(agreements) })
})
