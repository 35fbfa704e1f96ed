import type { NeedStatus, NeedVisibility } from '@/generated/prisma/client'
import { allow, deny, type Decision } from './decision'

export type NeedAction = 'view' | 'edit' | 'propose'

export type NeedForAccess = {
  organizationId: string
  status: NeedStatus
  visibility: NeedVisibility
  invitedOrganizationIds: string[]
}

/**
 * Who may do what with a need, given the organizations the person belongs to.
 * The posting organization sees and edits everything; others see a published or
 * closed need when it is public or their organization is invited, and nothing of
 * drafts: a need they may not see is "not found".
 */
export function decideNeedAction(
  userOrganizationIds: string[],
  need: NeedForAccess,
  action: NeedAction,
): Decision {
  const owner = userOrganizationIds.includes(need.organizationId)
  if (owner) {
    return action === 'propose'
      ? deny('Your organization posted this need; it cannot answer it.')
      : allow()
  }

  const invited = need.invitedOrganizationIds.some((id) => userOrganizationIds.includes(id))
  const visible = need.status !== 'DRAFT' && (need.visibility === 'PUBLIC' || invited)
  if (!visible) return deny('This need was not found.', 'not_found')
  if (action === 'edit') return deny('Only the organization that posted a need can change it.')
  if (action === 'propose' && need.status !== 'PUBLISHED') {
    return deny('This need is closed and takes no more proposals.')
  }
  return allow()
}

/** Prisma filter for the needs a person may see; mirrors decideNeedAction's 'view'. */
export function visibleNeedsWhere(userOrganizationIds: string[]) {
  return {
    OR: [
      { organizationId: { in: userOrganizationIds } },
      {
        status: { in: ['PUBLISHED', 'CLOSED'] as NeedStatus[] },
        OR: [
          { visibility: 'PUBLIC' as NeedVisibility },
          { invited: { some: { organizationId: { in: userOrganizationIds } } } },
        ],
      },
    ],
  }
}
