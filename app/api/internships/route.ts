import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { createInternship, listInternshipsForUser } from '@/lib/talent/talent'

export const GET = route(async (request) => {
  const user = await requireApiUser(request)
  return NextResponse.json({ internships: await listInternshipsForUser(user) })
})

export const POST = route(async (request) => {
  const user = await requireApiUser(request)
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ internship: await createInternship(user, input) }, { status: 201 })
})
