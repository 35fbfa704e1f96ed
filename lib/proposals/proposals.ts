import type { Prisma } from '@/generated/prisma/client'
import { enforce } from '@/lib/access/decision'
import { decideProposalAction, type ProposalAction } from '@/lib/access/proposals'
import { recordActivity } from '@/lib/activity/record'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { needFor } from '@/lib/needs/needs'
import { notify } from '@/lib/notifications/notify'
import { requireUserOrganization, userOrganizationIds } from '@/lib/organizations/queries'
import { commentSchema, proposalSchema, screeningSchema } from './schemas'

type Actor = { id: string; name?: string }

const include = {
  need: { include: { organization: true } },
  organization: true,
  comments: { orderBy: { createdAt: 'asc' } },
} satisfies Prisma.ProposalInclude

export async function submitProposal(actor: Actor, needId: string, input: unknown) {
  const need = await needFor(actor, needId, 'propose')
  const data = proposalSchema.parse(input)
  await requireUserOrganization(actor.id, data.organizationId, 'organizationId')

  const proposal = await db().proposal.create({
    data: { ...data, needId, authorId: actor.id },
  })
  await notify(need.createdById, 'proposal.submitted',
    { need: need.title, proposal: proposal.title }, `/proposals/${proposal.id}`)
  return proposal
}

/** The proposal, if the person may take the action on it; else the refusal. */
export async function proposalFor(actor: Actor, proposalId: string, action: ProposalAction) {
  const proposal = await db().proposal.findUnique({ where: { id: proposalId }, include })
  if (!proposal) throw new AppError('not_found', 'This proposal was not found.')
  enforce(decideProposalAction(
    { id: actor.id, organizationIds: await userOrganizationIds(actor.id) },
    { authorId: proposal.authorId, needOrganizationId: proposal.need.organizationId,
      status: proposal.status },
    action,
  ))
  return proposal
}

/** Shortlists, declines or re-opens a proposal, and scores it (0–100). */
export async function screenProposal(actor: Actor, proposalId: string, input: unknown) {
  const current = await proposalFor(actor, proposalId, 'screen')
  const data = screeningSchema.parse(input)
  const proposal = await db().proposal.update({
    where: { id: proposalId },
    data: {
      ...data,
      decidedAt: data.status === 'DECLINED' ? new Date() : undefined,
    },
  })
  if (data.status && data.status !== current.status) {
    await notify(current.authorId, 'proposal.status_changed',
      { proposal: current.title, status: data.status }, `/proposals/${proposalId}`)
  }
  return proposal
}

export async function withdrawProposal(actor: Actor, proposalId: string) {
  await proposalFor(actor, proposalId, 'withdraw')
  return db().proposal.update({
    where: { id: proposalId },
    data: { status: 'WITHDRAWN', decidedAt: new Date() },
  })
}

export async function commentOnProposal(actor: Actor, proposalId: string, input: unknown) {
  const proposal = await proposalFor(actor, proposalId, 'comment')
  const data = commentSchema.parse(input)
  const comment = await db().proposalComment.create({
    data: { proposalId, authorId: actor.id, body: data.body },
  })
  if (proposal.authorId !== actor.id) {
    await notify(proposal.authorId, 'proposal.commented', { proposal: proposal.title },
      `/proposals/${proposalId}`)
  }
  return comment
}

/**
 * Accepting a proposal creates its project, pre-filled from the need and the
 * proposal, with both organizations and both people (the company's acceptor as
 * owner, the proposer as manager). One transaction: no proposal is marked
 * accepted without its project.
 */
export async function acceptProposal(actor: Actor, proposalId: string) {
  const proposal = await proposalFor(actor, proposalId, 'screen')
  const { need } = proposal
  const companyOrgId = need.organizationId

  const project = await db().$transaction(async (tx) => {
    const claimed = await tx.proposal.updateMany({
      where: { id: proposalId, status: { in: ['SUBMITTED', 'SHORTLISTED'] } },
      data: { status: 'ACCEPTED', decidedAt: new Date() },
    })
    if (claimed.count === 0) throw new AppError('conflict', 'This proposal was already decided.')

    const members = [
      { userId: actor.id, organizationId: companyOrgId, role: 'OWNER' as const },
      { userId: proposal.authorId, organizationId: proposal.organizationId,
        role: 'MANAGER' as const },
    ]
    if (need.createdById !== actor.id && need.createdById !== proposal.authorId) {
      members.push({ userId: need.createdById, organizationId: companyOrgId, role: 'OWNER' })
    }
    const organizationIds = [...new Set([companyOrgId, proposal.organizationId])]
    const created = await tx.project.create({
      data: {
        title: proposal.title,
        summary: need.problem.slice(0, 2000),
        objectives: [need.goals, need.desiredOutcome].filter(Boolean).join('\n\n'),
        plan: [proposal.approach, proposal.timeline].filter(Boolean).join('\n\n'),
        status: 'ACTIVE',
        needId: need.id,
        proposalId,
        createdById: actor.id,
        organizations: { create: organizationIds.map((organizationId) => ({ organizationId })) },
        members: { create: members },
      },
    })
    await recordActivity(created.id, actor.id, 'project.created_from_proposal',
      { need: need.title, proposal: proposal.title }, tx)
    return created
  })

  await notify(proposal.authorId, 'proposal.accepted',
    { proposal: proposal.title, project: project.title }, `/projects/${project.id}`)
  return project
}

export function listProposalsForNeed(needId: string) {
  return db().proposal.findMany({
    where: { needId },
    orderBy: [{ score: { sort: 'desc', nulls: 'last' } }, { createdAt: 'asc' }],
    include: { organization: true },
  })
}

/** The proposals a person wrote, or received for their organizations' needs. */
export async function listProposalsForUser(actor: Actor) {
  const organizationIds = await userOrganizationIds(actor.id)
  return db().proposal.findMany({
    where: { OR: [
      { authorId: actor.id },
      { need: { organizationId: { in: organizationIds } } },
    ] },
    orderBy: { createdAt: 'desc' },
    include: { organization: true, need: { select: { id: true, title: true } } },
  })
}

export async function authorNames(ids: string[]): Promise<Map<string, string>> {
  const users = await db().user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  })
  return new Map(users.map((user) => [user.id, user.name]))
}

/** The project an accepted proposal became. */
export function projectForProposal(proposalId: string) {
  return db().project.findFirst({ where: { proposalId }, select: { id: true, title: true } })
}
