import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { env } from '@/lib/env'

/**
 * AUTH_SECRET when set (required with several web servers, which must share it);
 * otherwise a secret made once and kept in the data folder, so that the
 * embedded default needs no configuration.
 */
export function authSecret(): string {
  const configured = env().AUTH_SECRET
  if (configured) return configured

  const file = path.join(env().DATA_DIR, 'auth-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()

  mkdirSync(path.dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
