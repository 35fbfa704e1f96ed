import { decideProjectAction, projectMembership, requireOnProject } from '@/lib/access/projects'
import { enforce } from '@/lib/access/decision'
import { recordActivity } from '@/lib/activity/record'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { requireUserOrganization } from '@/lib/organizations/queries'
import { fieldError, VALIDATION } from './validation'
import { projectSchema, projectUpdateSchema } from './schemas'

type Actor = { id: string }

/** A project from the blank form: the creator is its owner, for their organization. */
export async function createProject(actor: Actor, input: unknown) {
  const data = projectSchema.parse(input)
  await requireUserOrganization(actor.id, data.organizationId, 'organizationId')

  return db().$transaction(async (tx) => {
    const project = await tx.project.create({
      data: {
        title: data.title, summary: data.summary, objectives: data.objectives, plan: data.plan,
        status: data.status, startDate: data.startDate, endDate: data.endDate,
        createdById: actor.id,
        organizations: { create: { organizationId: data.organizationId } },
        members: {
          create: { userId: actor.id, organizationId: data.organizationId, role: 'OWNER' },
        },
      },
    })
    await recordActivity(project.id, actor.id, 'project.created', { title: project.title }, tx)
    return project
  })
}

/** Changes objectives, plan, dates or status; dates are checked against the stored ones. */
export async function updateProject(actor: Actor, projectId: string, input: unknown) {
  await requireOnProject(actor.id, projectId, 'edit')
  const data = projectUpdateSchema.parse(input)
  const current = await db().project.findUniqueOrThrow({ where: { id: projectId } })
  const startDate = data.startDate === undefined ? current.startDate : data.startDate
  const endDate = data.endDate === undefined ? current.endDate : data.endDate
  if (startDate && endDate && endDate < startDate) {
    throw fieldError('endDate', VALIDATION.endBeforeStart)
  }

  return db().$transaction(async (tx) => {
    const project = await tx.project.update({ where: { id: projectId }, data })
    const kind = data.status && data.status !== current.status
      ? 'project.status_changed' : 'project.updated'
    await recordActivity(projectId, actor.id, kind, { status: project.status }, tx)
    return project
  })
}

/** The refusal an API caller gets when they may not see a project. */
export async function requireProjectView(actorId: string, projectId: string): Promise<void> {
  enforce(decideProjectAction(await projectMembership(actorId, projectId), 'view'))
}

export async function getProjectOrThrow(projectId: string) {
  const project = await db().project.findUnique({ where: { id: projectId } })
  if (!project) throw new AppError('not_found', 'This project was not found.')
  return project
}
