import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { csvResponse } from '@/lib/projects/csv'
import { projectsCsv } from '@/lib/projects/exports'
import { listProjectsForUser } from '@/lib/projects/queries'
import { createProject } from '@/lib/projects/setup'

/** The caller's projects; ?format=csv for a spreadsheet. */
export const GET = route(async (request) => {
  const user = await requireApiUser(request)
  if (new URL(request.url).searchParams.get('format') === 'csv') {
    return csvResponse('projects.csv', await projectsCsv(user))
  }
  return NextResponse.json({ projects: await listProjectsForUser(user.id) })
})

/** A project from a blank form; the caller becomes its owner. */
export const POST = route(async (request) => {
  const user = await requireApiUser(request)
  const input = await readJson(request, z.record(z.string(), z.unknown()))
  return NextResponse.json({ project: await createProject(user, input) }, { status: 201 })
})
