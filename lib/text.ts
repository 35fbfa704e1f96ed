// Text that people send: PostgreSQL cannot store a NUL character (U+0000) in text, so it
// is refused with this message wherever text comes in (JSON bodies, forms, CSV cells).
export const NUL_MESSAGE = 'Remove the NUL character (\\u0000): text cannot contain it.'

export function containsNul(text: string): boolean {
  return text.includes('\u0000')
}
