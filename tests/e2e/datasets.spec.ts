import { expect, test, type Page } from '@playwright/test'
import { DEMO_PROJECT_TITLE } from '../../lib/seed/demo-accounts'
import { signInAs } from './fixtures'

// Issue 3 end to end: a company shares a dataset train-only with its partner university,
// a researcher there trains but cannot read samples, the company revokes, the next run is
// refused, and the audit trail shows every step.

function idx(magic: number, dims: number[], body: Buffer): Buffer {
  const header = Buffer.alloc(4 + dims.length * 4)
  header.writeUInt32BE(magic, 0)
  dims.forEach((size, i) => header.writeUInt32BE(size, 4 + i * 4))
  return Buffer.concat([header, body])
}

/** Three classes of 8×8 images, each a bright band in a different third of the image. */
function idxFiles(count: number, prefix: string) {
  const labels = Buffer.from(Array.from({ length: count }, (_, i) => i % 3))
  const pixels = Buffer.alloc(count * 64)
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < 64; p++) {
      const band = Math.floor((p % 8) / 3)
      pixels[i * 64 + p] = band === labels[i] ? 200 + (i % 50) : (i * 7 + p) % 40
    }
  }
  return {
    images: { name: `${prefix}-images-idx3-ubyte`, mimeType: 'application/octet-stream',
      buffer: idx(0x803, [count, 8, 8], pixels) },
    labels: { name: `${prefix}-labels-idx1-ubyte`, mimeType: 'application/octet-stream',
      buffer: idx(0x801, [count], labels) },
  }
}

async function openProject(page: Page): Promise<string> {
  await page.goto('/')
  await page.getByRole('link', { name: DEMO_PROJECT_TITLE }).first().click()
  await expect(page.getByTestId('datasets-section')).toBeVisible()
  return page.url().replace(/[#?].*$/, '')
}

async function submitRun(page: Page, projectUrl: string, dataset: string, name: string) {
  await page.goto(projectUrl)
  const form = page.getByTestId('launch-run-form')
  const option = form.locator('select[name="datasetVersionId"] option', { hasText: dataset })
  await form.locator('select[name="datasetVersionId"]')
    .selectOption(await option.first().getAttribute('value') ?? '')
  await form.locator('[name="epochs"]').fill('1')
  await form.locator('[name="name"]').fill(name)
  await form.locator('button[type="submit"]').click()
}

test('train-only sharing with a partner, revocation and the audit trail', async ({ page,
  browser }, testInfo) => {
  const dataset = `Parcel scans ${Date.now()}`
  const train = idxFiles(300, 'train')
  const testSet = idxFiles(60, 't10k')

  // The company uploads a dataset whose project members see only its card.
  await signInAs(page, 'industry')
  const projectUrl = await openProject(page)
  await page.getByTestId('upload-dataset-link').click()
  await page.getByTestId('upload-name').fill(dataset)
  await page.getByTestId('upload-project-level').selectOption('METADATA')
  await page.getByTestId('upload-terms').fill('Training inside the joint project only.')
  await page.getByTestId('file-trainImages').setInputFiles(train.images)
  await page.getByTestId('file-trainLabels').setInputFiles(train.labels)
  await page.getByTestId('file-testImages').setInputFiles(testSet.images)
  await page.getByTestId('file-testLabels').setInputFiles(testSet.labels)
  await page.getByTestId('upload-submit').click()
  await expect(page.getByTestId('dataset-name')).toHaveText(dataset)
  const datasetUrl = page.url()
  const datasetId = datasetUrl.split('/').pop()
  await expect(page.getByTestId('preview-grid')).toBeVisible()

  // It grants `train` to the partner university.
  await page.getByTestId('new-grant-toggle').click()
  const grantForm = page.getByTestId('grant-form')
  await grantForm.getByTestId('grant-level').selectOption('TRAIN')
  await grantForm.getByTestId('grant-org').selectOption({ label: 'Lakeside University' })
  await grantForm.getByTestId('grant-purpose').fill('Benchmark the reference MLP')
  await grantForm.locator('button[type="submit"]').click()
  await expect(page.getByTestId('grants-table')).toContainText('Lakeside University')

  // A researcher there accepts the terms, and finds no samples and no download.
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL })
  const researcher = await context.newPage()
  await signInAs(researcher, 'researcher')
  await researcher.goto(datasetUrl)
  await researcher.getByTestId('accept-grant').locator('button').click()
  await expect(researcher.getByTestId('level-badge')).toHaveText('Train only')
  await expect(researcher.getByTestId('no-preview')).toBeVisible()
  await expect(researcher.getByTestId('preview-grid')).toHaveCount(0)
  await expect(researcher.getByTestId('download-link')).toHaveCount(0)
  const files = `/api/datasets/${datasetId}/versions/1`
  expect((await researcher.request.get(`${files}/files/train-images-idx3-ubyte`)).status())
    .toBe(403)
  expect((await researcher.request.get(`${files}/preview`)).status()).toBe(403)

  // They launch a run; it trains and reports, without samples or the model.
  await submitRun(researcher, projectUrl, dataset, 'Train-only run')
  await researcher.waitForURL(/\/runs\/[^/]+$/)
  const runUrl = researcher.url()
  await expect(researcher.getByTestId('run-progress').getByTestId('run-status'))
    .toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 150_000 })
  await researcher.reload()
  await expect(researcher.getByTestId('test-accuracy')).toBeVisible()
  await expect(researcher.getByTestId('misclassified')).toHaveCount(0)
  await expect(researcher.locator('a[href*="/model/"]')).toHaveCount(0)
  const runId = runUrl.split('/').pop()
  expect((await researcher.request.get(`/api/runs/${runId}/misclassified`)).status()).toBe(403)
  for (const file of ['model.json', 'weights.bin']) {
    expect((await researcher.request.get(`/api/runs/${runId}/model/${file}`)).status())
      .toBe(403)
  }

  // The company revokes; the researcher's next run is refused with a clear message.
  await page.goto(datasetUrl)
  await page.getByTestId('revoke-grant').locator('button').click()
  await expect(page.getByTestId('grants-table')).toContainText(/revoked/i)
  await submitRun(researcher, projectUrl, dataset, 'After revocation')
  await expect(researcher.getByTestId('launch-run-form').locator('.form-error'))
    .toContainText('revoked')

  // The audit trail shows all of it, on the page and in the CSV export.
  await page.goto(`${datasetUrl}/audit`)
  const rows = page.getByTestId('audit-table')
  for (const action of ['dataset.upload', 'grant.create', 'grant.accept_terms',
    'grant.revoke', 'dataset.view']) {
    await expect(rows.locator(`tr[data-action="${action}"]`).first()).toBeVisible()
  }
  for (const outcome of ['allow', 'deny']) {
    await expect(rows.locator(`tr[data-action="dataset.train"] .outcome-${outcome}`).first())
      .toBeVisible()
  }
  await expect(rows.locator('tr[data-action="dataset.download"] .outcome-deny').first())
    .toBeVisible()
  const csv = await page.request.get(`/api/datasets/${datasetId}/audit?format=csv`)
  expect(await csv.text()).toContain('grant.revoke')
  await context.close()
})
