'use client'

import { useRouter } from 'next/navigation'
import { useFormatter, useTranslations } from 'next-intl'
import { useState, type FormEvent } from 'react'
import {
  ADVANCED_FIELDS, AdvancedConfigFields, readAdvancedConfig,
} from './advanced-config-fields'
import { postJson } from './post-json'

export type VersionOption = { id: string; label: string }

const NUMBER_FIELDS = ['epochs', 'batchSize', 'sampleLimit', 'seed', 'validationSplit',
  'learningRate'] as const

// Fields whose errors show next to them.
const SHOWN_FIELDS = [...NUMBER_FIELDS, ...ADVANCED_FIELDS]

/** Launches a run through the API, then opens its page. */
export function LaunchRunForm(props: {
  projectId: string
  versions: VersionOption[]
  presets: readonly string[]
}) {
  const t = useTranslations('runs')
  const levels = useTranslations('datasets.levels')
  const format = useFormatter()
  const router = useRouter()

  /** The refusal's reason in the reader's language, when the API names it by key. */
  function reasonText(key: string, params: Record<string, string>): string | null {
    if (key === 'cnn_too_deep') return t('form.reasons.cnn_too_deep', params)
    if (key !== 'dataset_level') return null
    const day = params.date ? format.dateTime(new Date(params.date), { dateStyle: 'medium' }) : ''
    return `${t('form.reasons.dataset_level', { needed: levels(params.needed),
      level: levels(params.level) })} ${t(`form.reasons.lapse.${params.lapse}`,
      { grantLevel: params.grantLevel ? levels(params.grantLevel) : '', date: day })}`
  }
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Record<string, string[]>>({})
  const [pending, setPending] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body: Record<string, unknown> = {
      datasetVersionId: form.get('datasetVersionId'),
      preset: form.get('preset'),
      name: form.get('name'),
    }
    for (const field of NUMBER_FIELDS) {
      const value = String(form.get(field) ?? '').trim()
      if (value !== '') body[field] = Number(value)
    }
    const advanced = readAdvancedConfig(form)
    if (Object.keys(advanced.config).length > 0) body.config = advanced.config
    if (advanced.timeLimitSeconds !== undefined) body.timeLimitSeconds = advanced.timeLimitSeconds
    setPending(true)
    setError(null)
    const result = await postJson(`/api/projects/${props.projectId}/runs`, body)
    setPending(false)
    if (!result.ok) {
      // Field errors come in the reader's language, next to each field; the API's summary
      // sentence is English, so the banner only points at them.
      const fieldErrors = result.fields ?? {}
      const elsewhere = Object.entries(fieldErrors)
        .filter(([path]) => !SHOWN_FIELDS.some((key) => path === key || path.startsWith(`${key}.`)))
        .flatMap(([, messages]) => messages)
      const reason = result.reasonKey
        ? reasonText(result.reasonKey, result.reasonParams ?? {}) : null
      setError(reason ? t('form.failed', { message: reason })
        : Object.keys(fieldErrors).length > 0 && elsewhere.length === 0
          ? t('form.invalidFields')
          : t('form.failed', { message: elsewhere.join(' ') || result.message }))
      setFields(reason ? {} : fieldErrors)
      return
    }
    router.push(`/runs/${(result.body as { run: { id: string } }).run.id}`)
  }

  const numberInput = (name: (typeof NUMBER_FIELDS)[number], props: object) => (
    <label>
      {t(`form.${name}`)}
      <input name={name} type="number" aria-invalid={Boolean(fields[name])} {...props} />
      {fields[name] && <span className="field-error">{fields[name].join(' ')}</span>}
    </label>
  )

  return (
    <form className="form launch-form" onSubmit={submit} data-testid="launch-run-form">
      {error && <p className="form-error" role="alert">{error}</p>}
      <label>
        {t('form.datasetVersion')}
        <select name="datasetVersionId" required>
          {props.versions.map((version) => (
            <option key={version.id} value={version.id}>{version.label}</option>
          ))}
        </select>
      </label>
      <label>
        {t('form.preset')}
        <select name="preset" defaultValue="reference">
          {props.presets.map((preset) => (
            <option key={preset} value={preset}>{t(`presets.${preset}`)}</option>
          ))}
        </select>
      </label>
      <div className="form-row">
        {numberInput('epochs', { min: 1, max: 500, placeholder: '10' })}
        {numberInput('batchSize', { min: 1, max: 8192, placeholder: '64' })}
        {numberInput('seed', { min: 0, placeholder: '42' })}
      </div>
      <div className="form-row">
        {numberInput('sampleLimit', { min: 1, title: t('form.sampleLimitHint') })}
        {numberInput('validationSplit', { min: 0, max: 0.5, step: 0.05, placeholder: '0' })}
        {numberInput('learningRate', { min: 0, max: 1, step: 'any', placeholder: '0.001' })}
      </div>
      <AdvancedConfigFields fields={fields} />
      <label>
        {t('form.name')}
        <input name="name" maxLength={120} />
      </label>
      <div>
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? t('form.submitting') : t('form.submit')}
        </button>
      </div>
    </form>
  )
}
