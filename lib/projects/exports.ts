import { listNeedsForUser } from '@/lib/needs/needs'
import { listAgreementsForUser } from '@/lib/transfer/agreements'
import { listOutcomesForUser } from '@/lib/transfer/outcomes'
import { toCsv } from './csv'
import { listProjectsForUser } from './queries'

type Actor = { id: string }

export async function needsCsv(actor: Actor, filter: unknown) {
  const needs = await listNeedsForUser(actor, filter)
  return toCsv(
    ['id', 'title', 'organization', 'status', 'visibility', 'deadline', 'budget_min',
      'budget_max', 'currency', 'tags', 'proposals', 'published_at'],
    needs.map((need) => [need.id, need.title, need.organization.name, need.status,
      need.visibility, need.deadline, need.budgetMin, need.budgetMax, need.currency,
      need.tags.join('; '), need._count.proposals, need.publishedAt]),
  )
}

export async function projectsCsv(actor: Actor) {
  const projects = await listProjectsForUser(actor.id)
  return toCsv(
    ['id', 'title', 'status', 'organizations', 'your_role', 'start_date', 'end_date',
      'members', 'datasets', 'runs'],
    projects.map((project) => [project.id, project.title, project.status,
      project.organizations.map((link) => link.organization.name).join('; '),
      project.members[0]?.role, project.startDate, project.endDate, project._count.members,
      project._count.datasets, project._count.runs]),
  )
}

export async function outcomesCsv(actor: Actor) {
  const outcomes = await listOutcomesForUser(actor)
  return toCsv(
    ['id', 'title', 'kind', 'project', 'contributor_organizations', 'readiness_level',
      'evaluated_at', 'created_at'],
    outcomes.map((outcome) => [outcome.id, outcome.title, outcome.kind, outcome.project.title,
      [...new Set(outcome.contributors.map((c) => c.organization.name))].join('; '),
      outcome.evaluations[0]?.readinessLevel, outcome.evaluations[0]?.evaluatedAt,
      outcome.createdAt]),
  )
}

export async function agreementsCsv(actor: Actor, organizationId?: string) {
  const agreements = await listAgreementsForUser(actor, organizationId)
  return toCsv(
    ['id', 'title', 'kind', 'status', 'project', 'outcome', 'parties', 'field_of_use',
      'territory', 'fees', 'royalty', 'effective_date', 'signed_date', 'end_date'],
    agreements.map((row) => [row.id, row.title, row.kind, row.status, row.project.title,
      row.outcome?.title, row.parties.map((p) => `${p.organization.name} (${p.role})`)
        .join('; '), row.fieldOfUse, row.territory, row.fees, row.royalty, row.effectiveDate,
      row.signedDate, row.endDate]),
  )
}
