import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, type Page } from '@playwright/test'
import { MESSAGE_AREAS } from '../../lib/i18n/messages'
import type { Locale } from './fixtures'

// What every page must get right whatever it shows: no error page, no message key left
// untranslated (next-intl renders a missing one as "area.some.key" and logs
// MISSING_MESSAGE), and no error in the browser console.

const MISSING_KEY = new RegExp(`\\b(?:${MESSAGE_AREAS.join('|')})\\.[a-zA-Z][\\w.]*\\b`)

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Messages = Record<(typeof MESSAGE_AREAS)[number], any>

/** Every message of a locale by area, to expect the text a page should show. */
export function messagesOf(locale: Locale): Messages {
  return Object.fromEntries(MESSAGE_AREAS.map((area) => [area, JSON.parse(readFileSync(
    path.join(process.cwd(), 'messages', locale, `${area}.json`), 'utf8'))])) as Messages
}

/** Starts collecting the page's console errors and uncaught exceptions. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(`console: ${message.text()} (${message.location().url})`)
    }
  })
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`))
  return errors
}

/** Drops the console lines of a refusal the test itself provoked (e.g. a 422 answer). */
export function forgetRefusal(errors: string[], status: number) {
  const expected = `status of ${status}`
  for (let i = errors.length - 1; i >= 0; i--) {
    if (errors[i].includes(expected)) errors.splice(i, 1)
  }
}

/** Opens a page, expects a successful answer, then checks it (see expectCleanPage). */
export async function visit(page: Page, url: string, errors: string[], shot?: string) {
  const response = await page.goto(url)
  expect(response?.status(), `HTTP status of ${url}`).toBeLessThan(400)
  await expectCleanPage(page, errors, shot)
}

/**
 * Expects the current page to be no error page, to hold no untranslated key in its text
 * or title, and to have logged no error; with E2E_SHOTS_DIR set, also saves a full-page
 * screenshot named `shot` there, to look at.
 */
export async function expectCleanPage(page: Page, errors: string[], shot?: string) {
  await page.waitForLoadState('networkidle')
  await expect(page.locator('.next-error-h1, #__next_error__, [data-testid="not-found"], '
    + '[data-testid="page-error"]')).toHaveCount(0)
  const text = `${await page.title()}\n${await page.locator('body').innerText()}`
  expect(text.match(MISSING_KEY)?.[0], `untranslated key on ${page.url()}`).toBeUndefined()
  expect(errors, `errors logged on ${page.url()}`).toEqual([])
  if (shot && process.env.E2E_SHOTS_DIR) {
    const locale = await page.locator('html').getAttribute('lang')
    const file = path.join(process.env.E2E_SHOTS_DIR, `${shot}.${locale}.png`)
    mkdirSync(path.dirname(file), { recursive: true })
    await page.screenshot({ path: file, fullPage: true })
  }
}
