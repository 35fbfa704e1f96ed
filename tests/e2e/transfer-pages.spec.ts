import { expect, test } from '@playwright/test'
import { DEMO_ORGANIZATIONS } from '../../lib/seed/demo-accounts'
import {
  createOutcomeAndAgreement, day, demoIds, launchShortRun, uniqueTag, waitForRun,
} from './demo-data'
import { signInAs } from './fixtures'
import { expectCleanPage, messagesOf, visit, watchErrors } from './page-checks'

// An outcome's and an agreement's own pages, and two runs side by side, in both languages.

const ISO_DAY = /\d{4}-\d{2}-\d{2}/
const runs = { reference: '', cnn: '', tag: uniqueTag('compare') }

test.beforeAll(async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL })
  const page = await context.newPage()
  await signInAs(page, 'researcher')
  const ids = await demoIds(page)
  runs.reference = await launchShortRun(page, ids, `Reference ${runs.tag}`)
  runs.cnn = await launchShortRun(page, ids, `Small CNN ${runs.tag}`, 'cnn-small')
  await waitForRun(page, runs.reference)
  await waitForRun(page, runs.cnn)
  await context.close()
})

for (const locale of ['en', 'zh-CN'] as const) {
  test(`an outcome is evaluated and its licence moved to signed (${locale})`, async ({
    page,
  }) => {
    const m = messagesOf(locale)
    const errors = watchErrors(page)
    const tag = uniqueTag(locale)
    const format = (offset: number) => new Intl.DateTimeFormat(locale,
      { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(day(offset)))
    await signInAs(page, 'researcher', locale)
    const ids = await demoIds(page)
    const { outcomeId } = await createOutcomeAndAgreement(page, ids, tag)

    await visit(page, `/transfer/outcomes/${outcomeId}`, errors, 'outcome')
    await expect(page.getByTestId('outcome-title')).toHaveText(`Postcode reader ${tag}`)
    const heading = page.locator('.page-heading')
    await expect(heading).toContainText(m.transfer.outcomeKinds.MODEL)
    await expect(page.getByText(m.transfer.outcomes.noContributors)).toBeVisible()
    await expect(page.getByTestId('evidence')).toHaveText(m.transfer.outcomes.datasetVersion
      .replace('{name}', 'MNIST').replace('{version}', '1'))
    const licence = page.locator('li', { hasText: `Licence ${tag}` })
    await expect(licence).toContainText(m.transfer.agreementKinds.NON_EXCLUSIVE_LICENCE)
    await expect(licence).toContainText(m.transfer.agreementStatus.DRAFT)

    const evaluation = page.getByTestId('evaluation-form')
    await evaluation.locator('[name="readinessLevel"]').selectOption('6')
    await evaluation.locator('[name="notes"]').fill('Shown on a sorting line for a week.')
    await evaluation.locator('button[type="submit"]').click()
    const row = page.getByTestId('evaluations').locator('tr', { hasText: 'sorting line' })
    await expect(row).toContainText(m.proposals.trl['6'])
    await expect(row).toContainText(format(0))
    await expectCleanPage(page, errors, 'outcome-evaluated')

    await licence.getByRole('link', { name: `Licence ${tag}` }).click()
    await expect(page.getByTestId('agreement-title')).toHaveText(`Licence ${tag}`)
    await expect(page.locator('.page-heading'))
      .toContainText(m.transfer.agreementKinds.NON_EXCLUSIVE_LICENCE)
    await expect(page.getByTestId('agreement-status')).toHaveText(m.transfer.agreementStatus.DRAFT)
    await expect(page.getByTestId('parties')).toContainText(DEMO_ORGANIZATIONS.company.name)
    const facts = page.locator('dl.facts')
    await expect(facts).toContainText(format(1))
    await expect(facts).toContainText(format(700))
    await expect(facts).not.toContainText(ISO_DAY)
    await expectCleanPage(page, errors, 'agreement')

    const status = page.getByTestId('agreement-status-form')
    await status.locator('[name="status"]').selectOption('NEGOTIATION')
    await status.locator('button[type="submit"]').click()
    await expect(page.getByTestId('agreement-status'))
      .toHaveText(m.transfer.agreementStatus.NEGOTIATION)
    await status.locator('[name="status"]').selectOption('SIGNED')
    await status.locator('button[type="submit"]').click()
    await expect(page.getByTestId('agreement-status'))
      .toHaveText(m.transfer.agreementStatus.SIGNED)
    await expect(page.getByTestId('signed-date')).toHaveText(format(0))
    await expectCleanPage(page, errors, 'agreement-signed')

    await page.locator('.page-heading').getByRole('link').click()
    await expect(page).toHaveURL(new RegExp(`/projects/${ids.projectId}/transfer$`))
    await expect(page.getByTestId('agreements').locator('tr', { hasText: `Licence ${tag}` }))
      .toContainText(m.transfer.agreementStatus.SIGNED)
    await expectCleanPage(page, errors)
  })

  test(`two runs side by side, with units, models and a way back (${locale})`, async ({
    page,
  }) => {
    const m = messagesOf(locale).runs
    const errors = watchErrors(page)
    await signInAs(page, 'researcher', locale)

    await visit(page, `/runs/compare?id=${runs.reference}&id=${runs.cnn}`, errors, 'compare')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.compare.title)
    const table = page.getByTestId('compare-table')
    await expect(table.locator('thead')).toContainText(`Reference ${runs.tag}`)
    await expect(table.locator('thead')).toContainText(`Small CNN ${runs.tag}`)
    const rowOf = (label: string) => table.locator('tbody tr', {
      has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) })
    await expect(rowOf(m.leaderboard.preset)).toContainText(m.presets.reference)
    await expect(rowOf(m.leaderboard.preset)).toContainText(m.presets['cnn-small'])
    await expect(rowOf(m.leaderboard.preset)).toHaveClass('differs')
    await expect(rowOf(m.section.status).locator('td')).toHaveText(
      [m.status.SUCCEEDED, m.status.SUCCEEDED])
    const seconds = new RegExp(`^${m.page.seconds.replace('{value}', '\\d+\\.\\d')}$`)
    await expect(rowOf(m.page.trainSeconds).locator('td').first()).toHaveText(seconds)
    await expect(rowOf('architecture').locator('td')).toHaveText(['mlp', 'cnn'])
    await expect(page.locator('.recharts-line')).toHaveCount(2)

    await page.locator('.page-heading').getByRole('link').click()
    await expect(page).toHaveURL(/\/runs\/leaderboard\//)
    await expect(page.getByTestId('leaderboard-row').filter({ hasText: runs.tag }))
      .toHaveCount(2)
    await expectCleanPage(page, errors)
  })
}
