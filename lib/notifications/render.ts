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
