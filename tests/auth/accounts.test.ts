import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiToken, revokeApiToken, userIdForApiToken } from '@/lib/auth/api-tokens'
import { requireApiUser } from '@/lib/auth/session'
import { verifyPassword } from '@/lib/auth/password'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { signUp } from '@/lib/users/sign-up'
import { setupTestDatabase, type TestDatabase } from '../helpers/db'

describe('accounts and API tokens', () => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await setupTestDatabase()
  })
  afterAll(() => database.close())

  it('sign-up stores an argon2 hash and makes the first member the organization admin',
    async () => {
      const user = await signUp({ name: 'Ada', email: 'Ada@Example.org', password: 'long-pass-1',
        organizationName: 'Analytical Uni', organizationKind: 'UNIVERSITY' })

      const stored = await db().user.findUniqueOrThrow({
        where: { id: user.id }, include: { organizations: true } })
      expect(stored.email).toBe('ada@example.org')
      expect(stored.passwordHash).toMatch(/^\$argon2id\$/)
      expect(await verifyPassword(stored.passwordHash, 'long-pass-1')).toBe(true)
      expect(await verifyPassword(stored.passwordHash, 'wrong')).toBe(false)
      expect(stored.organizations[0]?.role).toBe('ADMIN')
    })

  it('a second sign-up with the same e-mail is a conflict naming the field', async () => {
    const attempt = signUp({ name: 'Ada 2', email: 'ada@example.org', password: 'long-pass-2',
      organizationName: 'Analytical Uni', organizationKind: 'UNIVERSITY' })

    await expect(attempt).rejects.toMatchObject({ code: 'conflict',
      details: { fields: { email: expect.any(Array) } } })
  })

  it('a bearer token identifies its user until it is revoked', async () => {
    const user = await db().user.findUniqueOrThrow({ where: { email: 'ada@example.org' } })
    const { token, record } = await createApiToken(user.id, 'script')
    const request = new Request('http://x/api', { headers: { authorization: `Bearer ${token}` } })

    const found = await requireApiUser(request)
    await revokeApiToken(user.id, record.id)

    expect(found.id).toBe(user.id)
    expect(await userIdForApiToken(token)).toBeNull()
    await expect(requireApiUser(request)).rejects.toBeInstanceOf(AppError)
  })

  it('a made-up or expired token is refused with 401', async () => {
    const user = await db().user.findUniqueOrThrow({ where: { email: 'ada@example.org' } })
    const { token } = await createApiToken(user.id, 'old', new Date(Date.now() - 1000))

    const expired = requireApiUser(new Request('http://x', {
      headers: { authorization: `Bearer ${token}` } }))
    const madeUp = requireApiUser(new Request('http://x', {
      headers: { authorization: 'Bearer tdm_not-a-real-token' } }))

    await expect(expired).rejects.toMatchObject({ code: 'unauthorized', status: 401 })
    await expect(madeUp).rejects.toMatchObject({ code: 'unauthorized', status: 401 })
  })

  it('a request with neither a token nor a session is unauthorized', async () => {
    const anonymous = requireApiUser(new Request('http://x/api/projects'))

    await expect(anonymous).rejects.toMatchObject({ code: 'unauthorized', status: 401 })
  })
})
