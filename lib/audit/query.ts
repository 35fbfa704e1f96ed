import { toCsv } from '@/lib/projects/csv'
import type { Prisma } from '@/generated/prisma/client'
import { db } from '@/lib/db/client'

export type AuditFilter = {
  datasetId?: string
  projectId?: string
  action?: string
  actorId?: string
  outcome?: string
  from?: Date
  to?: Date
}

const EXPORT_LIMIT = 100_000

/** Audit events, newest first; `action` matches a prefix, so `grant` finds `grant.*`. */
export async function listAuditEvents(filter: AuditFilter, limit = 500) {
  const where: Prisma.AuditEventWhereInput = {
    datasetId: filter.datasetId,
    projectId: filter.projectId,
    actorId: filter.actorId,
    outcome: filter.outcome,
    action: filter.action ? { startsWith: filter.action } : undefined,
    at: filter.from || filter.to ? { gte: filter.from, lte: filter.to } : undefined,
  }
  const events = await db().auditEvent.findMany({
    where, orderBy: { at: 'desc' }, take: Math.min(limit, EXPORT_LIMIT) })
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id) => id !== null))]
  const actors = await db().user.findMany({ where: { id: { in: actorIds } },
    select: { id: true, name: true, email: true } })
  const byId = new Map(actors.map((actor) => [actor.id, actor]))
  return events.map((event) => ({ ...event,
    actor: event.actorId ? byId.get(event.actorId) ?? null : null }))
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>[number]

const COLUMNS = ['at', 'actor_id', 'actor_email', 'action', 'outcome', 'reason',
  'resource_type', 'resource_id', 'dataset_id', 'project_id', 'details'] as const

/** The audit trail as CSV (timestamps in full ISO 8601, details as JSON). */
export function auditCsv(rows: AuditRow[]): string {
  return toCsv([...COLUMNS], rows.map((row) => [
    row.at.toISOString(), row.actorId ?? '', row.actor?.email ?? '', row.action, row.outcome,
    row.reason ?? '', row.resourceType, row.resourceId, row.datasetId ?? '',
    row.projectId ?? '', JSON.stringify(row.details),
  ]))
}
