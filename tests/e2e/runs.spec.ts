import { expect, test, type Page } from '@playwright/test'
import { DEMO_PROJECT_TITLE } from '../../lib/seed/demo-accounts'
import { signInAs } from './fixtures'
import { messagesOf } from './page-checks'

// Issue 5 end to end on the real MNIST of the demo project, with small sample limits so
// that each run takes seconds.

async function openProject(page: Page): Promise<string> {
  await page.goto('/')
  await page.getByRole('link', { name: DEMO_PROJECT_TITLE }).first().click()
  await expect(page.getByTestId('runs-section')).toBeVisible()
  return page.url().replace(/[#?].*$/, '')
}

async function launch(page: Page, projectUrl: string, fields: Record<string, string>,
  preset = 'reference') {
  await page.goto(projectUrl)
  const form = page.getByTestId('launch-run-form')
  await form.locator('select[name="preset"]').selectOption(preset)
  for (const [name, value] of Object.entries(fields)) {
    await form.locator(`[name="${name}"]`).fill(value)
  }
  await form.locator('button[type="submit"]').click()
  await page.waitForURL(/\/runs\/[^/]+$/)
  return page.url()
}

async function expectStatus(page: Page, status: string, timeout = 150_000) {
  await expect(page.getByTestId('run-progress').getByTestId('run-status'))
    .toHaveAttribute('data-status', status, { timeout })
}

test('a CNN with augmentation, a cancelled run, the leaderboard and a milestone deliverable',
  async ({ page }) => {
    await signInAs(page, 'researcher')
    const projectUrl = await openProject(page)
    const projectId = projectUrl.split('/').pop()!
    const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
    const milestone = await page.request.post(`/api/projects/${projectId}/milestones`,
      { data: { title: 'Benchmark report', dueDate } })
    expect(milestone.status()).toBe(201)

    // The reference MLP, briefly, to compare against.
    const referenceUrl = await launch(page, projectUrl,
      { name: 'E2E reference', epochs: '2', sampleLimit: '2000' })
    await expectStatus(page, 'SUCCEEDED')
    await expect(page.getByTestId('test-accuracy')).toBeVisible()

    // The CNN variant with augmentation, then a second run that is cancelled.
    const cnnUrl = await launch(page, projectUrl,
      { name: 'E2E CNN augmented', epochs: '1', sampleLimit: '600', validationSplit: '0.1' },
      'cnn-augmented')
    await launch(page, projectUrl, { name: 'E2E to cancel', epochs: '30' })
    await page.getByTestId('cancel-run').click()
    await expectStatus(page, 'CANCELLED', 30_000)

    await page.goto(cnnUrl)
    await expectStatus(page, 'SUCCEEDED')
    await expect(page.getByTestId('curve-accuracy')).toBeVisible()
    await expect(page.getByTestId('confusion-matrix')).toBeVisible()
    await expect(page.getByTestId('per-class-table')).toContainText('0')
    await expect(page.getByTestId('reproducibility')).toContainText('wasm')
    await expect(page.locator('pre.config')).toContainText('"architecture": "cnn"')

    // The leaderboard of the dataset version ranks both; compare them side by side.
    await page.getByRole('link', { name: 'MNIST v1' }).first().click()
    const rows = page.getByTestId('leaderboard-row')
    await expect(rows.filter({ hasText: 'E2E reference' })).toHaveCount(1)
    await expect(rows.filter({ hasText: 'E2E CNN augmented' })).toHaveCount(1)
    await rows.filter({ hasText: 'E2E reference' }).locator('input[type="checkbox"]').check()
    await rows.filter({ hasText: 'E2E CNN augmented' }).locator('input[type="checkbox"]')
      .check()
    await page.getByTestId('compare-selected').click()
    const compare = page.getByTestId('compare-table')
    await expect(compare).toContainText('E2E reference')
    await expect(compare).toContainText('E2E CNN augmented')
    await expect(compare).toContainText('architecture')

    // The CNN run's report becomes the milestone's deliverable.
    await page.goto(cnnUrl)
    const attach = page.getByTestId('milestone-attach')
    await attach.locator('select[name="milestoneId"]').selectOption({ label: 'Benchmark report' })
    await attach.locator('button[type="submit"]').click()
    await expect(page.getByTestId('attached-milestones')).toContainText('Benchmark report')

    // The printable report and the JSON download are there for the reference run too.
    await page.goto(`${referenceUrl}/report`)
    await expect(page.getByTestId('printable-report')).toContainText('E2E reference')
    const report = await page.request.get(
      `/api/runs/${referenceUrl.split('/').pop()}/report`)
    expect((await report.json()).evaluation.accuracy).toBeGreaterThan(0.8)
  })

test('advanced settings: a bad layer list is refused next to the field, in Chinese; a deeper ' +
  'MLP with L2 launches with exactly that configuration', async ({ page }) => {
  await signInAs(page, 'researcher', 'zh-CN')
  const projectUrl = await openProject(page)
  const form = page.getByTestId('launch-run-form')
  await form.locator('summary').click()
  await form.locator('[name="hiddenLayers"]').fill('64, 0')
  await form.locator('[name="epochs"]').fill('1')
  await form.locator('button[type="submit"]').click()
  const advanced = page.getByTestId('advanced-config')
  await expect(advanced.locator('[name="hiddenLayers"]')).toHaveAttribute('aria-invalid', 'true')
  // The banner points at the fields; their messages are in Chinese, not zod's English.
  await expect(form.locator('.form-error')).toHaveText(messagesOf('zh-CN').runs.form.invalidFields)
  await expect(advanced.locator('.field-error')).toContainText('数值过小')
  await expect(form).not.toContainText('Too small')
  expect(page.url()).toBe(projectUrl)

  await form.locator('[name="hiddenLayers"]').fill('64, 32')
  await form.locator('[name="l2"]').fill('0.0001')
  await form.locator('[name="sampleLimit"]').fill('500')
  await form.locator('[name="name"]').fill('E2E deeper MLP')
  await form.locator('button[type="submit"]').click()
  await page.waitForURL(/\/runs\/[^/]+$/)
  await expectStatus(page, 'SUCCEEDED', 60_000)
  const config = page.locator('pre.config')
  await expect(config).toContainText('"l2": 0.0001')
  await expect(config).toContainText(/"hiddenLayers": \[\s*64,\s*32\s*\]/)
})
