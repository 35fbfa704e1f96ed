'use client'

import { useTranslations } from 'next-intl'

/**
 * Reads the advanced section of the launch form into the API's `config` object (fields
 * left empty keep the preset's values) and the run's time limit.
 */
export function readAdvancedConfig(form: FormData): {
  config: Record<string, unknown>
  timeLimitSeconds?: number
} {
  const text = (name: string) => String(form.get(name) ?? '').trim()
  const config: Record<string, unknown> = {}
  const layers = text('hiddenLayers')
  if (layers !== '') {
    config.hiddenLayers = layers.split(/[\s,，]+/).filter(Boolean).map(Number)
  }
  for (const name of ['dropout', 'l1', 'l2'] as const) {
    if (text(name) !== '') config[name] = Number(text(name))
  }
  if (form.get('augmentation') === 'on') {
    config.augmentation = {
      enabled: true,
      ...(text('maxShiftPixels') !== '' && { maxShiftPixels: Number(text('maxShiftPixels')) }),
      ...(text('maxRotationDegrees') !== '' &&
        { maxRotationDegrees: Number(text('maxRotationDegrees')) }),
    }
  }
  const minutes = text('timeLimitMinutes')
  return {
    config,
    ...(minutes !== '' && { timeLimitSeconds: Math.round(Number(minutes) * 60) }),
  }
}

/** The fields of the advanced section, whose errors it shows next to them. */
export const ADVANCED_FIELDS = ['hiddenLayers', 'dropout', 'l1', 'l2', 'augmentation',
  'timeLimitSeconds'] as const

/** Architecture, regularization, augmentation and time limit, folded away by default. */
export function AdvancedConfigFields({ fields }: { fields: Record<string, string[]> }) {
  const t = useTranslations('runs.form.advanced')
  // Issues come keyed by their path in the configuration, e.g. `hiddenLayers.1`.
  const messagesFor = (key: string) => Object.entries(fields)
    .filter(([path]) => path === key || path.startsWith(`${key}.`))
    .flatMap(([, messages]) => messages)
  const open = ADVANCED_FIELDS.some((key) => messagesFor(key).length > 0)
  const input = (name: string, props: object, errorKey = name) => {
    const messages = messagesFor(errorKey)
    return (
      <label>
        {t(name)}
        <input name={name} aria-invalid={messages.length > 0} {...props} />
        {messages.length > 0 && <span className="field-error">{messages.join(' ')}</span>}
      </label>
    )
  }

  return (
    <details className="advanced" open={open} data-testid="advanced-config">
      <summary>{t('summary')}</summary>
      <div className="form advanced-body">
        <p className="muted small">{t('hint')}</p>
        <div className="form-row">
          {input('hiddenLayers', { placeholder: '128', title: t('hiddenLayersHint') })}
          {input('dropout', { type: 'number', min: 0, max: 0.9, step: 'any', placeholder: '0' })}
          {input('timeLimitMinutes', { type: 'number', min: 1, step: 'any' }, 'timeLimitSeconds')}
        </div>
        <div className="form-row">
          {input('l1', { type: 'number', min: 0, max: 1, step: 'any', placeholder: '0' })}
          {input('l2', { type: 'number', min: 0, max: 1, step: 'any', placeholder: '0' })}
        </div>
        <label className="checkbox">
          <input type="checkbox" name="augmentation" /> {t('augmentation')}
        </label>
        <div className="form-row">
          {input('maxShiftPixels', { type: 'number', min: 0, max: 8, placeholder: '2' },
            'augmentation.maxShiftPixels')}
          {input('maxRotationDegrees', { type: 'number', min: 0, max: 45, placeholder: '10' },
            'augmentation.maxRotationDegrees')}
        </div>
      </div>
    </details>
  )
}
