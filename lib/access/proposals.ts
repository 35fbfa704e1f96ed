import { allow, deny, type Decision } from './decision'

export type ProposalAction = 'view' | 'screen' | 'comment' | 'withdraw'

export type ProposalForAccess = { authorId: string; needOrganizationId: string; status: string }

/**
 * A proposal is seen by its author and by the organization that posted the
 * need, nobody else (not even other proposers). The company screens; the author
 * withdraws; both comment.
 */
export function decideProposalAction(
  user: { id: string; organizationIds: string[] },
  proposal: ProposalForAccess,
  action: ProposalAction,
): Decision {
  const author = proposal.authorId === user.id
  const company = user.organizationIds.includes(proposal.needOrganizationId)
  if (!author && !company) return deny('This proposal was not found.', 'not_found')

  if (action === 'screen' && !company) {
    return deny('Only the organization that posted the need screens its proposals.')
  }
  if (action === 'withdraw' && !author) return deny('Only the author can withdraw a proposal.')
  const decided = ['ACCEPTED', 'DECLINED', 'WITHDRAWN'].includes(proposal.status)
  if ((action === 'screen' || action === 'withdraw') && decided) {
    return deny(`This proposal is already ${proposal.status.toLowerCase()}.`)
  }
  return allow()
}
