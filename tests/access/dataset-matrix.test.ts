import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as accessRoute from '@/app/api/datasets/[datasetId]/access/route'
import * as auditRoute from '@/app/api/datasets/[datasetId]/audit/route'
import * as acceptRoute from '@/app/api/datasets/[datasetId]/grants/[grantId]/accept/route'
import * as revokeRoute from '@/app/api/datasets/[datasetId]/grants/[grantId]/revoke/route'
import * as grantsRoute from '@/app/api/datasets/[datasetId]/grants/route'
import * as policyRoute from '@/app/api/datasets/[datasetId]/policy/route'
import * as approveRoute from '@/app/api/datasets/[datasetId]/requests/[requestId]/approve/route'
import * as denyRoute from '@/app/api/datasets/[datasetId]/requests/[requestId]/deny/route'
import * as requestsRoute from '@/app/api/datasets/[datasetId]/requests/route'
import * as datasetRoute from '@/app/api/datasets/[datasetId]/route'
import * as fileRoute
  from '@/app/api/datasets/[datasetId]/versions/[version]/files/[file]/route'
import * as previewRoute from '@/app/api/datasets/[datasetId]/versions/[version]/preview/route'
import * as versionRoute from '@/app/api/datasets/[datasetId]/versions/[version]/route'
import * as versionsRoute from '@/app/api/datasets/[datasetId]/versions/route'
import * as projectDatasetsRoute from '@/app/api/projects/[projectId]/datasets/route'
import { db } from '@/lib/db/client'
import { setupTestDatabase, type TestDatabase } from '../helpers/db'
import { smallIdxPair, useTestStaging } from '../datasets/helpers'
import { ACTORS, buildMatrixWorld, MARKER, type Actor } from './matrix-setup'

type World = Awaited<ReturnType<typeof buildMatrixWorld>>
type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>
type Cell = { url: string; params: Record<string, string>; body?: BodyInit; json?: unknown }
type RouteCase = {
  name: string
  method: string
  handler: unknown
  cell: (world: World) => Promise<Cell> | Cell
  expected: Record<Actor, number>
  /** Whether an allowed answer carries sample bytes (the download itself). */
  carriesSamples?: boolean
}

const table = (values: number[]) =>
  Object.fromEntries(ACTORS.map((actor, i) => [actor, values[i]])) as Record<Actor, number>
//                 own  stew  dl   train meta  org  expd  revk  out  anon
const VIEW = table([200, 200, 200, 200, 200, 200, 404, 200, 404, 401])
const DOWNLOAD = table([200, 200, 200, 403, 403, 403, 404, 403, 404, 401])
const steward = (ok: number) => table([ok, ok, 403, 403, 403, 403, 404, 403, 404, 401])
const PROJECT = table([200, 404, 200, 200, 200, 404, 404, 200, 404, 401])
const REQUEST = table([201, 201, 201, 201, 201, 201, 404, 201, 404, 401])
const ACCEPT = table([404, 404, 404, 200, 404, 404, 404, 404, 404, 401])

const base = (world: World) => `http://test/api/datasets/${world.dataset.id}`
const ds = (world: World, path = '', extra: Record<string, string> = {}): Cell =>
  ({ url: base(world) + path, params: { datasetId: world.dataset.id, ...extra } })

function multipartBody(): FormData {
  const form = new FormData()
  for (const [name, bytes] of Object.entries(smallIdxPair())) {
    form.append(name, new Blob([new Uint8Array(bytes)]), name)
  }
  return form
}

async function freshGrant(world: World) {
  return db().accessGrant.create({ data: { datasetId: world.dataset.id, level: 'METADATA',
    granteeUserId: world.spare.id, purpose: 'to revoke', grantedById: world.owner.id } })
}
async function freshRequest(world: World) {
  return db().accessRequest.create({ data: { datasetId: world.dataset.id,
    requesterId: world.spare.id, level: 'TRAIN', purpose: 'to decide',
    termsAcceptedAt: new Date() } })
}

const ROUTES: RouteCase[] = [
  { name: 'GET /projects/:id/datasets', method: 'GET', handler: projectDatasetsRoute.GET,
    expected: PROJECT, cell: (w) => ({ url: `http://test/api/projects/${w.project.id}/datasets`,
      params: { projectId: w.project.id } }) },
  { name: 'GET /datasets/:id', method: 'GET', handler: datasetRoute.GET, expected: VIEW,
    cell: (w) => ds(w) },
  { name: 'PATCH /datasets/:id', method: 'PATCH', handler: datasetRoute.PATCH,
    expected: steward(200), cell: (w) => ({ ...ds(w), json: { licence: 'CC-BY-4.0' } }) },
  { name: 'PUT /datasets/:id/policy', method: 'PUT', handler: policyRoute.PUT,
    expected: steward(200), cell: (w) => ({ ...ds(w, '/policy'),
      json: { projectLevel: 'METADATA' } }) },
  { name: 'GET /datasets/:id/access', method: 'GET', handler: accessRoute.GET, expected: VIEW,
    cell: (w) => ds(w, '/access') },
  { name: 'GET /datasets/:id/versions', method: 'GET', handler: versionsRoute.GET,
    expected: VIEW, cell: (w) => ds(w, '/versions') },
  { name: 'POST /datasets/:id/versions', method: 'POST', handler: versionsRoute.POST,
    expected: steward(201), cell: (w) => ({ ...ds(w, '/versions'), body: multipartBody() }) },
  { name: 'GET /datasets/:id/versions/1', method: 'GET', handler: versionRoute.GET,
    expected: VIEW, cell: (w) => ds(w, '/versions/1', { version: '1' }) },
  { name: 'GET /datasets/:id/versions/1/files/:file', method: 'GET', handler: fileRoute.GET,
    expected: DOWNLOAD, carriesSamples: true,
    cell: (w) => ds(w, '/versions/1/files/train-images-idx3-ubyte',
      { version: '1', file: 'train-images-idx3-ubyte' }) },
  { name: 'GET /datasets/:id/versions/1/preview', method: 'GET', handler: previewRoute.GET,
    expected: DOWNLOAD, cell: (w) => ds(w, '/versions/1/preview', { version: '1' }) },
  { name: 'GET /datasets/:id/grants', method: 'GET', handler: grantsRoute.GET,
    expected: steward(200), cell: (w) => ds(w, '/grants') },
  { name: 'POST /datasets/:id/grants', method: 'POST', handler: grantsRoute.POST,
    expected: steward(201), cell: (w) => ({ ...ds(w, '/grants'), json: { level: 'METADATA',
      granteeUserId: w.spare.id, purpose: 'a matrix cell' } }) },
  { name: 'POST /datasets/:id/grants/:g/revoke', method: 'POST', handler: revokeRoute.POST,
    expected: steward(200), cell: async (w) => {
      const grant = await freshGrant(w)
      return ds(w, `/grants/${grant.id}/revoke`, { grantId: grant.id })
    } },
  { name: 'POST /datasets/:id/grants/:g/accept', method: 'POST', handler: acceptRoute.POST,
    expected: ACCEPT, cell: (w) => ds(w, `/grants/${w.memberTrainGrant.id}/accept`,
      { grantId: w.memberTrainGrant.id }) },
  { name: 'GET /datasets/:id/requests', method: 'GET', handler: requestsRoute.GET,
    expected: VIEW, cell: (w) => ds(w, '/requests') },
  { name: 'POST /datasets/:id/requests', method: 'POST', handler: requestsRoute.POST,
    expected: REQUEST, cell: (w) => ({ ...ds(w, '/requests'), json: { level: 'DOWNLOAD',
      purpose: 'benchmarking', acceptTerms: true } }) },
  { name: 'POST /datasets/:id/requests/:r/approve', method: 'POST', handler: approveRoute.POST,
    expected: steward(200), cell: async (w) => {
      const request = await freshRequest(w)
      return ds(w, `/requests/${request.id}/approve`, { requestId: request.id })
    } },
  { name: 'POST /datasets/:id/requests/:r/deny', method: 'POST', handler: denyRoute.POST,
    expected: steward(200), cell: async (w) => {
      const request = await freshRequest(w)
      return { ...ds(w, `/requests/${request.id}/deny`, { requestId: request.id }),
        json: { reason: 'not this time' } }
    } },
  { name: 'GET /datasets/:id/audit', method: 'GET', handler: auditRoute.GET,
    expected: steward(200), cell: (w) => ds(w, '/audit?action=dataset') },
  { name: 'GET /datasets/:id/audit?format=csv', method: 'GET', handler: auditRoute.GET,
    expected: steward(200), cell: (w) => ds(w, '/audit?format=csv') },
]

let database: TestDatabase & { storageRoot: string }
let world: World

beforeAll(async () => {
  database = await setupTestDatabase()
  useTestStaging()
  world = await buildMatrixWorld()
})
afterAll(async () => { await database.close() })

const cases = ROUTES.flatMap((route) =>
  ACTORS.map((actor) => [route.name, actor, route] as const))

describe('the dataset authorization matrix', () => {
  it('covers at least 100 cells', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100)
  })

  it.each(cases)('%s as %s', async (_, actor, route) => {
    const cell = await route.cell(world)
    const token = world.tokens[actor]
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
    if (cell.json !== undefined) headers['content-type'] = 'application/json'
    const request = new Request(cell.url, { method: route.method, headers,
      body: cell.json !== undefined ? JSON.stringify(cell.json) : cell.body })

    const response = await (route.handler as Handler)(request,
      { params: Promise.resolve(cell.params) as Promise<never> })

    const bytes = Buffer.from(await response.arrayBuffer()).toString('latin1')
    expect({ status: response.status, body: bytes.slice(0, 300) })
      .toMatchObject({ status: route.expected[actor] })
    const allowed = response.status < 300
    expect(bytes.includes(MARKER)).toBe(Boolean(route.carriesSamples && allowed))
    if (!allowed) {
      expect(JSON.parse(bytes).error.code).toMatch(/^(unauthorized|forbidden|not_found)$/)
    }
  })
})

describe('stewardship across partners', () => {
  it('a partner\'s project manager is not a steward of the other side\'s dataset', async () => {
    const { createUser } = await import('../helpers/fixtures')
    const { createApiToken } = await import('@/lib/auth/api-tokens')
    const memberOrg = await db().projectMember.findFirstOrThrow({
      where: { projectId: world.project.id, userId: world.users.memberTrain.id } })
    const manager = await createUser({ organizationId: memberOrg.organizationId })
    await db().projectMember.create({ data: { projectId: world.project.id, userId: manager.id,
      organizationId: memberOrg.organizationId, role: 'MANAGER' } })
    const { token } = await createApiToken(manager.id, 'manager')

    const response = await (fileRoute.GET as Handler)(new Request(
      `${base(world)}/versions/1/files/train-images-idx3-ubyte`,
      { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ datasetId: world.dataset.id, version: '1',
      file: 'train-images-idx3-ubyte' }) as Promise<never> })

    expect(response.status).toBe(403)
  })
})
