'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'

/** Shown when a page fails on the server; the error itself is in the server's log. */
export default function PageError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('common')
  return (
    <section className="empty-page" data-testid="page-error">
      <h1>{t('errorTitle')}</h1>
      <p className="muted">{t('errorText')}</p>
      <p className="button-row">
        <button type="button" className="button primary" onClick={reset}>{t('retry')}</button>
        <Link href="/" className="button">{t('home')}</Link>
      </p>
    </section>
  )
}
