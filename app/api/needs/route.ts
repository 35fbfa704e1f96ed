import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { createNeed, listNeedsForUser } from '@/lib/needs/needs'
import { csvResponse } from '@/lib/projects/csv'
import { needsCsv } from '@/lib/projects/exports'

/**
 * Needs the caller may see, filtered by q, tag, organizationId, status and
 * deadlineBefore; ?format=csv for a spreadsheet.
 */
export const GET = route(async (request) => {
  const user = await requireApiUser(request)
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const { format, ...filter } = params
  if (format === 'csv') return csvResponse('needs.csv', await needsCsv(user, filter))
  return NextResponse.json({ needs: await listNeedsForUser(user, filter) })
})

export const POST = route(async (request) => {
  const user = await requireApiUser(request)
  const need = await createNeed(user, await readJson(request, z.record(z.string(), z.unknown())))
  return NextResponse.json({ need }, { status: 201 })
})
