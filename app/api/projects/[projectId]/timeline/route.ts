import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/session'
import { route } from '@/lib/http/respond'
import { listMilestones } from '@/lib/milestones/milestones'
import { listWorkPackages } from '@/lib/projects/plan'
import { getProjectOrThrow, requireProjectView } from '@/lib/projects/setup'
import { buildTimeline } from '@/lib/projects/timeline'

type Context = { params: Promise<{ projectId: string }> }

/** Milestones and work packages placed on one axis (positions in percent). */
export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  await requireProjectView(user.id, projectId)
  const [project, milestones, workPackages] = await Promise.all([
    getProjectOrThrow(projectId), listMilestones(projectId), listWorkPackages(projectId),
  ])
  const timeline = buildTimeline({ startDate: project.startDate, endDate: project.endDate,
    milestones, workPackages: workPackages.map((w) => ({ ...w,
      organization: w.responsibleOrganization.name })) })
  return NextResponse.json({ timeline })
})
