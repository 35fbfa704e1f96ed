import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { createProgram, listProgramsForUser } from '@/lib/talent/talent'

export const GET = route(async (request) => {
  const user = await requireApiUser(request)
  return NextResponse.json({ programs: await listProgramsForUser(user) })
})

export const POST = route(async (request) => {
  const user = await requireApiUser(request)
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ program: await createProgram(user, input) }, { status: 201 })
})
