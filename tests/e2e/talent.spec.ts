import { expect, test, type Page } from '@playwright/test'
import { DEMO_ORGANIZATIONS, DEMO_USERS } from '../../lib/seed/demo-accounts'
import { createProject, day, demoIds, uniqueTag } from './demo-data'
import { signInAs } from './fixtures'
import { expectCleanPage, messagesOf, watchErrors } from './page-checks'

// The talent page: an internship and a joint course recorded through their forms, in both
// languages; the intern joins the linked project.

function form(page: Page, testId: string) {
  const root = page.getByTestId(testId)
  return {
    root,
    field: (name: string) => root.locator(`[name="${name}"]`),
    submit: () => root.locator('button[type="submit"]').click(),
    error: (name: string) => root.getByTestId(`error-${name}`),
  }
}

const { university, company } = DEMO_ORGANIZATIONS

for (const locale of ['en', 'zh-CN'] as const) {
  test(`an internship and a joint course recorded through the talent forms (${locale})`,
    async ({ page }) => {
      const m = messagesOf(locale)
      const errors = watchErrors(page)
      const tag = uniqueTag(locale)
      const projectTitle = `Intern project ${tag}`
      const format = (offset: number) => new Intl.DateTimeFormat(locale,
        { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(day(offset)))
      await signInAs(page, 'researcher', locale)
      const ids = await demoIds(page)
      await createProject(page, ids.universityId, projectTitle)

      await page.getByTestId('nav-talent').click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.talent.title)
      await expectCleanPage(page, errors, 'talent')

      // An internship: dates out of order, then an unknown student, then accepted.
      const internship = form(page, 'internship-form')
      await internship.field('title').fill(`Postcode OCR internship ${tag}`)
      await internship.field('studentEmail').fill(`nobody-${tag}@lakeside.example`)
      await internship.field('hostOrganizationId').selectOption({ label: university.name })
      await internship.field('supervisorEmails').fill(DEMO_USERS.researcher.email)
      await internship.field('projectId').selectOption({ label: projectTitle })
      await internship.field('startDate').fill(day(30))
      await internship.field('endDate').fill(day(10))
      await internship.submit()
      await expect(internship.error('endDate')).toHaveText(m.projects.validation.endBeforeStart)
      await internship.field('endDate').fill(day(120))
      await internship.submit()
      await expect(internship.error('studentEmail'))
        .toHaveText(m.projects.validation.unknownUser)
      await internship.field('studentEmail').fill(DEMO_USERS.student.email)
      await internship.submit()
      await expect(internship.root.getByRole('status')).toHaveText(m.talent.saved)

      const row = page.getByTestId('internships').locator('tr', { hasText: tag })
      await expect(row).toContainText(DEMO_USERS.student.name)
      await expect(row).toContainText(university.name)
      await expect(row).toContainText(DEMO_USERS.researcher.name)
      await expect(row.locator('td').last()).toHaveText(`${format(30)} – ${format(120)}`)

      // A joint lab of both partners: at least one organization is required.
      const program = form(page, 'program-form')
      await program.field('title').fill(`Document AI lab ${tag}`)
      await program.field('kind').selectOption('LAB')
      await program.field('description').fill('Weekly reading group and shared GPU hours.')
      await program.field('peopleEmails').fill(DEMO_USERS.industry.email)
      await program.field('projectIds').selectOption({ label: projectTitle })
      await program.field('startDate').fill(day(5))
      await program.submit()
      await expect(program.error('organizationIds')).toHaveText(m.projects.validation.required)
      await program.field('organizationIds')
        .selectOption([{ label: university.name }, { label: company.name }])
      await program.submit()
      await expect(program.root.getByRole('status')).toHaveText(m.talent.saved)

      const lab = page.getByTestId('programs').locator('tr', { hasText: tag })
      await expect(lab).toContainText(m.talent.kinds.LAB)
      await expect(lab).toContainText(university.name)
      await expect(lab).toContainText(company.name)
      await expect(lab).toContainText(DEMO_USERS.industry.name)
      await expect(lab).toContainText(projectTitle)
      await expect(lab.locator('td').last())
        .toHaveText(m.talent.since.replace('{start}', format(5)))
      await expectCleanPage(page, errors, 'talent-recorded')

      // The intern is now a member of the linked project.
      await row.getByRole('link', { name: projectTitle }).click()
      await expect(page.getByTestId('member-summary')).toContainText(DEMO_USERS.student.name)
      await expectCleanPage(page, errors)
    })
}
