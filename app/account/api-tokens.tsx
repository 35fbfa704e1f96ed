'use client'

import { useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

type TokenRow = { id: string; name: string; prefix: string; created: string;
  lastUsed: string | null }

export function ApiTokens({ tokens }: { tokens: TokenRow[] }) {
  const t = useTranslations('account')
  const router = useRouter()
  const [name, setName] = useState('')
  const [created, setCreated] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function create(event: React.FormEvent) {
    event.preventDefault()
    setError(null)
    const response = await fetch('/api/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    })
    const body = await response.json()
    if (!response.ok) return setError(t('tokens.nameRequired'))
    setCreated(body.token)
    setName('')
    router.refresh()
  }

  async function revoke(id: string) {
    await fetch(`/api/tokens/${id}`, { method: 'DELETE' })
    router.refresh()
  }

  return (
    <div>
      {created && (
        <p className="notice" data-testid="new-token">
          {t('tokens.created')} <code>{created}</code>
        </p>
      )}
      <form onSubmit={create} className="form inline-form" data-testid="token-form">
        <label>
          {t('tokens.name')}
          <input name="name" value={name} onChange={(event) => setName(event.target.value)}
            placeholder={t('tokens.namePlaceholder')} size={32} aria-invalid={Boolean(error)} />
          {error && <span className="field-error">{error}</span>}
        </label>
        <button type="submit" className="button primary">{t('tokens.create')}</button>
      </form>
      {tokens.length === 0 ? (
        <p className="muted">{t('tokens.none')}</p>
      ) : (
        <table className="data" data-testid="api-tokens">
          <thead>
            <tr>
              <th>{t('tokens.name')}</th><th>{t('tokens.prefix')}</th>
              <th>{t('tokens.createdAt')}</th><th>{t('tokens.lastUsed')}</th><th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td><code>{token.prefix}…</code></td>
                <td>{token.created}</td>
                <td>{token.lastUsed ?? '—'}</td>
                <td>
                  <button type="button" className="button danger"
                    onClick={() => revoke(token.id)}>{t('tokens.revoke')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
