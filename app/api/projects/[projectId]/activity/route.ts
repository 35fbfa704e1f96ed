import { NextResponse } from 'next/server'
import { listProjectActivity } from '@/lib/activity/queries'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { requireProjectView } from '@/lib/projects/setup'

type Context = { params: Promise<{ projectId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  await requireProjectView(user.id, projectId)
  return NextResponse.json({ activity: await listProjectActivity(projectId, 200) })
})
