import { cookies, headers } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from './locales'
import { loadMessages } from './messages'

export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value
  const locale = isLocale(chosen)
    ? chosen
    : localeFromAcceptLanguage((await headers()).get('accept-language'))

  return { locale, messages: await loadMessages(locale), timeZone: 'UTC' }
})
