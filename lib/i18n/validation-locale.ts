import { AsyncLocalStorage } from 'node:async_hooks'
import { z } from 'zod'
import {
  DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale,
} from './locales'

// Zod's own messages ("Too big: expected number to be <=1") in the language of the person
// who sent the request: route() runs each API request inside withRequestLocale, and zod's
// global error map reads the locale from there. Messages a schema sets itself stay as
// they are (forms translate those by key); outside a request, English.
const store = new AsyncLocalStorage<Locale>()
const zodLocales = { 'en': z.locales.en(), 'zh-CN': z.locales.zhCN() }

z.config({
  localeError: (issue) => zodLocales[store.getStore() ?? DEFAULT_LOCALE].localeError(issue),
})

/** The language a request asks for: the language switch's cookie, else Accept-Language. */
export function requestLocale(request: Request): Locale {
  const cookie = request.headers.get('cookie') ?? ''
  const chosen = cookie.split(';').map((part) => part.trim().split('='))
    .find(([name]) => name === LOCALE_COOKIE)?.[1]
  if (isLocale(chosen)) return chosen
  return localeFromAcceptLanguage(request.headers.get('accept-language'))
}

export function withRequestLocale<T>(request: Request, run: () => T): T {
  return store.run(requestLocale(request), run)
}
