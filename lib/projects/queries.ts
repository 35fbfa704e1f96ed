import { db } from '@/lib/db/client'

/**
 * Prisma filter for the memberships that still give access: the same rule as
 * decideProjectAction (an intern's access ends with the internship).
 */
export function activeMembership(userId: string, now = new Date()) {
  return { userId, OR: [{ accessEndsAt: null }, { accessEndsAt: { gt: now } }] }
}

export function listProjectsForUser(userId: string) {
  return db().project.findMany({
    where: { members: { some: activeMembership(userId) } },
    orderBy: { updatedAt: 'desc' },
    include: {
      organizations: { include: { organization: true } },
      members: { where: { userId }, select: { role: true } },
      _count: { select: { datasets: true, runs: true, members: true } },
    },
  })
}

export function getProjectOverview(projectId: string) {
  return db().project.findUnique({
    where: { id: projectId },
    include: {
      organizations: { include: { organization: true } },
      need: { select: { id: true, title: true } },
      members: {
        include: { user: { select: { id: true, name: true, email: true } }, organization: true },
        orderBy: { createdAt: 'asc' },
      },
    },
  })
}

/** Partners and members of a project, for the choices of its forms. */
export async function projectChoices(projectId: string) {
  const [partners, members] = await Promise.all([
    db().projectOrganization.findMany({
      where: { projectId },
      include: { organization: true },
    }),
    db().projectMember.findMany({
      where: { projectId },
      include: { user: { select: { id: true, name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
  ])
  return {
    organizations: partners.map((link) => link.organization),
    members: members.map((member) => ({ id: member.userId, name: member.user.name,
      organizationId: member.organizationId, role: member.role })),
  }
}

/** Runs and dataset versions of a project, for linking deliverables and evidence. */
export async function projectArtifacts(projectId: string) {
  const [runs, versions] = await Promise.all([
    db().run.findMany({
      where: { projectId },
      orderBy: { queuedAt: 'desc' },
      select: { id: true, name: true, status: true, preset: true },
      take: 100,
    }),
    db().datasetVersion.findMany({
      where: { dataset: { projectId } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, version: true, dataset: { select: { name: true } } },
      take: 100,
    }),
  ])
  return { runs, versions }
}
