import type { Locale } from './locales'

// One file per area and language: messages/<locale>/<area>.json, used as the
// namespace of that area (useTranslations('runs')). Add an area here.
export const MESSAGE_AREAS = [
  'common',
  'account',
  'auth',
  'projects',
  'datasets',
  'access',
  'audit',
  'runs',
  'errors',
  'needs',
  'proposals',
  'transfer',
  'talent',
  'notifications',
  'activity',
] as const

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    MESSAGE_AREAS.map(async (area) => {
      const module = await import(`../../messages/${locale}/${area}.json`)
      return [area, module.default] as const
    }),
  )
  return Object.fromEntries(entries)
}
