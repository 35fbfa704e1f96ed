import type { ProjectRole } from '@/generated/prisma/client'
import { db } from '@/lib/db/client'
import { allow, deny, type Decision } from './decision'

export type ProjectAction =
  | 'view'
  | 'edit'
  | 'manage_members'
  | 'upload_dataset'
  | 'launch_run'
  | 'delete'

// The least role each action needs; roles are ordered owner > manager > researcher > viewer.
const RANK: Record<ProjectRole, number> = { VIEWER: 0, RESEARCHER: 1, MANAGER: 2, OWNER: 3 }
const NEEDS: Record<ProjectAction, ProjectRole> = {
  view: 'VIEWER',
  upload_dataset: 'RESEARCHER',
  launch_run: 'RESEARCHER',
  edit: 'MANAGER',
  manage_members: 'MANAGER',
  delete: 'OWNER',
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
