/**
 * Fills `{name}` placeholders of a message with event parameters. Events come
 * from every area (and from older releases), so a missing parameter renders
 * empty rather than failing the page; enum values go through `value`.
 */
export function fillTemplate(
  template: string,
  params: Record<string, unknown>,
  value: (raw: string) => string = (raw) => raw,
): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const raw = params[name]
    if (raw == null) return ''
    return typeof raw === 'string' ? value(raw) : String(raw)
  })
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * How an event parameter reads: an enum value by its name in `values`, a day
 * (events record dates as YYYY-MM-DD) by `formatDay` in the reader's language,
 * anything else as it is.
 */
export function parameterText(values: Record<string, string>,
  formatDay: (day: Date) => string): (raw: string) => string {
  return (raw) => values[raw]
    ?? (ISO_DAY.test(raw) ? formatDay(new Date(`${raw}T00:00:00Z`)) : raw)
}

/**
 * The message of an event kind such as `proposal.submitted`, looked up in a
 * catalogue nested by the kind's dotted parts (next-intl reads dots as nesting);
 * undefined for a kind the catalogue does not know.
 */
export function templateFor(kinds: unknown, kind: string): string | undefined {
  let node: unknown = kinds
  for (const part of kind.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}
