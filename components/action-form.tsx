'use client'

import { useActionState, useEffect, useRef } from 'react'
import type { FormState } from '@/lib/projects/form-state'

export type FieldOption = { value: string; label: string }

export type FieldSpec = {
  name: string
  label: string
  type?: 'text' | 'textarea' | 'date' | 'number' | 'email' | 'select' | 'multiselect' | 'hidden'
  options?: FieldOption[]
  defaultValue?: string | string[]
  placeholder?: string
  hint?: string
  wide?: boolean
}

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>
  fields: FieldSpec[]
  submitLabel: string
  testId?: string
  successMessage?: string
  inline?: boolean
  keepValues?: boolean
  /** The submit button's look: the page's main action, a secondary one, or a removal. */
  tone?: 'primary' | 'secondary' | 'danger'
}

type Values = Record<string, string | string[]>
type ClientState = FormState & { values?: Values; round?: number }

function valuesOf(form: FormData, fields: FieldSpec[]): Values {
  return Object.fromEntries(fields.map((field) => [field.name,
    field.type === 'multiselect' ? form.getAll(field.name).map(String)
      : String(form.get(field.name) ?? '')]))
}

/**
 * A form posted to a server action; the action answers field errors already
 * translated, shown next to their field. React resets a form after its action
 * runs, so what was sent is put back: a refused form keeps the person's input,
 * a successful one clears (unless keepValues).
 */
export function ActionForm({ action, fields, submitLabel, testId, successMessage, inline,
  keepValues, tone = 'primary' }: Props) {
  const [state, formAction, pending] = useActionState(
    async (previous: ClientState | undefined, form: FormData): Promise<ClientState> => {
      const result = await action(previous, form)
      const keep = !result?.ok || keepValues
      return { ...result, values: keep ? valuesOf(form, fields) : undefined,
        round: (previous?.round ?? 0) + 1 }
    }, undefined)
  const formRef = useRef<HTMLFormElement>(null)

  // Runs after React's own reset of the form: puts back what was sent.
  useEffect(() => {
    if (state?.values && formRef.current) restore(formRef.current, state.values)
  }, [state])

  return (
    <form ref={formRef} action={formAction} className={inline ? 'form inline-form' : 'form'}
      noValidate data-testid={testId}>
      {fields.map((field) => <Field key={field.name} field={field}
        error={state?.fields?.[field.name]} />)}
      {state?.error && <p className="form-error" role="alert">{state.error}</p>}
      {state?.ok && successMessage && <p className="notice" role="status">{successMessage}</p>}
      <div>
        <button type="submit" className={tone === 'secondary' ? 'button' : `button ${tone}`}
          disabled={pending}>{submitLabel}</button>
      </div>
    </form>
  )
}

function restore(form: HTMLFormElement, values: Values) {
  for (const [name, value] of Object.entries(values)) {
    const element = form.elements.namedItem(name)
    if (element instanceof HTMLSelectElement && element.multiple) {
      for (const option of element.options) option.selected = value.includes(option.value)
    } else if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement
      || element instanceof HTMLTextAreaElement) {
      if (element.type !== 'hidden') element.value = String(value)
    }
  }
}

function Field({ field, error }: { field: FieldSpec; error?: string }) {
  if (field.type === 'hidden') {
    return <input type="hidden" name={field.name} value={String(field.defaultValue ?? '')} />
  }
  const common = {
    name: field.name,
    id: `field-${field.name}`,
    'aria-invalid': Boolean(error),
    'aria-describedby': error ? `error-${field.name}` : undefined,
  }
  let control: React.ReactNode
  if (field.type === 'textarea') {
    control = <textarea {...common} rows={4} defaultValue={field.defaultValue as string}
      placeholder={field.placeholder} />
  } else if (field.type === 'select' || field.type === 'multiselect') {
    control = (
      <select {...common} multiple={field.type === 'multiselect'}
        defaultValue={field.defaultValue ?? (field.type === 'multiselect' ? [] : undefined)}>
        {field.options?.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    )
  } else {
    control = <input {...common} type={field.type ?? 'text'}
      defaultValue={field.defaultValue as string} placeholder={field.placeholder} />
  }
  return (
    <label className={field.wide ? 'wide' : undefined}>
      {field.label}
      {control}
      {field.hint && <span className="hint">{field.hint}</span>}
      {error && <span className="field-error" id={`error-${field.name}`}
        data-testid={`error-${field.name}`}>{error}</span>}
    </label>
  )
}
