import { getFormatter, getTranslations } from 'next-intl/server'
import { listApiTokens } from '@/lib/auth/api-tokens'
import { requirePageUser } from '@/lib/auth/session'
import { ApiTokens } from './api-tokens'

export async function generateMetadata() {
  const t = await getTranslations('account')
  return { title: t('title') }
}

export default async function AccountPage() {
  const user = await requirePageUser('/account')
  const tokens = await listApiTokens(user.id)
  const t = await getTranslations('account')
  const format = await getFormatter()

  return (
    <section>
      <div className="page-heading">
        <h1>{t('title')}</h1>
        <p className="muted">{user.name} · {user.email}</p>
      </div>
      <section className="section">
        <h2>{t('tokens.title')}</h2>
        <p className="muted">{t('tokens.explain')}</p>
        <ApiTokens
          tokens={tokens.map((token) => ({
            id: token.id,
            name: token.name,
            prefix: token.prefix,
            created: format.dateTime(token.createdAt, { dateStyle: 'medium' }),
            lastUsed: token.lastUsedAt
              ? format.dateTime(token.lastUsedAt, { dateStyle: 'medium', timeStyle: 'short' })
              : null,
          }))}
        />
      </section>
    </section>
  )
}
