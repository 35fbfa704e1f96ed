import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as getAgreementsHandler } from '@/app/api/agreements/route'
import { PATCH as patchAgreement } from '@/app/api/agreements/[agreementId]/route'
import { GET as getNeedsHandler, POST as postNeedHandler } from '@/app/api/needs/route'
import { GET as getNeed } from '@/app/api/needs/[needId]/route'
import { POST as postProposal } from '@/app/api/needs/[needId]/proposals/route'
import { GET as getNotificationsHandler } from '@/app/api/notifications/route'
import { POST as markReadHandler } from '@/app/api/notifications/read/route'
import { POST as postEvaluation } from '@/app/api/outcomes/[outcomeId]/evaluations/route'
import { GET as getProposal } from '@/app/api/proposals/[proposalId]/route'
import { POST as acceptProposal } from '@/app/api/proposals/[proposalId]/accept/route'
import { GET as getProjectsHandler, POST as postProjectHandler } from '@/app/api/projects/route'
import { GET as getProject, PATCH as patchProject } from '@/app/api/projects/[projectId]/route'
import { POST as postAgreement } from '@/app/api/projects/[projectId]/agreements/route'
import { POST as postInvitation } from '@/app/api/projects/[projectId]/invitations/route'
import { GET as getMilestones, POST as postMilestone }
  from '@/app/api/projects/[projectId]/milestones/route'
import { POST as postOutcome } from '@/app/api/projects/[projectId]/outcomes/route'
import { POST as acceptInvitation } from '@/app/api/projects/invitations/[token]/accept/route'
import { createApiToken } from '@/lib/auth/api-tokens'
import { VALIDATION } from '@/lib/projects/validation'
import { setupTestDatabase } from '../helpers/db'
import { day, twoPartners } from './helpers'

// Handlers without route parameters take no context; route() still types one.
const bare = (handler: (request: Request, context: never) => Promise<Response>) =>
  (request: Request) => handler(request, undefined as never)
const getAgreements = bare(getAgreementsHandler)
const getNeeds = bare(getNeedsHandler)
const postNeed = bare(postNeedHandler)
const getNotifications = bare(getNotificationsHandler)
const markRead = bare(markReadHandler)
const getProjects = bare(getProjectsHandler)
const postProject = bare(postProjectHandler)

let database: Awaited<ReturnType<typeof setupTestDatabase>>
let world: Awaited<ReturnType<typeof twoPartners>>
const tokens: Record<string, string> = {}

function call(who: string, body?: unknown, url = 'http://test/api', method = 'POST') {
  return new Request(url, {
    method: body === undefined ? (method === 'POST' ? 'GET' : method) : method,
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) })

beforeAll(async () => {
  database = await setupTestDatabase()
  world = await twoPartners()
  for (const key of ['companyLead', 'researcher', 'student', 'outsider', 'companyColleague']) {
    const user = world[key as keyof typeof world] as { id: string }
    tokens[key] = (await createApiToken(user.id, 'test')).token
  }
})
afterAll(async () => { await database.close() })

describe('the collaboration API, end to end', () => {
  let needId: string
  let proposalId: string
  let projectId: string

  it('a company posts a need and a researcher proposes; the answer is JSON', async () => {
    const need = await postNeed(call('companyLead', {
      organizationId: world.company.id, title: 'Postcodes', problem: 'Mis-sorted parcels',
      status: 'PUBLISHED', tags: ['ocr'],
    }))
    expect(need.status).toBe(201)
    needId = (await need.json()).need.id

    const proposal = await postProposal(call('researcher', {
      organizationId: world.university.id, title: 'MLP', approach: 'Reference MLP',
      readinessLevel: 3,
    }), params({ needId }))
    expect(proposal.status).toBe(201)
    proposalId = (await proposal.json()).proposal.id
  })

  it('an outsider gets 404 in the standard error shape for the proposal', async () => {
    const response = await getProposal(call('outsider'), params({ proposalId }))

    expect(response.status).toBe(404)
    const body = await response.json()
    expect(body.error.code).toBe('not_found')
    expect(typeof body.error.message).toBe('string')
  })

  it('accepting creates a project visible to both parties and not to outsiders', async () => {
    const response = await acceptProposal(call('companyLead', {}), params({ proposalId }))
    expect(response.status).toBe(201)
    projectId = (await response.json()).project.id

    expect((await getProject(call('researcher'), params({ projectId }))).status).toBe(200)
    expect((await getProject(call('outsider'), params({ projectId }))).status).toBe(404)
  })

  it('validation failures are 422 with a message per field', async () => {
    const response = await patchProject(call('researcher', {
      startDate: day(10), endDate: day(1) }, 'http://test/api', 'PATCH'), params({ projectId }))

    expect(response.status).toBe(422)
    const body = await response.json()
    expect(body.error.code).toBe('unprocessable_entity')
    expect(body.error.fields.endDate).toEqual([VALIDATION.endBeforeStart])
  })

  it('a manager adds a milestone and invites a third person, who accepts', async () => {
    const milestone = await postMilestone(call('researcher', {
      title: 'Baseline', dueDate: day(-1) }), params({ projectId }))
    expect(milestone.status).toBe(201)
    const list = await (await getMilestones(call('companyLead'), params({ projectId }))).json()
    expect(list.milestones[0].overdue).toBe(true)

    const invitation = await postInvitation(call('researcher', {
      email: world.student.email, role: 'VIEWER', organizationId: world.university.id,
    }), params({ projectId }))
    expect(invitation.status).toBe(201)
    const { token } = (await invitation.json()).invitation
    expect((await acceptInvitation(call('outsider', {}), params({ token }))).status).toBe(404)
    expect((await acceptInvitation(call('student', {}), params({ token }))).status).toBe(200)
  })

  it('a viewer cannot add milestones or outcomes (403 with a reason)', async () => {
    const response = await postMilestone(call('student', { title: 'x', dueDate: day(3) }),
      params({ projectId }))

    expect(response.status).toBe(403)
    expect((await response.json()).error.reason).toMatch(/manager role/)
    expect((await postOutcome(call('student', { kind: 'MODEL', title: 'x' }),
      params({ projectId }))).status).toBe(403)
  })

  it('an outcome is evaluated and its licence moves from draft to signed', async () => {
    const outcome = await postOutcome(call('researcher', {
      kind: 'MODEL', title: 'Postcode MLP', contributorIds: [world.researcher.id] }),
    params({ projectId }))
    const outcomeId = (await outcome.json()).outcome.id
    const evaluation = await postEvaluation(call('companyLead', {
      readinessLevel: 5, notes: 'Works on scans' }), params({ outcomeId }))
    expect(evaluation.status).toBe(201)

    const created = await postAgreement(call('companyLead', {
      kind: 'NON_EXCLUSIVE_LICENCE', title: 'Licence', outcomeId, endDate: day(-5),
      parties: [{ organizationId: world.university.id, role: 'licensor' }],
    }), params({ projectId }))
    expect(created.status).toBe(422)
    expect((await created.json()).error.fields.endDate).toEqual([VALIDATION.expiryInPast])

    const agreement = await postAgreement(call('companyLead', {
      kind: 'NON_EXCLUSIVE_LICENCE', title: 'Licence', outcomeId,
      parties: [{ organizationId: world.university.id, role: 'licensor' },
        { organizationId: world.company.id, role: 'licensee' }],
    }), params({ projectId }))
    const agreementId = (await agreement.json()).agreement.id
    expect((await patchAgreement(call('student', { status: 'SIGNED' }, 'http://test/api',
      'PATCH'), params({ agreementId }))).status).toBe(403)
    const signed = await patchAgreement(call('companyLead', { status: 'SIGNED' },
      'http://test/api', 'PATCH'), params({ agreementId }))
    const body = await signed.json()
    expect(body.agreement.status).toBe('SIGNED')
    expect(body.agreement.signedDate).not.toBeNull()

    const portfolio = await (await getAgreements(call('companyLead', undefined,
      'http://test/api/agreements'))).json()
    expect(portfolio.portfolio.signedOrActive).toBe(1)
  })

  it('exports needs, projects and agreements as CSV', async () => {
    const needs = await getNeeds(call('researcher', undefined,
      'http://test/api/needs?format=csv&tag=ocr'))
    expect(needs.headers.get('content-type')).toContain('text/csv')
    const text = await needs.text()
    expect(text.split('\r\n')[0]).toMatch(/^id,title,organization,status/)
    expect(text).toContain('Postcodes')

    const projects = await (await getProjects(call('outsider', undefined,
      'http://test/api/projects?format=csv'))).text()
    expect(projects.trim().split('\r\n')).toHaveLength(1)
    const agreements = await (await getAgreements(call('researcher', undefined,
      'http://test/api/agreements?format=csv'))).text()
    expect(agreements).toContain('licensor')
  })

  it('notifications list and mark read; an invited-only need stays hidden', async () => {
    const before = await (await getNotifications(call('researcher'))).json()
    expect(before.unread).toBeGreaterThan(0)
    await markRead(call('researcher', {}))
    expect((await (await getNotifications(call('researcher'))).json()).unread).toBe(0)

    const hidden = await postNeed(call('companyLead', {
      organizationId: world.company.id, title: 'Secret', problem: 'x', status: 'PUBLISHED',
      visibility: 'INVITED', invitedOrganizationIds: [world.university.id] }))
    const hiddenId = (await hidden.json()).need.id
    expect((await getNeed(call('outsider'), params({ needId: hiddenId }))).status).toBe(404)
    expect((await getNeed(call('researcher'), params({ needId: hiddenId }))).status).toBe(200)
  })

  it('without a token the answer is 401', async () => {
    const response = await postProject(new Request('http://test/api/projects', {
      method: 'POST', body: '{}' }))

    expect(response.status).toBe(401)
  })
})
