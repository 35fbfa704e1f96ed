import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { requirePageUser } from '@/lib/auth/session'
import { AppError } from '@/lib/errors'
import { needFor } from '@/lib/needs/needs'
import { listOrganizations } from '@/lib/organizations/queries'
import { ActionForm } from '@/components/action-form'
import { updateNeedAction } from '../../actions'
import { needFields } from '../../need-fields'

export default async function EditNeedPage(props: PageProps<'/needs/[needId]/edit'>) {
  const { needId } = await props.params
  const user = await requirePageUser(`/needs/${needId}/edit`)
  const need = await needFor(user, needId, 'edit').catch((error) => {
    if (error instanceof AppError) notFound()
    throw error
  })
  const t = await getTranslations('needs')
  const organizations = await listOrganizations()

  return (
    <section>
      <div className="page-heading">
        <p><Link href={`/needs/${needId}`} data-testid="back-to-need">{need.title}</Link></p>
        <h1>{t('edit.title')}</h1>
      </div>
      <div className="section">
        <ActionForm action={updateNeedAction.bind(null, needId)} testId="need-form" keepValues
          submitLabel={t('edit.submit')} fields={needFields(t, organizations, {
            ...need, invitedOrganizationIds: need.invited.map((link) => link.organizationId),
          })} />
      </div>
    </section>
  )
}
