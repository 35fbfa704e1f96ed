import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { csvResponse } from '@/lib/projects/csv'
import { outcomesCsv } from '@/lib/projects/exports'
import { listOutcomesForUser } from '@/lib/transfer/outcomes'

/** Outcomes of the caller's projects; ?format=csv for a spreadsheet. */
export const GET = route(async (request) => {
  const user = await requireApiUser(request)
  if (new URL(request.url).searchParams.get('format') === 'csv') {
    return csvResponse('outcomes.csv', await outcomesCsv(user))
  }
  return NextResponse.json({ outcomes: await listOutcomesForUser(user) })
})
