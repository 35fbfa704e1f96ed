import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as auditRoute from '@/app/api/datasets/[datasetId]/audit/route'
import * as acceptRoute from '@/app/api/datasets/[datasetId]/grants/[grantId]/accept/route'
import * as revokeRoute from '@/app/api/datasets/[datasetId]/grants/[grantId]/revoke/route'
import * as grantsRoute from '@/app/api/datasets/[datasetId]/grants/route'
import * as approveRoute from '@/app/api/datasets/[datasetId]/requests/[requestId]/approve/route'
import * as denyRoute from '@/app/api/datasets/[datasetId]/requests/[requestId]/deny/route'
import * as requestsRoute from '@/app/api/datasets/[datasetId]/requests/route'
import { authorizeTraining } from '@/lib/access/datasets'
import { createApiToken } from '@/lib/auth/api-tokens'
import { receiveMultipart } from '@/lib/datasets/multipart'
import { createIdxDatasetVersion } from '@/lib/datasets/versions'
import { db } from '@/lib/db/client'
import { setupTestDatabase, type TestDatabase } from '../helpers/db'
import { createOrganization, createProject, createUser } from '../helpers/fixtures'
import { smallIdxPair, uploadRequest, useTestStaging } from './helpers'

let database: TestDatabase & { storageRoot: string }
let datasetId: string
let versionId: string
const people = {} as Record<'owner' | 'partner' | 'stranger', { id: string; token: string }>

beforeAll(async () => {
  database = await setupTestDatabase()
  useTestStaging()
  const company = await createOrganization('COMPANY')
  const university = await createOrganization('UNIVERSITY')
  const owner = await createUser({ organizationId: company.id })
  const partner = await createUser({ organizationId: university.id })
  const stranger = await createUser({ organizationId: university.id })
  const project = await createProject({ createdById: owner.id, members: [
    { userId: owner.id, organizationId: company.id, role: 'OWNER' },
    { userId: partner.id, organizationId: university.id, role: 'RESEARCHER' },
  ] })
  for (const [key, user] of Object.entries({ owner, partner, stranger })) {
    people[key as keyof typeof people] = { id: user.id,
      token: (await createApiToken(user.id, 't')).token }
  }
  const files = Object.fromEntries(Object.entries(smallIdxPair())
    .map(([role, bytes]) => [role, Readable.from([bytes])])) as never
  const created = await createIdxDatasetVersion({ projectId: project.id, files,
    organizationId: company.id, createdById: owner.id, name: 'scans',
    card: { projectLevel: 'METADATA', sensitivity: 'PUBLIC', terms: 'Project use only.' } })
  datasetId = created.dataset.id
  versionId = created.version.id
})
afterAll(async () => { await database.close() })

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>
async function call(handler: unknown, who: keyof typeof people, path: string,
  params: Record<string, string>, body?: unknown, method = 'POST') {
  const request = new Request(`http://test/api/datasets/${datasetId}${path}`, { method,
    headers: { authorization: `Bearer ${people[who].token}`,
      'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) })
  const response = await (handler as Handler)(request,
    { params: Promise.resolve({ datasetId, ...params }) as Promise<never> })
  const text = await response.text()
  return { status: response.status, text, json: () => JSON.parse(text) }
}

const notificationsOf = (userId: string) =>
  db().notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } })

describe('access requests and grants', () => {
  it('a request approved with an expiry lets the requester train until it is revoked',
    async () => {
      const asked = await call(requestsRoute.POST, 'partner', '/requests', {},
        { level: 'TRAIN', purpose: 'Benchmark', acceptTerms: true })
      const requestId = asked.json().request.id
      const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString()

      const approved = await call(approveRoute.POST, 'owner', `/requests/${requestId}/approve`,
        { requestId }, { expiresAt })
      const grantId = approved.json().grant.id
      const whileGranted = await authorizeTraining(people.partner.id, versionId)
      await call(revokeRoute.POST, 'owner', `/grants/${grantId}/revoke`, { grantId },
        { reason: 'Project ended' })
      const afterRevocation = await authorizeTraining(people.partner.id, versionId)

      expect([asked.status, approved.status]).toEqual([201, 200])
      expect(approved.json().grant).toMatchObject({ level: 'TRAIN',
        granteeUserId: people.partner.id, expiresAt })
      expect(whileGranted.allowed).toBe(true)
      expect(afterRevocation).toMatchObject({ allowed: false, code: 'forbidden' })
      expect(afterRevocation.allowed || afterRevocation.reason).toMatch(/revoked/)
      const kinds = (await notificationsOf(people.partner.id)).map((n) => n.kind)
      expect(kinds).toEqual(['access.approved', 'access.revoked'])
      expect((await notificationsOf(people.owner.id)).map((n) => n.kind))
        .toContain('access.requested')
    })

  it('a denied request says why to the requester, and cannot be decided twice', async () => {
    const asked = await call(requestsRoute.POST, 'stranger', '/requests', {},
      { level: 'DOWNLOAD', purpose: 'Curiosity', acceptTerms: true })
    const requestId = asked.json().request.id

    const denied = await call(denyRoute.POST, 'owner', `/requests/${requestId}/deny`,
      { requestId }, { reason: 'Not a project partner' })
    const again = await call(approveRoute.POST, 'owner', `/requests/${requestId}/approve`,
      { requestId }, {})

    expect(denied.json().request).toMatchObject({ status: 'DENIED',
      decisionReason: 'Not a project partner' })
    expect(again.status).toBe(409)
    const [notification] = await notificationsOf(people.stranger.id)
    expect(notification).toMatchObject({ kind: 'access.denied',
      params: expect.objectContaining({ reason: 'Not a project partner' }) })
  })

  it('a request without accepting the terms is refused with the field named', async () => {
    const refused = await call(requestsRoute.POST, 'stranger', '/requests', {},
      { level: 'TRAIN', purpose: 'Benchmark' })

    expect(refused.status).toBe(422)
    expect(refused.json().error.fields).toHaveProperty('acceptTerms')
  })

  it('an organization grant works only once a member accepts its terms', async () => {
    const university = await db().organizationMembership.findFirstOrThrow({
      where: { userId: people.stranger.id } })
    const granted = await call(grantsRoute.POST, 'owner', '/grants', {}, { level: 'TRAIN',
      granteeOrganizationId: university.organizationId, purpose: 'Joint benchmark' })
    const grantId = granted.json().grant.id

    const before = await authorizeTraining(people.stranger.id, versionId)
    const accepted = await call(acceptRoute.POST, 'stranger', `/grants/${grantId}/accept`,
      { grantId })
    const after = await authorizeTraining(people.stranger.id, versionId)

    expect(before.allowed || before.reason).toMatch(/Accept the terms/)
    expect(accepted.json().grant).toMatchObject({ termsAcceptedById: people.stranger.id })
    expect(after.allowed).toBe(true)
  })
})

describe('the audit trail', () => {
  it('records decisions, filters them, exports CSV and refuses to be edited', async () => {
    const filtered = await call(auditRoute.GET, 'owner', '/audit?action=grant', {}, undefined,
      'GET')
    const csv = await call(auditRoute.GET, 'owner', '/audit?format=csv', {}, undefined, 'GET')
    const event = await db().auditEvent.findFirstOrThrow({ where: { datasetId } })

    await db().auditEvent.updateMany({ where: { id: event.id }, data: { outcome: 'deny' } })
      .catch(() => undefined)
    await db().auditEvent.deleteMany({ where: { id: event.id } }).catch(() => undefined)

    const actions = filtered.json().events.map((e: { action: string }) => e.action)
    expect(new Set(actions)).toEqual(new Set(['grant.create', 'grant.revoke',
      'grant.accept_terms']))
    expect(csv.text.split('\r\n')[0]).toBe('at,actor_id,actor_email,action,outcome,reason,' +
      'resource_type,resource_id,dataset_id,project_id,details')
    expect(csv.text).toContain('dataset.train')
    expect(csv.text).toContain('request.deny')
    expect(await db().auditEvent.findUnique({ where: { id: event.id } })).toEqual(event)
  })
})

describe('upload size limit', () => {
  it('a file over the limit stops the upload with upload_too_large', async () => {
    const request = uploadRequest('http://test/x', null, {},
      { trainImages: { bytes: Buffer.alloc(5000) } })

    const receiving = receiveMultipart(request, database.storageRoot, 1000)

    await expect(receiving).rejects.toMatchObject({ code: 'upload_too_large' })
  })
})

describe('datasets shared with a user', () => {
  it('lists public cards and datasets a live grant reaches, nothing else', async () => {
    const { listDatasetsSharedWith } = await import('@/lib/datasets/queries')
    const first = await db().dataset.findUniqueOrThrow({ where: { id: datasetId } })
    const files = Object.fromEntries(Object.entries(smallIdxPair())
      .map(([role, bytes]) => [role, Readable.from([bytes])])) as never
    const internal = await createIdxDatasetVersion({ projectId: first.projectId, files,
      organizationId: first.organizationId, createdById: people.owner.id, name: 'internal' })
    const outsider = await createUser({ organizationId: (await createOrganization()).id })
    await db().accessGrant.create({ data: { datasetId: internal.dataset.id, level: 'METADATA',
      granteeUserId: people.stranger.id, purpose: 'look', grantedById: people.owner.id } })

    const forStranger = await listDatasetsSharedWith(people.stranger.id)
    const forOutsider = await listDatasetsSharedWith(outsider.id)

    expect(forStranger.map((d) => d.name).sort()).toEqual(['internal', 'scans'])
    expect(forOutsider.map((d) => d.name)).toEqual(['scans'])
  })
})
