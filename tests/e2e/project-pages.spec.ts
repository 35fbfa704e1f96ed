import { expect, test, type Page } from '@playwright/test'
import { DEMO_ORGANIZATIONS, DEMO_PROJECT_TITLE } from '../../lib/seed/demo-accounts'
import { api, createNeed, createProject, day, demoIds, idxPair, uniqueTag } from './demo-data'
import { signInAs, signOut } from './fixtures'
import { expectCleanPage, forgetRefusal, messagesOf, visit, watchErrors } from './page-checks'

// Editing a need, a project's settings, uploading a dataset through the form and finding
// it among the datasets shared with a partner, in both languages.

function form(page: Page, testId: string) {
  const root = page.getByTestId(testId)
  return {
    root,
    field: (name: string) => root.locator(`[name="${name}"]`),
    submit: () => root.locator('button[type="submit"]').click(),
    error: (name: string) => root.getByTestId(`error-${name}`),
  }
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`a company edits its need; bad fields are refused next to them (${locale})`, async ({
    page,
  }) => {
    const m = messagesOf(locale)
    const errors = watchErrors(page)
    const tag = uniqueTag(locale)
    await signInAs(page, 'industry', locale)
    const ids = await demoIds(page)
    const needId = await createNeed(page, ids.companyId, `Label reading ${tag}`)

    await visit(page, `/needs/${needId}`, errors)
    await page.getByRole('link', { name: m.needs.detail.edit }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.needs.edit.title)
    await expect(page.getByTestId('back-to-need')).toHaveText(`Label reading ${tag}`)
    await expectCleanPage(page, errors, 'need-edit')

    const need = form(page, 'need-form')
    await expect(need.field('problem')).toHaveValue(/misread/)
    await need.field('title').fill('')
    await need.field('budgetMin').fill('120000')
    await need.field('budgetMax').fill('50000')
    await need.submit()
    await expect(need.error('title')).toHaveText(m.projects.validation.required)
    await expect(need.error('budgetMax')).toHaveText(m.projects.validation.budgetOrder)
    await expect(need.field('budgetMin')).toHaveValue('120000')

    await need.field('title').fill(`Label and postcode reading ${tag}`)
    await need.field('budgetMax').fill('250000')
    await need.field('tags').fill('ocr, parcels')
    await need.submit()
    await expect(page.getByTestId('need-title')).toHaveText(`Label and postcode reading ${tag}`)
    await expect(page).toHaveURL(new RegExp(`/needs/${needId}$`))
    await expect(page.getByTestId('need-budget')).toContainText(/120[,.]?000 – 250[,.]?000 EUR/)
    await expect(page.locator('.tag', { hasText: 'parcels' })).toBeVisible()
    await expectCleanPage(page, errors, 'need-edited')
  })

  test(`a manager edits the project settings; a researcher only reads them (${locale})`,
    async ({ page }) => {
      const m = messagesOf(locale).projects
      const errors = watchErrors(page)
      await signInAs(page, 'researcher', locale)
      const ids = await demoIds(page)
      const title = `Settings project ${uniqueTag(locale)}`
      const projectId = await createProject(page, ids.universityId, title)

      await visit(page, `/projects/${projectId}`, errors)
      await page.getByTestId('tab-settings').click()
      await expect(page.getByTestId('tab-settings')).toHaveAttribute('aria-current', 'page')
      await expectCleanPage(page, errors, 'project-settings')
      const settings = form(page, 'project-form')
      await expect(settings.field('title')).toHaveValue(title)
      await expect(settings.field('startDate')).toHaveValue(day(-10))
      await settings.field('objectives').fill('Reach 98% test accuracy on parcel scans.')
      await settings.field('endDate').fill(day(-20))
      await settings.submit()
      await expect(settings.error('endDate')).toHaveText(m.validation.endBeforeStart)

      await settings.field('endDate').fill(day(400))
      await settings.field('status').selectOption('COMPLETED')
      await settings.submit()
      await expect(settings.root.getByRole('status')).toHaveText(m.form.saved)
      await expect(settings.field('endDate')).toHaveValue(day(400))
      await page.getByTestId('tab-overview').click()
      await expect(page.getByTestId('project-status')).toHaveText(m.status.COMPLETED)
      await expect(page.getByText('Reach 98% test accuracy on parcel scans.')).toBeVisible()
      await expectCleanPage(page, errors)

      await signOut(page)
      await signInAs(page, 'student', locale)
      await page.getByRole('link', { name: DEMO_PROJECT_TITLE }).first().click()
      await page.getByTestId('tab-settings').click()
      await expect(page.getByText(m.settings.readOnly)).toBeVisible()
      await expect(page.getByTestId('project-form')).toHaveCount(0)
      await expectCleanPage(page, errors, 'project-settings-read-only')
    })

  test(`a dataset uploaded through the form reaches a partner's shared list (${locale})`,
    async ({ page }) => {
      const m = messagesOf(locale).datasets
      const errors = watchErrors(page)
      const tag = uniqueTag(locale)
      const name = `Parcel scans ${tag}`
      const projectTitle = `Northwind scans ${tag}`
      await signInAs(page, 'industry', locale)
      const ids = await demoIds(page)
      const projectId = await createProject(page, ids.companyId, projectTitle)

      await visit(page, `/projects/${projectId}`, errors)
      await page.getByTestId('upload-dataset-link').click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.upload.title)
      await expect(page.getByRole('link', { name: projectTitle })).toBeVisible()
      await expectCleanPage(page, errors, 'dataset-new')
      const upload = page.getByTestId('upload-form')
      const train = idxPair(90, 'train')
      const testSet = idxPair(30, 't10k')
      await page.getByTestId('upload-name').fill(name)
      await upload.locator('select[name="sensitivity"]').selectOption('CONFIDENTIAL')
      await page.getByTestId('upload-terms').fill('Benchmarking inside joint projects only.')
      // A file that is no IDX file first: the reason in the reader's language, the
      // server's finding beneath it.
      await page.getByTestId('file-trainImages').setInputFiles({ name: 'scans.bin',
        mimeType: 'application/octet-stream', buffer: Buffer.from('these are not images') })
      await page.getByTestId('file-trainLabels').setInputFiles(train.labels)
      await page.getByTestId('file-testImages').setInputFiles(testSet.images)
      await page.getByTestId('file-testLabels').setInputFiles(testSet.labels)
      await page.getByTestId('upload-submit').click()
      const refusal = page.getByTestId('upload-error')
      await expect(refusal.locator('strong')).toHaveText(m.uploadReasons.idx_bad_magic)
      await expect(refusal.locator('.error-detail')).toContainText('scans.bin')
      forgetRefusal(errors, 422)
      await page.getByTestId('file-trainImages').setInputFiles(train.images)
      await page.getByTestId('file-trainLabels').setInputFiles(train.labels)
      await page.getByTestId('file-testImages').setInputFiles(testSet.images)
      await page.getByTestId('file-testLabels').setInputFiles(testSet.labels)
      await page.getByTestId('upload-submit').click()
      await expect(page.getByTestId('dataset-name')).toHaveText(name)
      await expect(page.getByTestId('level-badge')).toHaveText(m.levels.DOWNLOAD)
      await expect(page.getByText(/\d kB/).first()).toBeVisible()
      await expectCleanPage(page, errors, 'dataset-uploaded')
      const datasetId = page.url().split('/').pop()
      await api(page, 'POST', `/api/datasets/${datasetId}/grants`, { level: 'TRAIN',
        granteeOrganizationId: ids.universityId, purpose: 'Benchmark the reference MLP' })

      await signOut(page)
      await signInAs(page, 'researcher', locale)
      await page.getByTestId('nav-datasets').click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.shared.title)
      const row = page.getByTestId('shared-datasets').locator('tr', { hasText: name })
      await expect(row).toContainText(DEMO_ORGANIZATIONS.company.name)
      await expect(row).toContainText(projectTitle)
      await expect(row).toContainText(m.formats.IDX)
      await expect(row.locator('td').last()).toHaveText(m.levels.METADATA)
      await expectCleanPage(page, errors, 'datasets-shared')

      await row.getByRole('link', { name }).click()
      await page.getByTestId('accept-grant').locator('button').click()
      await expect(page.getByTestId('level-badge')).toHaveText(m.levels.TRAIN)
      await page.getByTestId('nav-datasets').click()
      await expect(row.locator('td').last()).toHaveText(m.levels.TRAIN)
      await expectCleanPage(page, errors)
    })
}
