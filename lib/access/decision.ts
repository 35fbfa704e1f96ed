import { AppError } from '@/lib/errors'

export type Decision =
  | { allowed: true }
  | { allowed: false; code: 'forbidden' | 'not_found' | 'unauthorized'; reason: string }

export const allow = (): Decision => ({ allowed: true })

export const deny = (reason: string, code: 'forbidden' | 'not_found' = 'forbidden'): Decision =>
  ({ allowed: false, code, reason })

/** Turns a refusal into the API error; a refusal to see hides existence (404). */
export function enforce(decision: Decision): void {
  if (decision.allowed) return
  throw new AppError(decision.code, decision.reason, { reason: decision.reason })
}
