import { expect, test } from '@playwright/test'
import { DEMO_ORGANIZATIONS } from '../../lib/seed/demo-accounts'
import { createNeed, createProposal, demoIds, uniqueTag } from './demo-data'
import { signInAs, signOut } from './fixtures'
import {
  expectCleanPage, forgetRefusal, messagesOf, visit, watchErrors,
} from './page-checks'

// The account page, the organization directory and the proposals list, in both languages.

for (const locale of ['en', 'zh-CN'] as const) {
  test(`an API token is shown once, works, and stops working when revoked (${locale})`, async ({
    page, request,
  }) => {
    const m = messagesOf(locale)
    const errors = watchErrors(page)
    const name = `Nightly export ${uniqueTag(locale)}`
    await signInAs(page, 'researcher', locale)
    await page.getByTestId('current-user').click()
    await expect(page).toHaveURL(/\/account$/)
    await expectCleanPage(page, errors, 'account')

    const form = page.getByTestId('token-form')
    await form.locator('button[type="submit"]').click()
    await expect(form.locator('.field-error')).toHaveText(m.account.tokens.nameRequired)
    forgetRefusal(errors, 422)
    await form.locator('input[name="name"]').fill(name)
    await form.locator('button[type="submit"]').click()
    const shown = page.getByTestId('new-token')
    await expect(shown).toContainText(m.account.tokens.created)
    const token = (await shown.locator('code').textContent()) ?? ''
    expect(token).toMatch(/^tdm_/)
    const row = page.getByTestId('api-tokens').locator('tr', { hasText: name })
    await expect(row).toContainText(token.slice(0, 8))
    await expectCleanPage(page, errors, 'account-token-created')

    const asToken = { headers: { Authorization: `Bearer ${token}` } }
    expect((await request.get('/api/projects', asToken)).status()).toBe(200)
    await page.reload()
    await expect(page.getByTestId('new-token')).toHaveCount(0)
    await expect(page.getByTestId('api-tokens')).not.toContainText(token)
    await expect(row.locator('td').nth(3)).not.toHaveText('—')

    await row.getByRole('button', { name: m.account.tokens.revoke }).click()
    await expect(row).toHaveCount(0)
    expect((await request.get('/api/projects', asToken)).status()).toBe(401)
    await expectCleanPage(page, errors)
  })

  test(`the organization directory marks yours and leads to needs and pipeline (${locale})`,
    async ({ page }) => {
      const m = messagesOf(locale).projects.organizations
      const errors = watchErrors(page)
      await signInAs(page, 'industry', locale)
      const ids = await demoIds(page)
      await createNeed(page, ids.companyId, `Directory need ${uniqueTag(locale)}`)
      await signOut(page)
      await signInAs(page, 'researcher', locale)

      await visit(page, '/organizations', errors, 'organizations')
      const table = page.getByTestId('organizations')
      await expect(table.locator('th').first()).toHaveText(m.name)
      const university = table.locator('tr', { hasText: DEMO_ORGANIZATIONS.university.name })
      const company = table.locator('tr', { hasText: DEMO_ORGANIZATIONS.company.name })
      await expect(university).toContainText(m.kinds.UNIVERSITY)
      await expect(university.locator('.badge')).toHaveText(m.yours)
      await expect(company).toContainText(m.kinds.COMPANY)
      await expect(company.locator('.badge')).toHaveCount(0)

      await company.locator(`a[href^="/needs?organizationId=${ids.companyId}"]`).click()
      await expect(page.getByText(`Directory need ${locale}`).first()).toBeVisible()
      await expectCleanPage(page, errors)
      await page.goBack()
      await university.getByRole('link', { name: m.pipeline }).click()
      await expect(page).toHaveURL(new RegExp(`/transfer\\?organizationId=${ids.universityId}`))
      await expectCleanPage(page, errors)
    })

  test(`the proposals list shows what you wrote and what your needs received (${locale})`,
    async ({ page }) => {
      const m = messagesOf(locale).proposals
      const errors = watchErrors(page)
      const tag = uniqueTag(locale)
      await signInAs(page, 'industry', locale)
      const ids = await demoIds(page)
      const needId = await createNeed(page, ids.companyId, `Sorting need ${tag}`)
      await signOut(page)
      await signInAs(page, 'researcher', locale)
      await createProposal(page, needId, ids.universityId, `Sorting proposal ${tag}`)

      await page.getByRole('navigation').locator('a[href="/proposals"]').click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.list.title)
      const written = page.getByTestId('written').locator('tr', { hasText: tag })
      await expect(written).toContainText(`Sorting need ${tag}`)
      await expect(written).toContainText(DEMO_ORGANIZATIONS.university.name)
      await expect(written).toContainText(m.status.SUBMITTED)
      await expect(page.getByTestId('received-empty')).toHaveText(m.list.emptyReceived)
      await expectCleanPage(page, errors, 'proposals')

      await signOut(page)
      await signInAs(page, 'industry', locale)
      await visit(page, '/proposals', errors, 'proposals-received')
      const received = page.getByTestId('received').locator('tr', { hasText: tag })
      await expect(received).toContainText(m.status.SUBMITTED)
      await expect(page.getByTestId('written-empty')).toContainText(m.list.emptyWritten)
      await received.getByRole('link', { name: `Sorting proposal ${tag}` }).click()
      await expect(page.getByTestId('proposal-title')).toHaveText(`Sorting proposal ${tag}`)
      await expectCleanPage(page, errors)
    })
}
