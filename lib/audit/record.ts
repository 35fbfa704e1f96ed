import type { Prisma } from '@/generated/prisma/client'
import { db } from '@/lib/db/client'

export type AuditEntry = {
  actorId: string | null
  /** Dotted verb, e.g. `dataset.download`, `grant.revoke`, `run.start`. */
  action: string
  outcome: 'allow' | 'deny' | 'success' | 'failure'
  reason?: string
  resourceType: string
  resourceId: string
  datasetId?: string
  projectId?: string
  details?: Prisma.InputJsonObject
}

/** Appends one event to the audit trail (the table refuses updates and deletes). */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  await db().auditEvent.create({ data: { ...entry, details: entry.details ?? {} } })
}
