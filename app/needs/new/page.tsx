import { getTranslations } from 'next-intl/server'
import { requirePageUser } from '@/lib/auth/session'
import { listOrganizations, userOrganizations } from '@/lib/organizations/queries'
import { ActionForm } from '@/components/action-form'
import { createNeedAction } from '../actions'
import { needFields } from '../need-fields'

export default async function NewNeedPage() {
  const user = await requirePageUser('/needs/new')
  const [mine, all] = await Promise.all([userOrganizations(user.id), listOrganizations()])
  const t = await getTranslations('needs')

  return (
    <section>
      <div className="page-heading">
        <h1>{t('new.title')}</h1>
        <p className="muted">{t('new.intro')}</p>
      </div>
      <div className="section">
        <ActionForm action={createNeedAction} testId="need-form" submitLabel={t('new.submit')}
          fields={[
            { name: 'organizationId', label: t('fields.organization'), type: 'select',
              options: mine.map((o) => ({ value: o.id, label: o.name })) },
            ...needFields(t, all),
            { name: 'status', label: t('fields.saveAs'), type: 'select', defaultValue: 'DRAFT',
              options: [{ value: 'DRAFT', label: t('saveAs.DRAFT') },
                { value: 'PUBLISHED', label: t('saveAs.PUBLISHED') }] },
          ]} />
      </div>
    </section>
  )
}
