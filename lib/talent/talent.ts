import { enforce } from '@/lib/access/decision'
import { canOnProject } from '@/lib/access/projects'
import {
  decideInternshipCreate, decideInternshipView, decideProgramAction,
} from '@/lib/access/talent'
import { recordActivity } from '@/lib/activity/record'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { requireOrganization, userOrganizationIds } from '@/lib/organizations/queries'
import { fieldError, VALIDATION } from '@/lib/projects/validation'
import { internshipSchema, programSchema } from './schemas'

type Actor = { id: string }

async function usersByEmail(emails: string[], field: string) {
  const unique = [...new Set(emails.map((email) => email.toLowerCase()))]
  const users = await db().user.findMany({ where: { email: { in: unique } } })
  if (users.length !== unique.length) throw fieldError(field, VALIDATION.unknownUser)
  return users
}

/**
 * Records an internship. With a project, the intern becomes a researcher of it
 * whose access ends with the internship (ProjectMember.accessEndsAt, enforced
 * by lib/access/projects.ts).
 */
export async function createInternship(actor: Actor, input: unknown) {
  const data = internshipSchema.parse(input)
  await requireOrganization(data.hostOrganizationId, 'hostOrganizationId')
  enforce(decideInternshipCreate(await userOrganizationIds(actor.id), data.hostOrganizationId))
  const [student] = await usersByEmail([data.studentEmail], 'studentEmail')
  const supervisors = await usersByEmail(data.supervisorEmails, 'supervisorEmails')
  if (data.projectId) {
    const decision = await canOnProject(actor.id, data.projectId, 'manage_members')
    if (!decision.allowed) throw fieldError('projectId', decision.reason)
  }
  const accessEndsAt = new Date(data.endDate.getTime() + 86_400_000 - 1)

  return db().$transaction(async (tx) => {
    const internship = await tx.internship.create({
      data: {
        title: data.title, studentId: student.id, hostOrganizationId: data.hostOrganizationId,
        projectId: data.projectId ?? null, supervisorIds: supervisors.map((user) => user.id),
        startDate: data.startDate, endDate: data.endDate,
      },
    })
    if (data.projectId) {
      const projectId = data.projectId
      await tx.projectOrganization.upsert({
        where: { projectId_organizationId: { projectId,
          organizationId: data.hostOrganizationId } },
        create: { projectId, organizationId: data.hostOrganizationId },
        update: {},
      })
      await tx.projectMember.upsert({
        where: { projectId_userId: { projectId, userId: student.id } },
        create: { projectId, userId: student.id, organizationId: data.hostOrganizationId,
          role: 'RESEARCHER', accessEndsAt },
        update: { accessEndsAt },
      })
      await recordActivity(projectId, actor.id, 'internship.created',
        { name: student.name, endDate: data.endDate.toISOString().slice(0, 10) }, tx)
    }
    return internship
  })
}

export async function listInternshipsForUser(actor: Actor) {
  const organizationIds = await userOrganizationIds(actor.id)
  const internships = await db().internship.findMany({
    where: { OR: [
      { studentId: actor.id }, { supervisorIds: { has: actor.id } },
      { hostOrganizationId: { in: organizationIds } },
    ] },
    orderBy: { startDate: 'desc' },
    include: { hostOrganization: true, project: { select: { id: true, title: true } } },
  })
  const people = await namesOf(internships.flatMap((row) => [row.studentId,
    ...row.supervisorIds]))
  return internships.map((row) => ({
    ...row,
    studentName: people.get(row.studentId) ?? '',
    supervisorNames: row.supervisorIds.map((id) => people.get(id) ?? ''),
  }))
}

export async function getInternship(actor: Actor, internshipId: string) {
  const internship = await db().internship.findUnique({ where: { id: internshipId } })
  if (!internship) throw new AppError('not_found', 'This internship was not found.')
  enforce(decideInternshipView(
    { id: actor.id, organizationIds: await userOrganizationIds(actor.id) }, internship))
  return internship
}

export async function createProgram(actor: Actor, input: unknown) {
  const data = programSchema.parse(input)
  const organizations = await db().organization.findMany({
    where: { id: { in: data.organizationIds } },
  })
  if (organizations.length !== new Set(data.organizationIds).size) {
    throw fieldError('organizationIds', VALIDATION.unknownOrganization)
  }
  const mine = await userOrganizationIds(actor.id)
  if (!data.organizationIds.some((id) => mine.includes(id))) {
    throw new AppError('forbidden', 'Record a course or lab only for an organization you ' +
      'belong to.', { reason: 'not a member of any of its organizations' })
  }
  const people = await usersByEmail(data.peopleEmails, 'peopleEmails')
  for (const projectId of data.projectIds) {
    const decision = await canOnProject(actor.id, projectId, 'view')
    if (!decision.allowed) throw fieldError('projectIds', decision.reason)
  }

  return db().jointProgram.create({
    data: {
      kind: data.kind, title: data.title, description: data.description,
      peopleIds: people.map((user) => user.id), startDate: data.startDate,
      endDate: data.endDate ?? null,
      organizations: { create: organizations.map((org) => ({ organizationId: org.id })) },
      projects: { create: data.projectIds.map((projectId) => ({ projectId })) },
    },
  })
}

export async function listProgramsForUser(actor: Actor) {
  const organizationIds = await userOrganizationIds(actor.id)
  const programs = await db().jointProgram.findMany({
    where: { OR: [
      { peopleIds: { has: actor.id } },
      { organizations: { some: { organizationId: { in: organizationIds } } } },
    ] },
    orderBy: { startDate: 'desc' },
    include: {
      organizations: { include: { organization: true } },
      projects: { include: { project: { select: { id: true, title: true } } } },
    },
  })
  const people = await namesOf(programs.flatMap((row) => row.peopleIds))
  return programs.map((row) => ({
    ...row, peopleNames: row.peopleIds.map((id) => people.get(id) ?? ''),
  }))
}

export async function getProgram(actor: Actor, programId: string) {
  const program = await db().jointProgram.findUnique({
    where: { id: programId }, include: { organizations: true },
  })
  if (!program) throw new AppError('not_found', 'This course or lab was not found.')
  enforce(decideProgramAction(
    { id: actor.id, organizationIds: await userOrganizationIds(actor.id) },
    { organizationIds: program.organizations.map((link) => link.organizationId),
      peopleIds: program.peopleIds }))
  return program
}

async function namesOf(ids: string[]) {
  const users = await db().user.findMany({
    where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true },
  })
  return new Map(users.map((user) => [user.id, user.name]))
}
