import type { ProjectRole } from '@/generated/prisma/client'
import { db } from '@/lib/db/client'
import { allow, deny, enforce, type Decision } from './decision'

export type ProjectAction =
  | 'view'
  | 'edit'
  | 'manage_members'
  | 'upload_dataset'
  | 'launch_run'
  | 'delete'
  | 'manage_plan'
  | 'record_outcome'
  | 'manage_agreements'

// The least role each action needs; roles are ordered owner > manager > researcher > viewer.
const RANK: Record<ProjectRole, number> = { VIEWER: 0, RESEARCHER: 1, MANAGER: 2, OWNER: 3 }
const NEEDS: Record<ProjectAction, ProjectRole> = {
  view: 'VIEWER',
  upload_dataset: 'RESEARCHER',
  launch_run: 'RESEARCHER',
  edit: 'MANAGER',
  manage_members: 'MANAGER',
  delete: 'OWNER',
  manage_plan: 'MANAGER',
  record_outcome: 'RESEARCHER',
  manage_agreements: 'MANAGER',
}

export type Membership = { role: ProjectRole; accessEndsAt: Date | null } | null

export async function projectMembership(userId: string, projectId: string): Promise<Membership> {
  return db().projectMember.findUnique({
    where: { projectId_userId: { projectId, userId } },
    select: { role: true, accessEndsAt: true },
  })
}

/** Whether a member with this membership may take an action on the project. */
export function decideProjectAction(
  membership: Membership,
  action: ProjectAction,
  now = new Date(),
): Decision {
  if (!membership) return deny('You are not a member of this project.', 'not_found')
  if (membership.accessEndsAt && membership.accessEndsAt <= now) {
    return deny('Your access to this project ended on ' +
      `${membership.accessEndsAt.toISOString().slice(0, 10)}.`)
  }
  if (RANK[membership.role] < RANK[NEEDS[action]]) {
    return deny(`This needs the ${NEEDS[action].toLowerCase()} role or higher; ` +
      `you are ${membership.role.toLowerCase()}.`)
  }
  return allow()
}

export async function canOnProject(
  userId: string,
  projectId: string,
  action: ProjectAction,
): Promise<Decision> {
  return decideProjectAction(await projectMembership(userId, projectId), action)
}

/** Whether the user may take the action; throws the API refusal when not. */
export async function requireOnProject(
  userId: string,
  projectId: string,
  action: ProjectAction,
): Promise<void> {
  enforce(await canOnProject(userId, projectId, action))
}

/** Whether a role may invite someone with another role: never above one's own. */
export function decideInviteRole(membership: Membership, role: ProjectRole): Decision {
  const base = decideProjectAction(membership, 'manage_members')
  if (!base.allowed || !membership) return base
  if (RANK[role] > RANK[membership.role]) {
    return deny(`You cannot give the ${role.toLowerCase()} role: it is above your own.`)
  }
  return allow()
}
