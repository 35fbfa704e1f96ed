import { createHash, randomBytes } from 'node:crypto'
import { db } from '@/lib/db/client'

const TOKEN_PREFIX = 'tdm_'

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Creates a personal API token; the plain token is shown once and never stored. */
export async function createApiToken(userId: string, name: string, expiresAt?: Date) {
  const token = TOKEN_PREFIX + randomBytes(24).toString('base64url')
  const record = await db().apiToken.create({
    data: { userId, name, prefix: token.slice(0, 10), tokenHash: digest(token), expiresAt },
  })
  return { token, record }
}

/** The user id a bearer token belongs to, or null when unknown, revoked or expired. */
export async function userIdForApiToken(token: string): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null

  const record = await db().apiToken.findUnique({ where: { tokenHash: digest(token) } })
  if (!record || record.revokedAt) return null
  if (record.expiresAt && record.expiresAt < new Date()) return null

  await db().apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } })
  return record.userId
}

export function listApiTokens(userId: string) {
  return db().apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true,
      expiresAt: true },
  })
}

export async function revokeApiToken(userId: string, tokenId: string): Promise<boolean> {
  const result = await db().apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  return result.count > 0
}
