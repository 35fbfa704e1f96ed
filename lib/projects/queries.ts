import { db } from '@/lib/db/client'

export function listProjectsForUser(userId: string) {
  return db().project.findMany({
    where: { members: { some: { userId } } },
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
      members: {
        include: { user: { select: { id: true, name: true, email: true } }, organization: true },
        orderBy: { createdAt: 'asc' },
      },
    },
  })
}
