import { getTranslations } from 'next-intl/server'
import { z } from 'zod'
import { AppError, fromZod } from '@/lib/errors'
import { validationKey } from './validation'

export type FormState = { ok?: boolean; error?: string; fields?: Record<string, string> }
  | undefined

/**
 * Runs a server action's work and turns a refusal or a validation failure into
 * translated messages for the form (each next to its field). Anything else,
 * including Next's redirect, propagates.
 */
export async function runFormAction(
  work: () => Promise<unknown>,
  fieldAliases: Record<string, string> = {},
): Promise<FormState> {
  try {
    await work()
    return { ok: true }
  } catch (caught) {
    const error = caught instanceof z.ZodError ? fromZod(caught) : caught
    if (!(error instanceof AppError)) throw error
    const t = await getTranslations('projects')

    const fields: Record<string, string> = {}
    for (const [path, messages] of Object.entries(error.details?.fields ?? {})) {
      const name = fieldAliases[path.split('.')[0]] ?? path.split('.')[0]
      const key = validationKey(messages[0])
      fields[name] ??= key ? t(`validation.${key}`) : messages[0]
    }
    const general = t.has(`form.errorCodes.${error.code}`)
      ? t(`form.errorCodes.${error.code}`) : t('form.errorCodes.internal_error')
    const detail = error.code === 'unprocessable_entity' ? '' : ` (${error.message})`
    return { error: general + detail, fields }
  }
}

/** FormData to a plain object; repeated names (multi-selects) become lists. */
export function formObject(form: FormData, lists: string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue
    const values = form.getAll(key).map(String)
    result[key] = lists.includes(key) ? values.filter(Boolean) : values[0]
  }
  for (const key of lists) result[key] ??= []
  return result
}
