import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { currentUser } from '@/lib/auth/session'
import { CollaborationNav } from './collaboration-nav'
import { DatasetsNavLink } from './datasets/nav-link'
import { LanguageSwitch } from './language-switch'
import { NotificationBell } from './notification-bell'
import { signOutAction } from '@/app/signin/actions'

export async function SiteHeader() {
  const t = await getTranslations('common')
  const user = await currentUser()

  return (
    <header className="site-header">
      <Link href="/" className="brand">Tandem</Link>
      {user && (
        <nav className="main-nav" aria-label={t('nav.label')}>
          <Link href="/">{t('nav.projects')}</Link>
          <DatasetsNavLink />
          <CollaborationNav />
        </nav>
      )}
      <div className="header-end">
        <LanguageSwitch />
        {user && <NotificationBell userId={user.id} />}
        {user ? (
          <form action={signOutAction} className="user-menu">
            <Link href="/account" className="user-name" data-testid="current-user">
              {user.name}
            </Link>
            <button type="submit" className="button subtle">{t('signOut')}</button>
          </form>
        ) : (
          <Link href="/signin" className="button subtle">{t('signIn')}</Link>
        )}
      </div>
    </header>
  )
}
