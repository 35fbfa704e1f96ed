import { hashPassword } from '@/lib/auth/password'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { signUpSchema, type SignUpInput } from './schemas'

/**
 * Creates a user and joins them to their organization, creating it when new.
 * The first member of a new organization becomes its admin.
 */
export async function signUp(input: SignUpInput) {
  const data = signUpSchema.parse(input)

  const existing = await db().user.findUnique({ where: { email: data.email } })
  if (existing) {
    throw new AppError('conflict', 'An account with this e-mail address already exists; ' +
      'sign in instead.', { fields: { email: ['This e-mail address is already registered.'] } })
  }

  const passwordHash = await hashPassword(data.password)
  return db().$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({
      where: { name: data.organizationName },
    })
    const org = organization ?? await tx.organization.create({
      data: { name: data.organizationName, kind: data.organizationKind },
    })
    const user = await tx.user.create({
      data: { email: data.email, name: data.name, passwordHash },
    })
    await tx.organizationMembership.create({
      data: { userId: user.id, organizationId: org.id, role: organization ? 'MEMBER' : 'ADMIN' },
    })
    return user
  })
}
