import { expect, test } from '@playwright/test'
import { DEMO_PROJECT_TITLE } from '../../lib/seed/demo-accounts'
import { signInAs, useLocale } from './fixtures'

test('a visitor is sent to sign in, and a wrong password says so', async ({ page }) => {
  await page.goto('/')

  await expect(page).toHaveURL(/\/signin/)
  await page.locator('input[name="email"]').fill('researcher@lakeside.example')
  await page.locator('input[name="password"]').fill('not-the-password')
  await page.locator('form button[type="submit"]').click()

  await expect(page.getByText('That e-mail address and password do not match')).toBeVisible()
})

test('a new user signs up and lands on an empty dashboard', async ({ page }) => {
  await page.goto('/signup')

  await page.locator('input[name="name"]').fill('Maria Rossi')
  await page.locator('input[name="email"]').fill(`maria-${Date.now()}@polimi.example`)
  await page.locator('input[name="password"]').fill('a-long-password')
  await page.locator('input[name="organizationName"]').fill('Politecnico Example')
  await page.locator('form button[type="submit"]').click()

  await expect(page.getByTestId('current-user')).toHaveText('Maria Rossi')
  await expect(page.getByTestId('no-projects')).toBeVisible()
})

test('sign-up rejects bad fields next to each field, in Chinese', async ({ page }) => {
  await useLocale(page, 'zh-CN')
  await page.goto('/signup')

  await page.locator('input[name="email"]').fill('not-an-email')
  await page.locator('input[name="password"]').fill('short')
  await page.locator('form button[type="submit"]').click()

  await expect(page.getByText('请输入一个有效且尚未注册的电子邮件地址。')).toBeVisible()
  await expect(page.getByText('密码至少需要 8 个字符。')).toBeVisible()
})

test('the researcher sees the demo project on the dashboard in both languages', async ({
  page,
}) => {
  await signInAs(page, 'researcher')

  await expect(page.getByRole('link', { name: DEMO_PROJECT_TITLE })).toBeVisible()
  await page.getByTestId('language-switch').selectOption('zh-CN')
  await expect(page.getByRole('heading', { name: '我的项目' })).toBeVisible()
  await page.getByTestId('language-switch').selectOption('en')
  await expect(page.getByRole('heading', { name: 'Your projects' })).toBeVisible()
})
