import { Readable } from 'node:stream'
import { createApiToken } from '@/lib/auth/api-tokens'
import { createIdxDatasetVersion } from '@/lib/datasets/versions'
import { db } from '@/lib/db/client'
import { createOrganization, createProject, createUser } from '../helpers/fixtures'
import { idxImages, idxLabels } from '../datasets/helpers'

/** Pixel bytes spell this, so any response that carries samples is caught. */
export const MARKER = 'TANDEM-SECRET-PX'

export const ACTORS = ['owner', 'steward', 'memberDownload', 'memberTrain', 'memberMetadata',
  'orgGranted', 'expired', 'revoked', 'outsider', 'anonymous'] as const
export type Actor = (typeof ACTORS)[number]

/**
 * A company's dataset in a joint project, with projectLevel METADATA, and one user per
 * kind of standing on it (see issue 3's list of actors).
 */
export async function buildMatrixWorld() {
  const company = await createOrganization('COMPANY')
  const university = await createOrganization('UNIVERSITY')
  const partner = await createOrganization('OTHER')
  const elsewhere = await createOrganization('UNIVERSITY')

  const owner = await createUser({ organizationId: company.id, name: 'Owner' })
  const steward = await createUser({ organizationId: company.id, orgRole: 'STEWARD' })
  const memberDownload = await createUser({ organizationId: university.id })
  const memberTrain = await createUser({ organizationId: university.id })
  const memberMetadata = await createUser({ organizationId: university.id })
  const orgGranted = await createUser({ organizationId: partner.id })
  const expired = await createUser({ organizationId: elsewhere.id })
  const revoked = await createUser({ organizationId: university.id })
  const outsider = await createUser({ organizationId: elsewhere.id })
  const spare = await createUser({ organizationId: elsewhere.id })

  const member = (userId: string, organizationId: string, role: 'OWNER' | 'RESEARCHER' |
    'VIEWER') => ({ userId, organizationId, role })
  const project = await createProject({ createdById: owner.id, members: [
    member(owner.id, company.id, 'OWNER'),
    member(memberDownload.id, university.id, 'RESEARCHER'),
    member(memberTrain.id, university.id, 'RESEARCHER'),
    member(memberMetadata.id, university.id, 'VIEWER'),
    member(revoked.id, university.id, 'RESEARCHER'),
  ] })

  const pixels = (i: number) => MARKER.charCodeAt(i % MARKER.length)
  const { dataset } = await createIdxDatasetVersion({
    projectId: project.id, organizationId: company.id, createdById: owner.id, name: 'secret',
    card: { projectLevel: 'METADATA', terms: 'Use for the project only.' },
    files: {
      trainImages: Readable.from([idxImages(12, 4, 4, pixels)]),
      trainLabels: Readable.from([idxLabels([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2])]),
      testImages: Readable.from([idxImages(6, 4, 4, pixels)]),
      testLabels: Readable.from([idxLabels([0, 1, 2, 0, 1, 2])]),
    },
  })

  const accepted = { termsAcceptedAt: new Date(), grantedById: owner.id, purpose: 'matrix' }
  const day = 24 * 3600 * 1000
  await db().accessGrant.createMany({ data: [
    { datasetId: dataset.id, level: 'DOWNLOAD', granteeUserId: memberDownload.id, ...accepted },
    { datasetId: dataset.id, level: 'TRAIN', granteeUserId: memberTrain.id, ...accepted },
    { datasetId: dataset.id, level: 'TRAIN', granteeOrganizationId: partner.id, ...accepted },
    { datasetId: dataset.id, level: 'DOWNLOAD', granteeUserId: expired.id, ...accepted,
      expiresAt: new Date(Date.now() - day) },
    { datasetId: dataset.id, level: 'TRAIN', granteeUserId: revoked.id, ...accepted,
      revokedAt: new Date(Date.now() - 1000), revokedById: owner.id },
  ] })
  const memberTrainGrant = await db().accessGrant.findFirstOrThrow({
    where: { granteeUserId: memberTrain.id } })

  const users = { owner, steward, memberDownload, memberTrain, memberMetadata, orgGranted,
    expired, revoked, outsider }
  const tokens = {} as Record<Actor, string | null>
  for (const [actor, user] of Object.entries(users)) {
    tokens[actor as Actor] = (await createApiToken(user.id, 'matrix')).token
  }
  tokens.anonymous = null
  return { project, dataset, users, tokens, spare, memberTrainGrant, owner }
}
