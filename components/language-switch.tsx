'use client'

import { useLocale, useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { useTransition } from 'react'
import { LOCALE_COOKIE, LOCALES, type Locale } from '@/lib/i18n/locales'

const LABELS: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' }

export function LanguageSwitch() {
  const t = useTranslations('common')
  const locale = useLocale()
  const router = useRouter()
  const [pending, startTransition] = useTransition()

  function choose(next: string) {
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`
    startTransition(() => router.refresh())
  }

  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('language')}</span>
      <select
        value={locale}
        onChange={(event) => choose(event.target.value)}
        disabled={pending}
        data-testid="language-switch"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code}>{LABELS[code]}</option>
        ))}
      </select>
    </label>
  )
}
