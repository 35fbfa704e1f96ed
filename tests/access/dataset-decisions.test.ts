import { describe, expect, it } from 'vitest'
import {
  decideDatasetAction, effectiveLevel, type DatasetAccess, type GrantSummary,
} from '@/lib/access/datasets'

const now = new Date('2026-06-01T12:00:00Z')
const grant = (overrides: Partial<GrantSummary>): GrantSummary => ({ id: 'g', level: 'TRAIN',
  expiresAt: null, revokedAt: null, termsAcceptedAt: new Date('2026-05-01'), ...overrides })
const access = (overrides: Partial<DatasetAccess> = {}): DatasetAccess => ({
  datasetId: 'd', projectId: 'p', steward: false, projectMember: false,
  projectLevel: 'DOWNLOAD', sensitivity: 'INTERNAL', grants: [], ...overrides })

describe('dataset access decisions', () => {
  it('a train-only grantee may train but neither download nor preview', () => {
    const holder = access({ grants: [grant({})] })

    expect(decideDatasetAction(holder, 'train', now).allowed).toBe(true)
    expect(decideDatasetAction(holder, 'download', now)).toMatchObject({ allowed: false,
      code: 'forbidden' })
    expect(decideDatasetAction(holder, 'preview', now).allowed).toBe(false)
  })

  it('an expired grant stops working the moment it expires, with the date in the reason', () => {
    const holder = access({ projectMember: true, projectLevel: 'METADATA',
      grants: [grant({ expiresAt: new Date('2026-06-01T11:59:59Z') })] })

    const decision = decideDatasetAction(holder, 'train', now)

    expect(decision).toMatchObject({ allowed: false, code: 'forbidden' })
    expect(decision.allowed || decision.reason).toMatch(/expired on 2026-06-01/)
  })

  it('a revoked grant is refused with the revocation named', () => {
    const holder = access({ projectMember: true, projectLevel: 'METADATA',
      grants: [grant({ revokedAt: new Date('2026-05-20') })] })

    const decision = decideDatasetAction(holder, 'train', now)

    expect(decision.allowed || decision.reason).toMatch(/revoked on 2026-05-20/)
  })

  it('a grant whose terms are not accepted yet gives metadata only', () => {
    const holder = access({ grants: [grant({ termsAcceptedAt: null, level: 'DOWNLOAD' })] })

    expect(effectiveLevel(holder, now)).toBe('METADATA')
    expect(decideDatasetAction(holder, 'train', now).allowed || 'refused')
      .toBe('refused')
  })

  it('someone with no standing does not learn that the dataset exists', () => {
    expect(decideDatasetAction(access(), 'view', now)).toMatchObject({ code: 'not_found' })
    expect(decideDatasetAction(null, 'view', now)).toMatchObject({ code: 'not_found' })
  })

  it('a public card is visible to every signed-in user, its data is not', () => {
    const anyone = access({ sensitivity: 'PUBLIC' })

    expect(decideDatasetAction(anyone, 'view', now).allowed).toBe(true)
    expect(decideDatasetAction(anyone, 'train', now).allowed).toBe(false)
  })

  it('only stewards manage grants, whatever their level', () => {
    expect(decideDatasetAction(access({ grants: [grant({ level: 'DOWNLOAD' })] }),
      'manage_grants', now)).toMatchObject({ allowed: false, code: 'forbidden' })
    expect(decideDatasetAction(access({ steward: true }), 'manage_grants', now).allowed)
      .toBe(true)
  })
})
