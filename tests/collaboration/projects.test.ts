import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listProjectActivity } from '@/lib/activity/queries'
import { db } from '@/lib/db/client'
import {
  createMilestone, isOverdue, listMilestones, updateMilestone,
} from '@/lib/milestones/milestones'
import {
  acceptInvitation, changeMemberRole, declineInvitation, inviteMember,
} from '@/lib/projects/members'
import { createCommitment, createWorkPackage } from '@/lib/projects/plan'
import { createProject, updateProject } from '@/lib/projects/setup'
import { buildTimeline } from '@/lib/projects/timeline'
import { VALIDATION } from '@/lib/projects/validation'
import { setupTestDatabase } from '../helpers/db'
import { day, failure, twoPartners } from './helpers'

let database: Awaited<ReturnType<typeof setupTestDatabase>>
let world: Awaited<ReturnType<typeof twoPartners>>
let projectId: string

beforeAll(async () => {
  database = await setupTestDatabase()
  world = await twoPartners()
  const project = await createProject(world.companyLead, {
    title: 'Parcel sorting', organizationId: world.company.id,
    startDate: day(-30), endDate: day(300),
  })
  projectId = project.id
})
afterAll(async () => { await database.close() })

describe('project setup', () => {
  it('a blank project makes its creator the owner, for their organization', async () => {
    const member = await db().projectMember.findUniqueOrThrow({
      where: { projectId_userId: { projectId, userId: world.companyLead.id } },
    })

    expect(member.role).toBe('OWNER')
    expect(member.organizationId).toBe(world.company.id)
  })

  it('rejects an end before the start and a missing title, naming the fields', async () => {
    const error = await failure(createProject(world.companyLead, {
      title: ' ', organizationId: world.company.id, startDate: day(10), endDate: day(1),
    }))

    expect(error.code).toBe('unprocessable_entity')
    expect(error.details?.fields?.title).toEqual([VALIDATION.required])
    expect(error.details?.fields?.endDate).toEqual([VALIDATION.endBeforeStart])
  })

  it('rejects an organization the creator does not belong to', async () => {
    const error = await failure(createProject(world.companyLead, {
      title: 'Elsewhere', organizationId: world.university.id,
    }))

    expect(error.details?.fields?.organizationId).toEqual([VALIDATION.unknownOrganization])
  })

  it('checks a changed end date against the stored start date', async () => {
    const error = await failure(updateProject(world.companyLead, projectId, {
      endDate: day(-60),
    }))

    expect(error.details?.fields?.endDate).toEqual([VALIDATION.endBeforeStart])
  })
})

describe('members and invitations', () => {
  it('an invited person accepts and joins with the role and organization', async () => {
    const invitation = await inviteMember(world.companyLead, projectId, {
      email: world.researcher.email, role: 'MANAGER', organizationId: world.university.id,
    })

    await acceptInvitation(world.researcher, invitation.token)

    const member = await db().projectMember.findUniqueOrThrow({
      where: { projectId_userId: { projectId, userId: world.researcher.id } },
    })
    expect(member.role).toBe('MANAGER')
    const partners = await db().projectOrganization.count({ where: { projectId } })
    expect(partners).toBe(2)
    const notes = await db().notification.findMany({ where: { userId: world.researcher.id } })
    expect(notes.map((n) => n.kind)).toContain('invitation.received')
  })

  it('an invitation cannot be read or accepted by someone else', async () => {
    const invitation = await inviteMember(world.companyLead, projectId, {
      email: world.student.email, role: 'VIEWER', organizationId: world.university.id,
    })

    const error = await failure(acceptInvitation(world.outsider, invitation.token))

    expect(error.code).toBe('not_found')
    await declineInvitation(world.student, invitation.token)
  })

  it('an expired invitation is gone', async () => {
    const invitation = await inviteMember(world.companyLead, projectId, {
      email: world.companyColleague.email, role: 'VIEWER', organizationId: world.company.id,
    })
    await db().projectInvitation.update({
      where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) },
    })

    const error = await failure(acceptInvitation(world.companyColleague, invitation.token))

    expect(error.code).toBe('gone')
  })

  it('rejects an expiry in the past and an unknown organization', async () => {
    const error = await failure(inviteMember(world.companyLead, projectId, {
      email: 'new@example.org', role: 'VIEWER', organizationId: 'nope', expiresAt: day(-1),
    }))

    expect(error.details?.fields?.expiresAt).toEqual([VALIDATION.expiryInPast])
    const unknown = await failure(inviteMember(world.companyLead, projectId, {
      email: 'new@example.org', role: 'VIEWER', organizationId: 'nope',
    }))
    expect(unknown.details?.fields?.organizationId).toEqual([VALIDATION.unknownOrganization])
  })

  it('a manager cannot give the owner role, and an outsider cannot invite at all', async () => {
    const above = await failure(inviteMember(world.researcher, projectId, {
      email: 'x@example.org', role: 'OWNER', organizationId: world.university.id,
    }))
    const outsider = await failure(inviteMember(world.outsider, projectId, {
      email: 'x@example.org', role: 'VIEWER', organizationId: world.university.id,
    }))

    expect(above.code).toBe('forbidden')
    expect(outsider.code).toBe('not_found')
    expect((await failure(changeMemberRole(world.researcher, projectId, world.companyLead.id,
      'VIEWER'))).code).toBe('forbidden')
  })
})

describe('plan: milestones, work packages, commitments, timeline', () => {
  it('a manager adds a milestone; a past due date shows as overdue', async () => {
    const milestone = await createMilestone(world.researcher, projectId, {
      title: 'Baseline report', dueDate: day(-2),
    })

    expect(isOverdue(milestone)).toBe(true)
    const done = await updateMilestone(world.researcher, milestone.id, { status: 'DONE' })
    expect(isOverdue(done)).toBe(false)
    expect(done.completedAt).not.toBeNull()
  })

  it('a viewer cannot add a milestone and an outsider is told it does not exist', async () => {
    await db().projectMember.create({ data: { projectId, userId: world.companyColleague.id,
      organizationId: world.company.id, role: 'VIEWER' } })

    const viewer = await failure(createMilestone(world.companyColleague, projectId, {
      title: 'x', dueDate: day(3) }))
    const outsider = await failure(createMilestone(world.outsider, projectId, {
      title: 'x', dueDate: day(3) }))

    expect(viewer.code).toBe('forbidden')
    expect(outsider.code).toBe('not_found')
  })

  it('rejects a missing due date and a deliverable run from another project', async () => {
    const error = await failure(createMilestone(world.researcher, projectId, {
      title: 'x', dueDate: '', deliverableRunId: 'not-a-run',
    }))
    expect(error.details?.fields?.dueDate).toEqual([VALIDATION.required])

    const foreign = await failure(createMilestone(world.researcher, projectId, {
      title: 'x', dueDate: day(3), deliverableRunId: 'not-a-run',
    }))
    expect(Object.keys(foreign.details?.fields ?? {})).toEqual(['deliverableRunId'])
  })

  it('a milestone links a run report and a dataset version of its own project', async () => {
    const dataset = await db().dataset.create({ data: { projectId, name: 'Scans',
      organizationId: world.company.id, createdById: world.companyLead.id, format: 'IDX' } })
    const version = await db().datasetVersion.create({ data: { datasetId: dataset.id,
      version: 1, storageKey: 'k', sha256: 'x', sizeBytes: 1n, metadata: {},
      createdById: world.companyLead.id } })
    const run = await db().run.create({ data: { projectId, datasetVersionId: version.id,
      createdById: world.researcher.id, name: 'Reference MLP', config: {}, seed: 1,
      datasetChecksum: 'x', totalEpochs: 10 } })

    const milestone = await createMilestone(world.researcher, projectId, {
      title: 'Benchmark', dueDate: day(30), deliverableRunId: run.id,
      deliverableDatasetVersionId: version.id })

    const listed = (await listMilestones(projectId)).find((m) => m.id === milestone.id)
    expect(listed?.deliverableRun?.name).toBe('Reference MLP')
    expect(listed?.deliverableDatasetVersion?.dataset.name).toBe('Scans')
  })

  it('a work package needs a partner organization and dates in order', async () => {
    const bad = await failure(createWorkPackage(world.researcher, projectId, {
      title: 'WP1', responsibleOrganizationId: world.outsiderOrg.id,
      startDate: day(5), endDate: day(1),
    }))
    expect(bad.details?.fields?.endDate).toEqual([VALIDATION.endBeforeStart])

    const notPartner = await failure(createWorkPackage(world.researcher, projectId, {
      title: 'WP1', responsibleOrganizationId: world.outsiderOrg.id,
    }))
    expect(notPartner.details?.fields?.responsibleOrganizationId)
      .toEqual([VALIDATION.notAPartner])

    const workPackage = await createWorkPackage(world.researcher, projectId, {
      title: 'WP1 Data', responsibleOrganizationId: world.university.id,
      responsibleUserId: world.researcher.id, startDate: day(0), endDate: day(60),
    })
    expect(workPackage.responsibleOrganizationId).toBe(world.university.id)
  })

  it('records commitments per party and places everything on the timeline', async () => {
    await createCommitment(world.companyLead, projectId, {
      organizationId: world.company.id, kind: 'DATA', description: '50k parcel scans',
      amount: '50000', unit: 'images',
    })
    const milestones = await db().milestone.findMany({ where: { projectId } })
    const workPackages = await db().workPackage.findMany({ where: { projectId } })

    const timeline = buildTimeline({ startDate: new Date(day(-30)), endDate: new Date(day(300)),
      milestones, workPackages: workPackages.map((w) => ({ ...w, organization: 'U' })) })

    expect(timeline?.bars).toHaveLength(1)
    expect(timeline?.marks).toHaveLength(milestones.length)
    expect(timeline!.bars[0].left).toBeGreaterThan(0)
  })

  it('the activity feed shows each step, newest first', async () => {
    const feed = await listProjectActivity(projectId)

    const kinds = feed.map((item) => item.kind)
    expect(kinds.at(-1)).toBe('project.created')
    expect(kinds).toEqual(expect.arrayContaining(['member.invited', 'member.joined',
      'milestone.created', 'milestone.status_changed', 'work_package.created',
      'commitment.created']))
  })
})
