'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent, type ReactNode } from 'react'

type Props = {
  url: string
  method?: 'POST' | 'PUT' | 'PATCH'
  submitLabel: string
  pendingLabel: string
  successLabel?: string
  testId?: string
  className?: string
  children?: ReactNode
}

/** Checkboxes become true; empty inputs are left out so optional fields stay unset. */
function formToJson(form: HTMLFormElement): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const [key, value] of new FormData(form)) {
    if (typeof value !== 'string' || value === '') continue
    body[key] = value === 'on' ? true : value
  }
  return body
}

/**
 * A form whose inputs are sent as JSON to one of our API routes; the API's error message
 * is shown as it comes (it says what to fix), and the page refreshes on success.
 */
export function JsonForm({ url, method = 'POST', submitLabel, pendingLabel, successLabel,
  testId, className, children }: Props) {
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    setPending(true)
    setError(null)
    setDone(false)
    try {
      const response = await fetch(url, { method, body: JSON.stringify(formToJson(form)),
        headers: { 'content-type': 'application/json' } })
      const json = await response.json().catch(() => ({}))
      if (!response.ok) return setError(json.error?.message ?? response.statusText)
      setDone(true)
      form.reset()
      router.refresh()
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setPending(false)
    }
  }

  return (
    <form onSubmit={submit} className={className ?? 'form'} data-testid={testId}>
      {children}
      <button type="submit" className="button" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
      {error && <p className="form-error" role="status" data-testid="form-error">{error}</p>}
      {done && successLabel && <p className="notice" role="status">{successLabel}</p>}
    </form>
  )
}
