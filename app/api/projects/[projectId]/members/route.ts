import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { getProjectOverview } from '@/lib/projects/queries'
import { requireProjectView } from '@/lib/projects/setup'

type Context = { params: Promise<{ projectId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  await requireProjectView(user.id, projectId)
  const project = await getProjectOverview(projectId)
  return NextResponse.json({ members: project?.members ?? [] })
})
