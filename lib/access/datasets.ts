import type { AccessLevel, ProjectRole, Sensitivity } from '@/generated/prisma/client'
import { recordAudit } from '@/lib/audit/record'
import { db } from '@/lib/db/client'
import { allow, deny, type Decision } from './decision'

// Who may do what with a dataset. A user's level is the highest of:
//   - DOWNLOAD for a steward: the dataset's creator, an OWNER or MANAGER of its project who
//     represents the organization that provides it, a STEWARD or ADMIN of that
//     organization. A partner's project manager is not a steward of the other side's
//     data: otherwise train-only sharing between partners could not exist;
//   - the dataset's `projectLevel` for every member of its project (until accessEndsAt);
//   - METADATA for every signed-in user when the card is PUBLIC;
//   - the level of each live grant to the user, one of their organizations, or a
//     project they are a member of (not revoked, not expired). A grant whose terms the
//     grantee has not yet accepted gives METADATA only, so they can read and accept them.
// Levels are ordered metadata < train < download; `train` never reads bytes.

export type DatasetAction =
  | 'view'
  | 'train'
  | 'download'
  | 'preview'
  | 'request_access'
  | 'edit_card'
  | 'manage_policy'
  | 'manage_grants'
  | 'decide_requests'
  | 'read_audit'
  | 'upload_version'

const RANK: Record<AccessLevel, number> = { METADATA: 1, TRAIN: 2, DOWNLOAD: 3 }
const NEEDS: Partial<Record<DatasetAction, AccessLevel>> = {
  view: 'METADATA',
  request_access: 'METADATA',
  train: 'TRAIN',
  download: 'DOWNLOAD',
  preview: 'DOWNLOAD',
}
const STEWARD_ROLES: ProjectRole[] = ['OWNER', 'MANAGER']

export type GrantSummary = {
  id: string
  level: AccessLevel
  expiresAt: Date | null
  revokedAt: Date | null
  termsAcceptedAt: Date | null
}

/** Everything a decision needs, gathered once per request. */
export type DatasetAccess = {
  datasetId: string
  projectId: string
  steward: boolean
  projectMember: boolean
  projectLevel: AccessLevel
  sensitivity: Sensitivity
  /** Grants that name this user, one of their organizations or one of their projects. */
  grants: GrantSummary[]
}

function higher(a: AccessLevel | null, b: AccessLevel | null): AccessLevel | null {
  if (!a) return b
  if (!b) return a
  return RANK[a] >= RANK[b] ? a : b
}

export function isLive(grant: GrantSummary, now: Date): boolean {
  return !grant.revokedAt && (!grant.expiresAt || grant.expiresAt > now)
}

/** The highest level a user holds on a dataset right now, or null for none. */
export function effectiveLevel(access: DatasetAccess, now = new Date()): AccessLevel | null {
  if (access.steward) return 'DOWNLOAD'
  let level: AccessLevel | null = access.projectMember ? access.projectLevel : null
  if (access.sensitivity === 'PUBLIC') level = higher(level, 'METADATA')
  for (const grant of access.grants) {
    if (!isLive(grant, now)) continue
    level = higher(level, grant.termsAcceptedAt ? grant.level : 'METADATA')
  }
  return level
}

/** Whether a user with this access may take an action; refusals say why. */
export function decideDatasetAction(
  access: DatasetAccess | null,
  action: DatasetAction,
  now = new Date(),
): Decision {
  const level = access ? effectiveLevel(access, now) : null
  if (!access || !level) return deny('The dataset was not found.', 'not_found')

  const needed = NEEDS[action]
  if (!needed) {
    if (access.steward) return allow()
    return deny('Only the dataset\'s stewards may do this: its creator, the managers of its ' +
      'project, and the data stewards of its organization.')
  }
  if (RANK[level] >= RANK[needed]) return allow()
  const lapse = lapseOf(access, needed, now)
  return deny(`This needs ${needed.toLowerCase()} access to the dataset; you have ` +
    `${level.toLowerCase()} access. ${lapse.note}`, 'forbidden',
  { key: 'dataset_level', params: { needed, level, lapse: lapse.kind, ...lapse.params } })
}

type Lapse = { kind: 'revoked' | 'expired' | 'unaccepted' | 'none'; note: string;
  params: Record<string, string> }

// Tells a user whose access went away why, rather than a bare refusal.
function lapseOf(access: DatasetAccess, needed: AccessLevel, now: Date): Lapse {
  const relevant = access.grants.filter((grant) => RANK[grant.level] >= RANK[needed])
  const day = (date: Date) => date.toISOString().slice(0, 10)
  const revoked = relevant.find((grant) => grant.revokedAt)
  if (revoked?.revokedAt) {
    const params = { grantLevel: revoked.level, date: day(revoked.revokedAt) }
    return { kind: 'revoked', params, note: `Your ${revoked.level.toLowerCase()} grant was ` +
      `revoked on ${params.date}. Request access again from the dataset page.` }
  }
  const expired = relevant.find((grant) => grant.expiresAt && grant.expiresAt <= now)
  if (expired?.expiresAt) {
    const params = { grantLevel: expired.level, date: day(expired.expiresAt) }
    return { kind: 'expired', params, note: `Your ${expired.level.toLowerCase()} grant ` +
      `expired on ${params.date}. Request access again from the dataset page.` }
  }
  const unaccepted = relevant.find((grant) => isLive(grant, now) && !grant.termsAcceptedAt)
  if (unaccepted) {
    return { kind: 'unaccepted', params: {},
      note: 'Accept the terms of your grant on the dataset page first.' }
  }
  return { kind: 'none', params: {}, note: 'Request access from the dataset page.' }
}

/** Gathers a user's standing on a dataset; null when the dataset does not exist. */
export async function datasetAccess(
  userId: string,
  datasetId: string,
  now = new Date(),
): Promise<DatasetAccess | null> {
  const dataset = await db().dataset.findUnique({
    where: { id: datasetId },
    select: { id: true, projectId: true, organizationId: true, createdById: true,
      projectLevel: true, sensitivity: true },
  })
  if (!dataset) return null

  const [orgs, projects] = await Promise.all([
    db().organizationMembership.findMany({ where: { userId },
      select: { organizationId: true, role: true } }),
    db().projectMember.findMany({ where: { userId },
      select: { projectId: true, role: true, accessEndsAt: true, organizationId: true } }),
  ])
  const liveProjects = projects.filter((m) => !m.accessEndsAt || m.accessEndsAt > now)
  const membership = liveProjects.find((m) => m.projectId === dataset.projectId)
  const orgRole = orgs.find((m) => m.organizationId === dataset.organizationId)?.role

  const grants = await db().accessGrant.findMany({
    where: {
      datasetId,
      OR: [
        { granteeUserId: userId },
        { granteeOrganizationId: { in: orgs.map((m) => m.organizationId) } },
        { granteeProjectId: { in: liveProjects.map((m) => m.projectId) } },
      ],
    },
    select: { id: true, level: true, expiresAt: true, revokedAt: true, termsAcceptedAt: true },
  })

  return {
    datasetId,
    projectId: dataset.projectId,
    steward: dataset.createdById === userId ||
      (membership !== undefined && STEWARD_ROLES.includes(membership.role) &&
        membership.organizationId === dataset.organizationId) ||
      orgRole === 'STEWARD' || orgRole === 'ADMIN',
    projectMember: membership !== undefined,
    projectLevel: dataset.projectLevel,
    sensitivity: dataset.sensitivity,
    grants,
  }
}

export async function canOnDataset(
  userId: string,
  datasetId: string,
  action: DatasetAction,
): Promise<Decision> {
  return decideDatasetAction(await datasetAccess(userId, datasetId), action)
}

const AUDITED: Partial<Record<DatasetAction, string>> = {
  view: 'dataset.view',
  train: 'dataset.train',
  download: 'dataset.download',
  preview: 'dataset.preview',
}

/**
 * Decides and writes the decision to the audit trail: every use of a dataset (a read of
 * its card, a download, a preview, a run started on it) and every refusal. Stewards'
 * allowed changes are audited by the change itself (grant.create, policy.update, …).
 */
export async function authorizeDatasetUse(options: {
  userId: string
  datasetId: string
  action: DatasetAction
  resourceType?: string
  resourceId?: string
  details?: Record<string, string | number | boolean | null>
}): Promise<Decision> {
  const access = await datasetAccess(options.userId, options.datasetId)
  const decision = decideDatasetAction(access, options.action)
  if (!access) return decision
  if (decision.allowed && !AUDITED[options.action]) return decision

  await recordAudit({
    actorId: options.userId,
    action: AUDITED[options.action] ?? `dataset.${options.action}`,
    outcome: decision.allowed ? 'allow' : 'deny',
    reason: decision.allowed ? undefined : decision.reason,
    resourceType: options.resourceType ?? 'dataset',
    resourceId: options.resourceId ?? options.datasetId,
    datasetId: options.datasetId,
    projectId: access.projectId,
    details: options.details,
  })
  return decision
}

/**
 * For runs: may this user train on this dataset version? Writes the decision to the
 * audit trail as `dataset.train`, with the run id when there is one.
 */
export async function authorizeTraining(
  userId: string,
  datasetVersionId: string,
  runId?: string,
): Promise<Decision> {
  const version = await db().datasetVersion.findUnique({
    where: { id: datasetVersionId }, select: { datasetId: true, version: true },
  })
  if (!version) return deny('The dataset version was not found.', 'not_found')
  return authorizeDatasetUse({
    userId,
    datasetId: version.datasetId,
    action: 'train',
    resourceType: 'dataset_version',
    resourceId: datasetVersionId,
    details: { version: version.version, runId: runId ?? null },
  })
}
