'use client'

import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import { signUpAction } from '../signin/actions'

const FIELDS = [
  { name: 'name', type: 'text', autoComplete: 'name' },
  { name: 'email', type: 'email', autoComplete: 'email' },
  { name: 'password', type: 'password', autoComplete: 'new-password' },
  { name: 'organizationName', type: 'text', autoComplete: 'organization' },
] as const

export function SignUpForm() {
  const t = useTranslations('auth')
  const [state, action, pending] = useActionState(signUpAction, undefined)

  return (
    <form action={action} className="form" noValidate>
      {FIELDS.map((field) => (
        <label key={field.name}>
          {t(`fields.${field.name}`)}
          <input
            name={field.name}
            type={field.type}
            autoComplete={field.autoComplete}
            aria-invalid={Boolean(state?.fields?.[field.name])}
          />
          {state?.fields?.[field.name] && (
            <span className="field-error">{t(`fieldErrors.${field.name}`)}</span>
          )}
        </label>
      ))}
      <label>
        {t('fields.organizationKind')}
        <select name="organizationKind" defaultValue="UNIVERSITY">
          <option value="UNIVERSITY">{t('organizationKinds.UNIVERSITY')}</option>
          <option value="COMPANY">{t('organizationKinds.COMPANY')}</option>
          <option value="OTHER">{t('organizationKinds.OTHER')}</option>
        </select>
      </label>
      {state?.error && <p className="form-error" role="status">{t(`errors.${state.error}`)}</p>}
      <button type="submit" className="button primary" disabled={pending}>
        {t('signUp.submit')}
      </button>
    </form>
  )
}
