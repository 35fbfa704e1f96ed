import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { currentUser } from '@/lib/auth/session'
import { SignInForm } from './sign-in-form'

export async function generateMetadata() {
  const t = await getTranslations('auth')
  return { title: t('signIn.title') }
}

export default async function SignInPage(props: PageProps<'/signin'>) {
  const { callbackUrl } = await props.searchParams
  if (await currentUser()) redirect('/')
  const t = await getTranslations('auth')

  return (
    <section className="auth-card">
      <h1>{t('signIn.title')}</h1>
      <SignInForm callbackUrl={typeof callbackUrl === 'string' ? callbackUrl : '/'} />
      <p className="muted">
        {t('signIn.noAccount')} <Link href="/signup">{t('signUp.title')}</Link>
      </p>
    </section>
  )
}
