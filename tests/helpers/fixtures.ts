import { randomUUID } from 'node:crypto'
import type { OrganizationKind, ProjectRole } from '@/generated/prisma/client'
import { db } from '@/lib/db/client'

// Password hashing is real but slow; tests that never sign in share one hash.
const UNUSED_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$unused$unused'

export async function createOrganization(kind: OrganizationKind = 'UNIVERSITY', name?: string) {
  return db().organization.create({
    data: { name: name ?? `${kind.toLowerCase()}-${randomUUID().slice(0, 8)}`, kind },
  })
}

export async function createUser(options: {
  organizationId: string
  name?: string
  passwordHash?: string
  orgRole?: 'MEMBER' | 'STEWARD' | 'ADMIN'
}) {
  const tag = randomUUID().slice(0, 8)
  const user = await db().user.create({
    data: {
      email: `user-${tag}@test.tandem`,
      name: options.name ?? `User ${tag}`,
      passwordHash: options.passwordHash ?? UNUSED_PASSWORD_HASH,
    },
  })
  await db().organizationMembership.create({
    data: {
      userId: user.id,
      organizationId: options.organizationId,
      role: options.orgRole ?? 'MEMBER',
    },
  })
  return user
}

export async function createProject(options: {
  createdById: string
  title?: string
  members: { userId: string; organizationId: string; role: ProjectRole; accessEndsAt?: Date }[]
}) {
  const organizationIds = [...new Set(options.members.map((member) => member.organizationId))]
  return db().project.create({
    data: {
      title: options.title ?? `Project ${randomUUID().slice(0, 8)}`,
      createdById: options.createdById,
      organizations: { create: organizationIds.map((organizationId) => ({ organizationId })) },
      members: { create: options.members },
    },
  })
}
