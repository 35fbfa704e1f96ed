'use client'

import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import { signInAction } from './actions'

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth')
  const [state, action, pending] = useActionState(signInAction, undefined)

  return (
    <form action={action} className="form">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label>
        {t('fields.email')}
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        {t('fields.password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {state?.error && <p className="form-error" role="status">{t(`errors.${state.error}`)}</p>}
      <button type="submit" className="button primary" disabled={pending}>
        {t('signIn.submit')}
      </button>
    </form>
  )
}
