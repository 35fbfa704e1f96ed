'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState, type FormEvent } from 'react'
import { postJson } from './post-json'

export type MilestoneOption = { id: string; title: string; deliverableRunId: string | null }

/** Attaches the run's report to one of the project's milestones as its deliverable. */
export function MilestoneAttach(props: {
  runId: string
  milestones: MilestoneOption[]
  canAttach: boolean
}) {
  const t = useTranslations('runs.page')
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const attached = props.milestones.filter((m) => m.deliverableRunId === props.runId)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const milestoneId = new FormData(event.currentTarget).get('milestoneId')
    const result = await postJson(`/api/runs/${props.runId}/milestone`, { milestoneId })
    if (!result.ok) return setError(t('actionFailed', { message: result.message }))
    setError(null)
    router.refresh()
  }

  return (
    <div data-testid="milestone-attach">
      {attached.length > 0 && (
        <p className="notice" data-testid="attached-milestones">
          {t('attached', { titles: attached.map((m) => m.title).join(', ') })}
        </p>
      )}
      {props.milestones.length === 0 ? <p className="muted">{t('noMilestones')}</p>
        : props.canAttach && (
          <form className="form inline-form" onSubmit={submit}>
            {error && <p className="form-error" role="alert">{error}</p>}
            <label>
              {t('chooseMilestone')}
              <select name="milestoneId" required>
                {props.milestones.map((milestone) => (
                  <option key={milestone.id} value={milestone.id}>{milestone.title}</option>
                ))}
              </select>
            </label>
            <button type="submit" className="button">{t('attach')}</button>
          </form>
        )}
    </div>
  )
}
