import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { requirePageUser } from '@/lib/auth/session'
import { listOrganizations, userOrganizations } from '@/lib/organizations/queries'
import { listProjectsForUser } from '@/lib/projects/queries'
import { listInternshipsForUser, listProgramsForUser } from '@/lib/talent/talent'
import { ActionForm } from '@/components/action-form'
import { createInternshipAction, createProgramAction } from './actions'

export default async function TalentPage() {
  const user = await requirePageUser('/talent')
  const [internships, programs, mine, all, projects] = await Promise.all([
    listInternshipsForUser(user), listProgramsForUser(user), userOrganizations(user.id),
    listOrganizations(), listProjectsForUser(user.id),
  ])
  const t = await getTranslations('talent')
  const format = await getFormatter()
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium' })
  const dates = (start: Date, end: Date | null) =>
    end ? `${date(start)} – ${date(end)}` : t('since', { start: date(start) })
  const projectOptions = projects.map((p) => ({ value: p.id, label: p.title }))

  return (
    <section>
      <div className="page-heading">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>

      <div className="section">
        <h2>{t('internships.title')}</h2>
        {internships.length === 0 ? <p className="muted">{t('internships.empty')}</p> : (
          <table className="data" data-testid="internships">
            <thead><tr>
              <th>{t('fields.title')}</th><th>{t('fields.student')}</th>
              <th>{t('fields.host')}</th><th>{t('fields.supervisors')}</th>
              <th>{t('fields.project')}</th><th>{t('fields.dates')}</th>
            </tr></thead>
            <tbody>
              {internships.map((i) => (
                <tr key={i.id}>
                  <td>{i.title}</td><td>{i.studentName}</td><td>{i.hostOrganization.name}</td>
                  <td>{i.supervisorNames.join(', ')}</td>
                  <td>{i.project
                    && <Link href={`/projects/${i.project.id}`}>{i.project.title}</Link>}</td>
                  <td className="nowrap">{dates(i.startDate, i.endDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>{t('internships.add')}</h3>
        <p className="muted">{t('internships.accessNote')}</p>
        <ActionForm action={createInternshipAction} testId="internship-form"
          submitLabel={t('internships.add')} successMessage={t('saved')} fields={[
            { name: 'title', label: t('fields.title') },
            { name: 'studentEmail', label: t('fields.studentEmail'), type: 'email' },
            { name: 'hostOrganizationId', label: t('fields.host'), type: 'select',
              options: mine.map((o) => ({ value: o.id, label: o.name })) },
            { name: 'supervisorEmails', label: t('fields.supervisorEmails'),
              hint: t('commaHint') },
            { name: 'projectId', label: t('fields.project'), type: 'select',
              options: [{ value: '', label: t('none') }, ...projectOptions] },
            { name: 'startDate', label: t('fields.startDate'), type: 'date' },
            { name: 'endDate', label: t('fields.endDate'), type: 'date' },
          ]} />
      </div>

      <div className="section">
        <h2>{t('programs.title')}</h2>
        {programs.length === 0 ? <p className="muted">{t('programs.empty')}</p> : (
          <table className="data" data-testid="programs">
            <thead><tr>
              <th>{t('fields.title')}</th><th>{t('fields.kind')}</th>
              <th>{t('fields.organizations')}</th><th>{t('fields.people')}</th>
              <th>{t('fields.projects')}</th><th>{t('fields.dates')}</th>
            </tr></thead>
            <tbody>
              {programs.map((p) => (
                <tr key={p.id}>
                  <td>{p.title}</td><td>{t(`kinds.${p.kind}`)}</td>
                  <td>{p.organizations.map((l) => l.organization.name).join(', ')}</td>
                  <td>{p.peopleNames.join(', ')}</td>
                  <td>{p.projects.map((l) => l.project.title).join(', ')}</td>
                  <td className="nowrap">{dates(p.startDate, p.endDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>{t('programs.add')}</h3>
        <ActionForm action={createProgramAction} testId="program-form"
          submitLabel={t('programs.add')} successMessage={t('saved')} fields={[
            { name: 'title', label: t('fields.title') },
            { name: 'kind', label: t('fields.kind'), type: 'select', options: [
              { value: 'COURSE', label: t('kinds.COURSE') },
              { value: 'LAB', label: t('kinds.LAB') }] },
            { name: 'description', label: t('fields.description'), type: 'textarea' },
            { name: 'organizationIds', label: t('fields.organizations'), type: 'multiselect',
              options: all.map((o) => ({ value: o.id, label: o.name })), hint: t('multiHint') },
            { name: 'peopleEmails', label: t('fields.peopleEmails'), hint: t('commaHint') },
            { name: 'projectIds', label: t('fields.projects'), type: 'multiselect',
              options: projectOptions },
            { name: 'startDate', label: t('fields.startDate'), type: 'date' },
            { name: 'endDate', label: t('fields.endDate'), type: 'date' },
          ]} />
      </div>
    </section>
  )
}
