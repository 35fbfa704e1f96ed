import { AppError } from '@/lib/errors'

/**
 * Why a refusal was made, for pages to say in the reader's language: a stable key with
 * its parameters (the API sends them as `error.reasonKey` and `error.reasonParams`).
 */
export type ReasonKey = { key: string; params?: Record<string, string> }

export type Decision =
  | { allowed: true }
  | { allowed: false; code: 'forbidden' | 'not_found' | 'unauthorized'; reason: string;
      why?: ReasonKey }

export const allow = (): Decision => ({ allowed: true })

export const deny = (reason: string, code: 'forbidden' | 'not_found' = 'forbidden',
  why?: ReasonKey): Decision => ({ allowed: false, code, reason, ...(why ? { why } : {}) })

/** Turns a refusal into the API error; a refusal to see hides existence (404). */
export function enforce(decision: Decision): void {
  if (decision.allowed) return
  throw new AppError(decision.code, decision.reason, { reason: decision.reason,
    ...(decision.why ? { reasonKey: decision.why.key, reasonParams: decision.why.params } : {}) })
}
