import { getTranslations } from 'next-intl/server'
import { requirePageUser } from '@/lib/auth/session'
import { userOrganizations } from '@/lib/organizations/queries'
import { PROJECT_STATUSES } from '@/lib/projects/schemas'
import { ActionForm } from '@/components/action-form'
import { createProjectAction } from './actions'

export default async function NewProjectPage() {
  const user = await requirePageUser('/projects/new')
  const organizations = await userOrganizations(user.id)
  const t = await getTranslations('projects')

  return (
    <section>
      <div className="page-heading">
        <h1>{t('new.title')}</h1>
        <p className="muted">{t('new.intro')}</p>
      </div>
      <div className="section">
        <ActionForm action={createProjectAction} testId="new-project-form"
          submitLabel={t('new.submit')} fields={[
            { name: 'title', label: t('fields.title') },
            { name: 'organizationId', label: t('fields.yourOrganization'), type: 'select',
              options: organizations.map((o) => ({ value: o.id, label: o.name })) },
            { name: 'summary', label: t('fields.summary'), type: 'textarea' },
            { name: 'objectives', label: t('fields.objectives'), type: 'textarea' },
            { name: 'plan', label: t('fields.plan'), type: 'textarea' },
            { name: 'startDate', label: t('fields.startDate'), type: 'date' },
            { name: 'endDate', label: t('fields.endDate'), type: 'date' },
            { name: 'status', label: t('fields.status'), type: 'select', defaultValue: 'ACTIVE',
              options: PROJECT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })) },
          ]} />
      </div>
    </section>
  )
}
