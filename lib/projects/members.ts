import { randomBytes } from 'node:crypto'
import {
  decideInviteRole, projectMembership, requireOnProject,
} from '@/lib/access/projects'
import { enforce } from '@/lib/access/decision'
import { recordActivity } from '@/lib/activity/record'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { logger } from '@/lib/logging'
import { deliverEmailToAddress } from '@/lib/notifications/mail'
import { notify } from '@/lib/notifications/notify'
import { requireOrganization } from '@/lib/organizations/queries'
import { invitationSchema, PROJECT_ROLES } from './schemas'
import { choice, fieldError } from './validation'

type Actor = { id: string; email: string; name: string }

const INVITATION_DAYS = 14

export async function inviteMember(actor: Actor, projectId: string, input: unknown) {
  const membership = await projectMembership(actor.id, projectId)
  const data = invitationSchema.parse(input)
  enforce(decideInviteRole(membership, data.role))
  const organization = await requireOrganization(data.organizationId, 'organizationId')

  const alreadyMember = await db().projectMember.count({
    where: { projectId, user: { email: data.email } },
  })
  if (alreadyMember) {
    throw new AppError('conflict', 'This person is already a member of the project.', {
      fields: { email: ['This person is already a member of the project.'] },
    })
  }

  const expiresAt = data.expiresAt ?? new Date(Date.now() + INVITATION_DAYS * 86_400_000)
  const invitation = await db().$transaction(async (tx) => {
    const created = await tx.projectInvitation.create({
      data: {
        projectId, email: data.email, role: data.role, organizationId: organization.id,
        token: randomBytes(24).toString('base64url'), invitedById: actor.id, expiresAt,
      },
    })
    await recordActivity(projectId, actor.id, 'member.invited',
      { email: data.email, role: data.role, organization: organization.name }, tx)
    return created
  })

  const invitee = await db().user.findUnique({ where: { email: data.email } })
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId } })
  const params = { project: project.title, inviter: actor.name, role: data.role }
  const link = `/projects/invitations/${invitation.token}`
  if (invitee) {
    await notify(invitee.id, 'invitation.received', params, link)
  } else {
    // No account yet: the e-mail points to sign-up; once signed up with this address,
    // the dashboard lists the invitation.
    await deliverEmailToAddress(data.email, 'invitation.received', params, '/signup')
      .catch((error) => logger.warn({ err: error, invitationId: invitation.id },
        'invitation e-mail not sent'))
  }
  return invitation
}

/** The invitation for its invitee only; anyone else learns nothing about it. */
async function invitationFor(actor: Actor, token: string) {
  const invitation = await db().projectInvitation.findUnique({
    where: { token },
    include: { project: true, organization: true },
  })
  if (!invitation || invitation.email !== actor.email.toLowerCase()) {
    throw new AppError('not_found', 'This invitation was not found, or it is not addressed ' +
      'to your e-mail address.')
  }
  return invitation
}

export async function getInvitation(actor: Actor, token: string) {
  return invitationFor(actor, token)
}

function requirePending(invitation: { acceptedAt: Date | null; declinedAt: Date | null;
  expiresAt: Date }) {
  if (invitation.acceptedAt) {
    throw new AppError('conflict', 'This invitation was already accepted.')
  }
  if (invitation.declinedAt) throw new AppError('conflict', 'This invitation was declined.')
  if (invitation.expiresAt <= new Date()) {
    throw new AppError('gone',
      'This invitation has expired; ask the project manager for a new one.')
  }
}

export async function acceptInvitation(actor: Actor, token: string) {
  const invitation = await invitationFor(actor, token)
  requirePending(invitation)
  const { projectId, organizationId, role } = invitation

  await db().$transaction(async (tx) => {
    await tx.projectOrganization.upsert({
      where: { projectId_organizationId: { projectId, organizationId } },
      create: { projectId, organizationId },
      update: {},
    })
    await tx.projectMember.upsert({
      where: { projectId_userId: { projectId, userId: actor.id } },
      create: { projectId, userId: actor.id, organizationId, role },
      update: { role, organizationId },
    })
    await tx.projectInvitation.update({
      where: { id: invitation.id },
      data: { acceptedAt: new Date(), acceptedById: actor.id },
    })
    await recordActivity(projectId, actor.id, 'member.joined',
      { name: actor.name, role, organization: invitation.organization.name }, tx)
  })
  await notify(invitation.invitedById, 'invitation.accepted',
    { name: actor.name, project: invitation.project.title }, `/projects/${projectId}`)
  return invitation
}

export async function declineInvitation(actor: Actor, token: string) {
  const invitation = await invitationFor(actor, token)
  requirePending(invitation)
  await db().projectInvitation.update({
    where: { id: invitation.id },
    data: { declinedAt: new Date() },
  })
  await recordActivity(invitation.projectId, actor.id, 'member.declined', { name: actor.name })
  return invitation
}

export function listPendingInvitationsForEmail(email: string) {
  return db().projectInvitation.findMany({
    where: { email: email.toLowerCase(), acceptedAt: null, declinedAt: null,
      expiresAt: { gt: new Date() } },
    include: { project: { select: { title: true } }, organization: true },
    orderBy: { createdAt: 'desc' },
  })
}

export function listProjectInvitations(projectId: string) {
  return db().projectInvitation.findMany({
    where: { projectId, acceptedAt: null },
    include: { organization: true },
    orderBy: { createdAt: 'desc' },
  })
}

export async function changeMemberRole(actor: Actor, projectId: string, userId: string,
  role: unknown) {
  const parsed = choice(PROJECT_ROLES).safeParse(role)
  if (!parsed.success) throw fieldError('role', parsed.error.issues[0].message)
  enforce(decideInviteRole(await projectMembership(actor.id, projectId), parsed.data))
  const target = await projectMembership(userId, projectId)
  if (!target) throw new AppError('not_found', 'This person is not a member of the project.')
  if (target.role === 'OWNER') await requireOnProject(actor.id, projectId, 'delete')

  await db().projectMember.update({
    where: { projectId_userId: { projectId, userId } },
    data: { role: parsed.data },
  })
  await recordActivity(projectId, actor.id, 'member.role_changed', { role: parsed.data })
}

export async function removeMember(actor: Actor, projectId: string, userId: string) {
  await requireOnProject(actor.id, projectId, 'manage_members')
  const target = await projectMembership(userId, projectId)
  if (!target) throw new AppError('not_found', 'This person is not a member of the project.')
  if (target.role === 'OWNER') await requireOnProject(actor.id, projectId, 'delete')
  const owners = await db().projectMember.count({ where: { projectId, role: 'OWNER' } })
  if (target.role === 'OWNER' && owners <= 1) {
    throw new AppError('conflict', 'A project keeps at least one owner.')
  }
  await db().projectMember.delete({ where: { projectId_userId: { projectId, userId } } })
  await recordActivity(projectId, actor.id, 'member.removed', {})
}
