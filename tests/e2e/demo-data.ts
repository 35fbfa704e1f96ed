import { expect, type Page } from '@playwright/test'
import { DEMO_ORGANIZATIONS, DEMO_PROJECT_TITLE } from '../../lib/seed/demo-accounts'

// Builds what a page needs to show through the JSON API, as the signed-in person of
// `page` (the session cookie), so that a spec spends its time on the page it tests.

export const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

export const uniqueTag = (locale: string) => `${locale}-${Date.now().toString(36)}`

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

export async function api(page: Page, method: 'GET' | 'POST' | 'PATCH', url: string,
  data?: unknown): Promise<Json> {
  const response = await page.request.fetch(url, { method, data })
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true)
  return response.json()
}

export type DemoIds = {
  projectId: string
  universityId: string
  companyId: string
  mnistVersionId: string
}

/** Ids of the seeded demo project, organizations and MNIST version. */
export async function demoIds(page: Page): Promise<DemoIds> {
  const { projects } = await api(page, 'GET', '/api/projects')
  const projectId = projects.find((p: Json) => p.title === DEMO_PROJECT_TITLE).id
  const { organizations } = await api(page, 'GET', '/api/organizations')
  const idOf = (name: string) => organizations.find((o: Json) => o.name === name).id
  const { datasets } = await api(page, 'GET', `/api/projects/${projectId}/datasets`)
  const mnist = datasets.find((d: Json) => d.name === 'MNIST')
  return {
    projectId,
    universityId: idOf(DEMO_ORGANIZATIONS.university.name),
    companyId: idOf(DEMO_ORGANIZATIONS.company.name),
    mnistVersionId: mnist.latestVersion.id,
  }
}

/** A published, public need of `organizationId`; returns its id. */
export async function createNeed(page: Page, organizationId: string, title: string) {
  const { need } = await api(page, 'POST', '/api/needs', {
    organizationId, title, status: 'PUBLISHED', visibility: 'PUBLIC', tags: ['ocr'],
    problem: 'Handwritten postcodes on parcels are misread by the sorting line.',
    deadline: day(60),
  })
  return need.id as string
}

export async function createProposal(page: Page, needId: string, organizationId: string,
  title: string) {
  const { proposal } = await api(page, 'POST', `/api/needs/${needId}/proposals`, {
    organizationId, title, readinessLevel: 3,
    approach: 'Benchmark the reference MLP on MNIST, then adapt it to real scans.',
  })
  return proposal.id as string
}

/** A blank project owned by the caller for their organization; returns its id. */
export async function createProject(page: Page, organizationId: string, title: string) {
  const { project } = await api(page, 'POST', '/api/projects', {
    organizationId, title, summary: 'A project made by a browser test.', status: 'ACTIVE',
    startDate: day(-10), endDate: day(300),
  })
  return project.id as string
}

/** An outcome of the project and a draft licence of it between the two demo partners. */
export async function createOutcomeAndAgreement(page: Page, ids: DemoIds, tag: string) {
  const { outcome } = await api(page, 'POST', `/api/projects/${ids.projectId}/outcomes`, {
    kind: 'MODEL', title: `Postcode reader ${tag}`,
    description: 'A reference MLP adapted to parcel labels.',
    datasetVersionIds: [ids.mnistVersionId],
  })
  const { agreement } = await api(page, 'POST', `/api/projects/${ids.projectId}/agreements`, {
    kind: 'NON_EXCLUSIVE_LICENCE', title: `Licence ${tag}`, outcomeId: outcome.id,
    fieldOfUse: 'Parcel sorting', territory: 'Europe', fees: '10,000 EUR',
    termsSummary: 'Non-exclusive use of the model in sorting centres.',
    effectiveDate: day(1), endDate: day(700),
    parties: [{ organizationId: ids.universityId, role: 'licensor' },
      { organizationId: ids.companyId, role: 'licensee' }],
  })
  return { outcomeId: outcome.id as string, agreementId: agreement.id as string }
}

/** Queues a short run of a preset on MNIST (a few hundred samples, one epoch). */
export async function launchShortRun(page: Page, ids: DemoIds, name: string,
  preset = 'reference') {
  const { run } = await api(page, 'POST', `/api/projects/${ids.projectId}/runs`, {
    datasetVersionId: ids.mnistVersionId, preset, name, epochs: 1, sampleLimit: 500,
    testLimit: 500,
  })
  return run.id as string
}

export async function waitForRun(page: Page, runId: string, status = 'SUCCEEDED') {
  await expect.poll(async () => (await api(page, 'GET', `/api/runs/${runId}`)).run.status,
    { timeout: 120_000, intervals: [1000] }).toBe(status)
}

function idx(magic: number, dims: number[], body: Buffer): Buffer {
  const header = Buffer.alloc(4 + dims.length * 4)
  header.writeUInt32BE(magic, 0)
  dims.forEach((size, i) => header.writeUInt32BE(size, 4 + i * 4))
  return Buffer.concat([header, body])
}

/** An IDX image and label file pair of `count` 8×8 images in three classes. */
export function idxPair(count: number, prefix: 'train' | 't10k') {
  const labels = Buffer.from(Array.from({ length: count }, (_, i) => i % 3))
  const pixels = Buffer.alloc(count * 64)
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < 64; p++) pixels[i * 64 + p] = (i * 7 + p * 3) % 256
  }
  return {
    images: { name: `${prefix}-images-idx3-ubyte`, mimeType: 'application/octet-stream',
      buffer: idx(0x803, [count, 8, 8], pixels) },
    labels: { name: `${prefix}-labels-idx1-ubyte`, mimeType: 'application/octet-stream',
      buffer: idx(0x801, [count], labels) },
  }
}
