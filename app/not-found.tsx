import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

/** Shown for an unknown address and wherever a page calls notFound(). */
export default async function NotFound() {
  const t = await getTranslations('common')
  return (
    <section className="empty-page" data-testid="not-found">
      <h1>{t('notFoundTitle')}</h1>
      <p className="muted">{t('notFound')}</p>
      <p><Link href="/" className="button">{t('home')}</Link></p>
    </section>
  )
}
