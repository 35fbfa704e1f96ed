import { decideProjectAction, type Membership } from './projects'
import type { Decision } from './decision'

export type TransferAction = 'view' | 'record_outcome' | 'evaluate' | 'manage_agreements'

/**
 * Outcomes, evaluations and agreements belong to their project: members see
 * them, researchers record outcomes and evaluations, managers handle agreements.
 */
export function decideTransferAction(membership: Membership, action: TransferAction): Decision {
  switch (action) {
    case 'view': return decideProjectAction(membership, 'view')
    case 'record_outcome':
    case 'evaluate': return decideProjectAction(membership, 'record_outcome')
    case 'manage_agreements': return decideProjectAction(membership, 'manage_agreements')
  }
}
