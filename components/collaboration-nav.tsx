import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

/** The header links of the collaboration workflow (needs to technology transfer). */
export async function CollaborationNav() {
  const t = await getTranslations('notifications')
  return (
    <>
      <Link href="/needs" data-testid="nav-needs">{t('nav.needs')}</Link>
      <Link href="/proposals" data-testid="nav-proposals">{t('nav.proposals')}</Link>
      <Link href="/transfer" data-testid="nav-transfer">{t('nav.transfer')}</Link>
      <Link href="/talent" data-testid="nav-talent">{t('nav.talent')}</Link>
      <Link href="/organizations" data-testid="nav-organizations">{t('nav.organizations')}</Link>
    </>
  )
}
