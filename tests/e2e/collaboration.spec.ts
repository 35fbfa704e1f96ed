import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { DEMO_ORGANIZATIONS, DEMO_USERS } from '../../lib/seed/demo-accounts'
import { signInAs, signOut, type Locale } from './fixtures'
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Messages = Record<string, any>
const read = (locale: Locale, area: string): Messages =>
  JSON.parse(readFileSync(path.join(process.cwd(), 'messages', locale, `${area}.json`), 'utf8'))
const messages = (locale: Locale) => ({
  projects: read(locale, 'projects'), proposals: read(locale, 'proposals'),
  transfer: read(locale, 'transfer'), activity: read(locale, 'activity'),
})

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

function form(page: Page, testId: string) {
  const root = page.getByTestId(testId)
  return {
    root,
    fill: (name: string, value: string) => root.locator(`[name="${name}"]`).fill(value),
    select: (name: string, value: string | { label: string }) =>
      root.locator(`[name="${name}"]`).selectOption(value),
    submit: () => root.locator('button[type="submit"]').click(),
    error: (name: string) => root.getByTestId(`error-${name}`),
  }
}

async function switchTo(page: Page, who: keyof typeof DEMO_USERS, locale: Locale) {
  await signOut(page)
  await signInAs(page, who, locale)
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`need to signed licence, with feed and notifications (${locale})`, async ({ page }) => {
    const m = messages(locale)
    const tag = `${locale}-${Date.now().toString(36)}`
    const needTitle = `Parcel postcode reading ${tag}`
    const proposalTitle = `Reference MLP then CNN ${tag}`

    // A company user posts a need; a missing title is refused next to the field.
    await signInAs(page, 'industry', locale)
    await page.goto('/needs/new')
    const need = form(page, 'need-form')
    await need.fill('problem', 'Handwritten postcodes on parcels are misread.')
    await need.submit()
    await expect(need.error('title')).toHaveText(m.projects.validation.required)
    await need.fill('title', needTitle)
    await need.fill('tags', 'ocr, logistics')
    await need.fill('deadline', day(-2))
    await need.select('status', 'PUBLISHED')
    await need.submit()
    await expect(need.error('deadline')).toHaveText(m.projects.validation.dateInPast)
    await need.fill('deadline', day(90))
    await need.submit()
    await expect(page.getByTestId('need-title')).toHaveText(needTitle)

    // A researcher finds it and submits a proposal.
    await switchTo(page, 'researcher', locale)
    await page.goto(`/needs?q=${encodeURIComponent(tag)}`)
    await page.getByRole('link', { name: needTitle }).click()
    const proposal = form(page, 'proposal-form')
    await proposal.fill('title', proposalTitle)
    await proposal.fill('approach', 'Benchmark the reference MLP on MNIST, then adapt.')
    await proposal.submit()
    await expect(page.getByTestId('proposal-title')).toHaveText(proposalTitle)

    // The company is notified, shortlists, then accepts: the project has both organizations.
    await switchTo(page, 'industry', locale)
    await expect(page.getByTestId('notification-count')).toBeVisible()
    await page.getByTestId('notification-bell').click()
    await page.getByTestId('notifications').getByRole('link', { name: proposalTitle }).first()
      .click()
    const screening = form(page, 'screen-form')
    await screening.select('status', 'SHORTLISTED')
    await screening.fill('score', '85')
    await screening.submit()
    await expect(page.getByTestId('proposal-status'))
      .toHaveText(m.proposals.status.SHORTLISTED)
    await page.getByTestId('accept-proposal').locator('button').click()
    await expect(page.getByTestId('project-title')).toHaveText(proposalTitle)
    const partners = page.getByTestId('project-partners')
    await expect(partners).toContainText(DEMO_ORGANIZATIONS.company.name)
    await expect(partners).toContainText(DEMO_ORGANIZATIONS.university.name)
    const projectUrl = new URL(page.url()).pathname

    // The researcher (manager) adds a milestone and a work package; bad dates are refused.
    await switchTo(page, 'researcher', locale)
    await page.goto(`${projectUrl}/plan`)
    const milestone = form(page, 'milestone-form')
    await milestone.fill('title', 'Baseline report')
    await milestone.fill('dueDate', day(20))
    await milestone.submit()
    await expect(page.getByTestId('milestones')).toContainText('Baseline report')
    const workPackage = form(page, 'work-package-form')
    await workPackage.fill('title', 'WP1 data preparation')
    await workPackage.select('responsibleOrganizationId',
      { label: DEMO_ORGANIZATIONS.university.name })
    await workPackage.fill('startDate', day(30))
    await workPackage.fill('endDate', day(10))
    await workPackage.submit()
    await expect(workPackage.error('endDate')).toHaveText(m.projects.validation.endBeforeStart)
    await workPackage.fill('endDate', day(60))
    await workPackage.submit()
    await expect(page.getByTestId('work-packages')).toContainText('WP1 data preparation')
    await expect(page.getByTestId('timeline')).toContainText('WP1 data preparation')

    // ... and invites a third person; an expiry in the past or an unknown organization is refused.
    await page.goto(`${projectUrl}/members`)
    const invite = form(page, 'invite-form')
    await invite.fill('email', DEMO_USERS.student.email)
    await invite.select('organizationId', { label: DEMO_ORGANIZATIONS.university.name })
    await invite.fill('expiresAt', day(-1))
    await invite.submit()
    await expect(invite.error('expiresAt')).toHaveText(m.projects.validation.expiryInPast)
    await invite.root.locator('[name="organizationId"]').evaluate((select) => {
      const option = document.createElement('option')
      option.value = 'no-such-organization'
      option.textContent = '?'
      select.appendChild(option)
    })
    await invite.select('organizationId', 'no-such-organization')
    await invite.fill('expiresAt', '')
    await invite.submit()
    await expect(invite.error('organizationId'))
      .toHaveText(m.projects.validation.unknownOrganization)
    await invite.select('organizationId', { label: DEMO_ORGANIZATIONS.university.name })
    await invite.submit()
    await expect(page.getByTestId('invitations')).toContainText(DEMO_USERS.student.email)

    // The invited person accepts from their notifications.
    await switchTo(page, 'student', locale)
    await page.goto('/notifications')
    await page.getByTestId('pending-invitations').getByRole('link').first().click()
    await page.getByTestId('accept-invitation').locator('button').click()
    await expect(page.getByTestId('project-title')).toHaveText(proposalTitle)
    await expect(page.getByTestId('member-summary')).toContainText(DEMO_USERS.student.name)

    // The researcher records an outcome, evaluates it and drafts a licence, then signs it.
    await switchTo(page, 'researcher', locale)
    await page.goto(`${projectUrl}/transfer`)
    const outcome = form(page, 'outcome-form')
    await outcome.fill('title', 'Postcode reader model')
    await outcome.select('kind', 'MODEL')
    await outcome.select('contributorIds', { label: DEMO_USERS.researcher.name })
    await outcome.submit()
    await page.getByTestId('outcomes').getByRole('link', { name: 'Postcode reader model' })
      .click()
    const evaluation = form(page, 'evaluation-form')
    await evaluation.select('readinessLevel', '5')
    await evaluation.fill('notes', 'Validated on a sample of real scans.')
    await evaluation.submit()
    await expect(page.getByTestId('evaluations')).toContainText('Validated on a sample')

    await page.goto(`${projectUrl}/transfer`)
    const agreement = form(page, 'agreement-form')
    await agreement.fill('title', 'Licence to Northwind')
    await agreement.select('kind', 'NON_EXCLUSIVE_LICENCE')
    await agreement.select('outcomeId', { label: 'Postcode reader model' })
    await agreement.select('partyAId', { label: DEMO_ORGANIZATIONS.university.name })
    await agreement.fill('partyARole', 'licensor')
    await agreement.select('partyBId', { label: DEMO_ORGANIZATIONS.company.name })
    await agreement.fill('partyBRole', 'licensee')
    await agreement.fill('endDate', day(-3))
    await agreement.submit()
    await expect(agreement.error('endDate')).toHaveText(m.projects.validation.expiryInPast)
    await agreement.fill('endDate', day(700))
    await agreement.submit()
    await page.getByTestId('agreements').getByRole('link', { name: 'Licence to Northwind' })
      .click()
    await expect(page.getByTestId('agreement-status'))
      .toHaveText(m.transfer.agreementStatus.DRAFT)
    const status = form(page, 'agreement-status-form')
    await status.select('status', 'SIGNED')
    await status.submit()
    await expect(page.getByTestId('agreement-status'))
      .toHaveText(m.transfer.agreementStatus.SIGNED)

    // The activity feed shows each step; the company's notifications too.
    await page.goto(`${projectUrl}/activity`)
    const feed = page.getByTestId('activity-feed')
    for (const kind of ['project.created_from_proposal', 'milestone.created',
      'work_package.created', 'member.invited', 'member.joined', 'outcome.created',
      'outcome.evaluated', 'agreement.created', 'agreement.status_changed']) {
      await expect(feed.locator(`li[data-kind="${kind}"]`).first()).toBeVisible()
    }
    await expect(feed).toContainText(m.activity.values.SIGNED)

    await switchTo(page, 'industry', locale)
    await page.goto('/notifications')
    const notes = page.getByTestId('notifications')
    await expect(notes.locator('li[data-kind="agreement.status_changed"]').first())
      .toContainText('Licence to Northwind')
    await expect(notes.locator('li[data-kind="proposal.submitted"]').first())
      .toContainText(proposalTitle)
    await page.goto('/transfer')
    await expect(page.getByTestId('pipeline-board').locator('[data-status="SIGNED"]'))
      .toContainText('Licence to Northwind')
  })
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`a blank project from the dashboard refuses an end before its start (${locale})`, async ({
    page,
  }) => {
    const m = messages(locale)
    const title = `Blank project ${locale}-${Date.now().toString(36)}`
    await signInAs(page, 'researcher', locale)

    await page.getByTestId('new-project').click()
    const project = form(page, 'new-project-form')
    await project.fill('startDate', day(30))
    await project.fill('endDate', day(5))
    await project.submit()

    await expect(project.error('title')).toHaveText(m.projects.validation.required)
    await expect(project.error('endDate')).toHaveText(m.projects.validation.endBeforeStart)
    await project.fill('title', title)
    await project.fill('endDate', day(365))
    await project.submit()
    await expect(page.getByTestId('project-title')).toHaveText(title)
    await expect(page.getByTestId('member-summary')).toContainText(m.projects.roles.OWNER)
  })
}
