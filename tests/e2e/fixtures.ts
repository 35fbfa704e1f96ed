import { expect, type Page } from '@playwright/test'
import { DEMO_PASSWORD, DEMO_USERS } from '../../lib/seed/demo-accounts'

export type DemoUser = keyof typeof DEMO_USERS
export type Locale = 'en' | 'zh-CN'

const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`

export async function useLocale(page: Page, locale: Locale) {
  await page.context().addCookies([{ name: 'tandem-locale', value: locale, url: BASE_URL }])
}

/** Signs in through the sign-in form as one of the seeded demo people. */
export async function signInAs(page: Page, who: DemoUser, locale: Locale = 'en') {
  await useLocale(page, locale)
  await page.goto('/signin')
  await page.locator('input[name="email"]').fill(DEMO_USERS[who].email)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.locator('form button[type="submit"]').click()
  await expect(page.getByTestId('current-user')).toHaveText(DEMO_USERS[who].name)
}

export async function signOut(page: Page) {
  await page.context().clearCookies()
}
