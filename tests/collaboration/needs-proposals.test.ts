import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import {
  createNeed, listNeedsForUser, needFor, setNeedStatus, updateNeed,
} from '@/lib/needs/needs'
import { VALIDATION } from '@/lib/projects/validation'
import {
  acceptProposal, commentOnProposal, proposalFor, screenProposal, submitProposal,
} from '@/lib/proposals/proposals'
import { createOrganization, createUser } from '../helpers/fixtures'
import { setupTestDatabase } from '../helpers/db'
import { day, failure, twoPartners } from './helpers'

let database: Awaited<ReturnType<typeof setupTestDatabase>>
let world: Awaited<ReturnType<typeof twoPartners>>
let rival: { id: string; email: string; name: string }

const need = (organizationId: string, extra: Record<string, unknown> = {}) => ({
  organizationId, title: 'Read handwritten postcodes', problem: 'Parcels are mis-sorted.',
  tags: 'ocr, vision', budgetMin: '10000', budgetMax: '50000', deadline: day(60), ...extra,
})

beforeAll(async () => {
  database = await setupTestDatabase()
  world = await twoPartners()
  const rivalOrg = await createOrganization('UNIVERSITY')
  const user = await createUser({ organizationId: rivalOrg.id, name: 'Rival' })
  rival = { id: user.id, email: user.email, name: user.name }
})
afterAll(async () => { await database.close() })

describe('needs', () => {
  it('a draft is seen only by the posting organization', async () => {
    const draft = await createNeed(world.companyLead, need(world.company.id))

    expect((await needFor(world.companyColleague, draft.id, 'view')).id).toBe(draft.id)
    expect((await failure(needFor(world.researcher, draft.id, 'view'))).code).toBe('not_found')
    await setNeedStatus(world.companyLead, draft.id, 'PUBLISHED')
    expect((await needFor(world.researcher, draft.id, 'view')).status).toBe('PUBLISHED')
  })

  it('a need for invited organizations is hidden from everyone else, in lists too', async () => {
    const invited = await createNeed(world.companyLead, need(world.company.id, {
      title: 'Invited only', visibility: 'INVITED', status: 'PUBLISHED',
      invitedOrganizationIds: [world.university.id],
    }))

    expect((await needFor(world.researcher, invited.id, 'view')).id).toBe(invited.id)
    expect((await failure(needFor(world.outsider, invited.id, 'view'))).code).toBe('not_found')
    const outsiderList = await listNeedsForUser(world.outsider)
    expect(outsiderList.map((n) => n.id)).not.toContain(invited.id)
    const researcherList = await listNeedsForUser(world.researcher, { q: 'invited' })
    expect(researcherList.map((n) => n.id)).toEqual([invited.id])
  })

  it('only the posting organization edits a need', async () => {
    const published = await createNeed(world.companyLead, need(world.company.id,
      { status: 'PUBLISHED' }))

    const error = await failure(updateNeed(world.researcher, published.id, { title: 'Mine' }))

    expect(error.code).toBe('forbidden')
  })

  it('filters by tag, organization, status and deadline', async () => {
    const list = await listNeedsForUser(world.researcher, {
      tag: 'ocr', organizationId: world.company.id, status: 'PUBLISHED',
      deadlineBefore: day(90),
    })

    expect(list.length).toBeGreaterThan(0)
    expect(list.every((n) => n.tags.includes('ocr') && n.status === 'PUBLISHED')).toBe(true)
    expect(await listNeedsForUser(world.researcher, { deadlineBefore: day(1) })).toEqual([])
  })

  it('rejects a missing title, a deadline in the past, reversed budgets and unknown orgs',
    async () => {
      const error = await failure(createNeed(world.companyLead, need(world.company.id, {
        title: '', deadline: day(-3), budgetMin: '500', budgetMax: '100',
        visibility: 'INVITED', invitedOrganizationIds: ['no-such-org'],
      })))

      expect(error.details?.fields).toMatchObject({
        title: [VALIDATION.required], deadline: [VALIDATION.dateInPast],
        budgetMax: [VALIDATION.budgetOrder],
      })
      const unknown = await failure(createNeed(world.companyLead, need(world.company.id, {
        visibility: 'INVITED', invitedOrganizationIds: ['no-such-org'] })))
      expect(unknown.details?.fields?.invitedOrganizationIds)
        .toEqual([VALIDATION.unknownOrganization])
      const foreign = await failure(createNeed(world.companyLead, need(world.university.id)))
      expect(foreign.details?.fields?.organizationId).toEqual([VALIDATION.unknownOrganization])
    })
})

describe('proposals', () => {
  let needId: string
  let proposalId: string

  beforeAll(async () => {
    needId = (await createNeed(world.companyLead, need(world.company.id,
      { title: 'Sorting', status: 'PUBLISHED' }))).id
    proposalId = (await submitProposal(world.researcher, needId, {
      organizationId: world.university.id, title: 'MLP baseline then CNN',
      approach: 'Benchmark the reference MLP on MNIST, then adapt.', readinessLevel: '3',
    })).id
  })

  it('the company is notified of a new proposal', async () => {
    const notes = await db().notification.findMany({ where: { userId: world.companyLead.id } })

    expect(notes.map((n) => n.kind)).toContain('proposal.submitted')
  })

  it('a proposal is seen only by the company and the proposer', async () => {
    await submitProposal(rival, needId, { organizationId: (await db().organizationMembership
      .findFirstOrThrow({ where: { userId: rival.id } })).organizationId,
    title: 'Rival idea', approach: 'Something else', readinessLevel: '2' })

    expect((await proposalFor(world.companyColleague, proposalId, 'view')).id).toBe(proposalId)
    expect((await proposalFor(world.researcher, proposalId, 'view')).id).toBe(proposalId)
    expect((await failure(proposalFor(rival, proposalId, 'view'))).code).toBe('not_found')
    expect((await failure(proposalFor(world.outsider, proposalId, 'view'))).code)
      .toBe('not_found')
  })

  it('the proposer cannot screen their own proposal; an out-of-range score is refused',
    async () => {
      expect((await failure(screenProposal(world.researcher, proposalId,
        { status: 'SHORTLISTED' }))).code).toBe('forbidden')
      const bad = await failure(screenProposal(world.companyLead, proposalId, { score: '120' }))
      expect(bad.details?.fields?.score).toEqual([VALIDATION.outOfRange])
    })

  it('rejects a readiness level outside 1–9 and a proposal to a closed need', async () => {
    const error = await failure(submitProposal(world.researcher, needId, {
      organizationId: world.university.id, title: 'x', approach: 'y', readinessLevel: '12' }))
    expect(error.details?.fields?.readinessLevel).toEqual([VALIDATION.outOfRange])

    const closed = await createNeed(world.companyLead, need(world.company.id,
      { status: 'PUBLISHED' }))
    await setNeedStatus(world.companyLead, closed.id, 'CLOSED')
    expect((await failure(submitProposal(world.researcher, closed.id, {
      organizationId: world.university.id, title: 'x', approach: 'y', readinessLevel: '3',
    }))).code).toBe('forbidden')
  })

  it('shortlisting, commenting and accepting creates the project with both parties',
    async () => {
      await screenProposal(world.companyLead, proposalId, { status: 'SHORTLISTED', score: '80' })
      await commentOnProposal(world.companyLead, proposalId, { body: 'Promising.' })

      const project = await acceptProposal(world.companyLead, proposalId)

      const members = await db().projectMember.findMany({ where: { projectId: project.id } })
      expect(members.map((m) => [m.userId, m.role]).sort()).toEqual([
        [world.companyLead.id, 'OWNER'], [world.researcher.id, 'MANAGER']].sort())
      const partners = await db().projectOrganization.findMany({
        where: { projectId: project.id } })
      expect(partners.map((p) => p.organizationId).sort())
        .toEqual([world.company.id, world.university.id].sort())
      expect(project.needId).toBe(needId)
      expect(project.plan).toContain('Benchmark the reference MLP')
      const kinds = (await db().notification.findMany({ where: { userId: world.researcher.id } }))
        .map((n) => n.kind)
      expect(kinds).toEqual(expect.arrayContaining(['proposal.status_changed',
        'proposal.commented', 'proposal.accepted']))
      expect((await failure(acceptProposal(world.companyLead, proposalId))).code)
        .toBe('forbidden')
    })
})
