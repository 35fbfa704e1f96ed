import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { currentUser } from '@/lib/auth/session'
import { SignUpForm } from './sign-up-form'

export async function generateMetadata() {
  const t = await getTranslations('auth')
  return { title: t('signUp.title') }
}

export default async function SignUpPage() {
  if (await currentUser()) redirect('/')
  const t = await getTranslations('auth')

  return (
    <section className="auth-card">
      <h1>{t('signUp.title')}</h1>
      <SignUpForm />
      <p className="muted">
        {t('signUp.haveAccount')} <Link href="/signin">{t('signIn.title')}</Link>
      </p>
    </section>
  )
}
