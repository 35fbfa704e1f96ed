import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

/** The header's link to the datasets shared with the signed-in user. */
export async function DatasetsNavLink() {
  const t = await getTranslations('datasets')
  return <Link href="/datasets" data-testid="nav-datasets">{t('shared.nav')}</Link>
}
