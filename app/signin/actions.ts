'use server'

import { AuthError } from 'next-auth'
import { signIn, signOut } from '@/lib/auth/config'
import { AppError } from '@/lib/errors'
import { signUp } from '@/lib/users/sign-up'
import { signUpSchema } from '@/lib/users/schemas'
import { fieldErrors } from '@/lib/errors'

export type FormState = { error?: string; fields?: Record<string, string[]> } | undefined

function safeCallback(value: FormDataEntryValue | null): string {
  const target = typeof value === 'string' ? value : '/'
  return target.startsWith('/') && !target.startsWith('//') ? target : '/'
}

export async function signInAction(_state: FormState, form: FormData): Promise<FormState> {
  try {
    await signIn('credentials', {
      email: form.get('email'),
      password: form.get('password'),
      redirectTo: safeCallback(form.get('callbackUrl')),
    })
  } catch (error) {
    // signIn redirects by throwing; only an AuthError is a refusal.
    if (error instanceof AuthError) return { error: 'invalidCredentials' }
    throw error
  }
}

export async function signUpAction(_state: FormState, form: FormData): Promise<FormState> {
  const parsed = signUpSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return { error: 'invalidFields', fields: fieldErrors(parsed.error) }

  try {
    await signUp(parsed.data)
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') {
      return { error: 'emailTaken', fields: error.details?.fields }
    }
    throw error
  }
  await signIn('credentials', {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: '/',
  })
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/signin' })
}
