export const LOCALES = ['en', 'zh-CN'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'
export const LOCALE_COOKIE = 'tandem-locale'

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale)
}

/** Picks a locale from an Accept-Language header: any Chinese means zh-CN. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  return header && /(^|,)\s*zh\b/i.test(header) ? 'zh-CN' : DEFAULT_LOCALE
}
