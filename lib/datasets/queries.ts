import { db } from '@/lib/db/client'
import type { VersionMetadata } from './versions'

/** The datasets of a project, newest first, with their latest version. */
export function listProjectDatasets(projectId: string) {
  return db().dataset.findMany({
    where: { projectId },
    orderBy: { createdAt: 'desc' },
    include: {
      organization: { select: { id: true, name: true } },
      versions: { orderBy: { version: 'desc' }, take: 1 },
      _count: { select: { versions: true } },
    },
  })
}

export function getDataset(datasetId: string) {
  return db().dataset.findUnique({
    where: { id: datasetId },
    include: {
      organization: { select: { id: true, name: true } },
      project: { select: { id: true, title: true } },
      createdBy: { select: { id: true, name: true } },
      versions: {
        orderBy: { version: 'desc' },
        include: { createdBy: { select: { id: true, name: true } } },
      },
    },
  })
}

export function getVersion(datasetId: string, version: number) {
  return db().datasetVersion.findUnique({
    where: { datasetId_version: { datasetId, version } },
  })
}

export type DatasetDetail = NonNullable<Awaited<ReturnType<typeof getDataset>>>

/** A version as the API shows it; sizes as numbers since BigInt is not JSON. */
export function versionJson(version: {
  id: string; version: number; sha256: string; sizeBytes: bigint; metadata: unknown
  createdAt: Date; createdById: string
}) {
  return {
    id: version.id,
    version: version.version,
    sha256: version.sha256,
    sizeBytes: Number(version.sizeBytes),
    metadata: version.metadata as VersionMetadata,
    createdAt: version.createdAt.toISOString(),
    createdById: version.createdById,
  }
}

/** A dataset as the API shows it to anyone who may see its card. */
export function datasetJson(dataset: {
  id: string; projectId: string; organizationId: string; createdById: string; name: string
  format: string; description: string; source: string; licence: string; sensitivity: string
  intendedUse: string; terms: string; projectLevel: string; createdAt: Date; updatedAt: Date
}) {
  return {
    id: dataset.id,
    projectId: dataset.projectId,
    organizationId: dataset.organizationId,
    createdById: dataset.createdById,
    name: dataset.name,
    format: dataset.format,
    card: {
      description: dataset.description,
      source: dataset.source,
      licence: dataset.licence,
      sensitivity: dataset.sensitivity,
      intendedUse: dataset.intendedUse,
    },
    policy: { projectLevel: dataset.projectLevel, terms: dataset.terms },
    createdAt: dataset.createdAt.toISOString(),
    updatedAt: dataset.updatedAt.toISOString(),
  }
}

/** The people who decide about a dataset, for notifications (see lib/access/datasets). */
export async function stewardIds(datasetId: string): Promise<string[]> {
  const dataset = await db().dataset.findUnique({ where: { id: datasetId },
    select: { createdById: true, projectId: true, organizationId: true } })
  if (!dataset) return []
  const [managers, orgStewards] = await Promise.all([
    db().projectMember.findMany({ where: { projectId: dataset.projectId,
      organizationId: dataset.organizationId, role: { in: ['OWNER', 'MANAGER'] } },
    select: { userId: true } }),
    db().organizationMembership.findMany({ where: { organizationId: dataset.organizationId,
      role: { in: ['STEWARD', 'ADMIN'] } }, select: { userId: true } }),
  ])
  return [...new Set([dataset.createdById, ...managers.map((m) => m.userId),
    ...orgStewards.map((m) => m.userId)])]
}

/** A new dataset is provided by the organization its uploader represents in the project. */
export async function uploaderOrganizationId(userId: string, projectId: string) {
  const member = await db().projectMember.findUnique({
    where: { projectId_userId: { projectId, userId } }, select: { organizationId: true } })
  return member?.organizationId ?? null
}

/** Organizations a steward may grant to (all of them: partners are often new to a project). */
export function listOrganizationsForGrants() {
  return db().organization.findMany({ orderBy: { name: 'asc' },
    select: { id: true, name: true, kind: true } })
}

/** Names of the users and projects that grants and requests refer to. */
export async function namesFor(userIds: string[], projectIds: string[] = []) {
  const [users, projects] = await Promise.all([
    db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true,
      email: true } }),
    db().project.findMany({ where: { id: { in: projectIds } }, select: { id: true,
      title: true } }),
  ])
  return {
    user: new Map(users.map((u) => [u.id, `${u.name} <${u.email}>`])),
    project: new Map(projects.map((p) => [p.id, p.title])),
  }
}

/**
 * Datasets outside the user's own projects that they can see: those a live grant reaches
 * (to them, their organizations or their projects) and those with a PUBLIC card.
 */
export async function listDatasetsSharedWith(userId: string) {
  const [orgs, projects] = await Promise.all([
    db().organizationMembership.findMany({ where: { userId }, select: { organizationId: true } }),
    db().projectMember.findMany({ where: { userId }, select: { projectId: true } }),
  ])
  const now = new Date()
  return db().dataset.findMany({
    where: {
      projectId: { notIn: projects.map((p) => p.projectId) },
      OR: [
        { sensitivity: 'PUBLIC' },
        { grants: { some: {
          revokedAt: null,
          OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
          AND: [{ OR: [
            { granteeUserId: userId },
            { granteeOrganizationId: { in: orgs.map((o) => o.organizationId) } },
            { granteeProjectId: { in: projects.map((p) => p.projectId) } },
          ] }],
        } } },
      ],
    },
    orderBy: { updatedAt: 'desc' },
    include: { organization: { select: { name: true } }, project: { select: { title: true } } },
  })
}
