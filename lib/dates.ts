import { z } from 'zod'

// Dates typed by people (forms, the API): a calendar day YYYY-MM-DD, or an ISO 8601 time.
// new Date('2026-02-30') quietly means 2 March; a day that does not exist is refused here.
const DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/

/** Years a project, grant or deadline can sensibly fall in. */
export const EARLIEST_YEAR = 1900
export const LATEST_YEAR = 2999

/** The date written as `text`, or null when it is malformed, impossible or out of range. */
export function parseDateText(text: string): Date | null {
  const match = DATE.exec(text.trim())
  if (!match) return null
  const [, year, month, day, time] = match
  const date = new Date(time ? text.trim() : `${year}-${month}-${day}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return null
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  const sameDay = calendar.getUTCFullYear() === Number(year) &&
    calendar.getUTCMonth() === Number(month) - 1 && calendar.getUTCDate() === Number(day)
  if (!sameDay) return null
  return Number(year) >= EARLIEST_YEAR && Number(year) <= LATEST_YEAR ? date : null
}

export const INVALID_DATE_MESSAGE =
  'Enter a real date as YYYY-MM-DD, between the years 1900 and 2999.'

/**
 * A date typed as text (or already a Date), refused with INVALID_DATE_MESSAGE when it is
 * malformed or does not exist; a missing value gets `requiredMessage`.
 */
export function dateTextSchema(requiredMessage = INVALID_DATE_MESSAGE) {
  return z.union([z.string(), z.date()], {
    error: (issue) => (issue.input === undefined ? requiredMessage : INVALID_DATE_MESSAGE),
  }).transform((value, context) => {
    const date = value instanceof Date ? value : parseDateText(value)
    if (date === null || Number.isNaN(date.getTime())) {
      context.addIssue({ code: 'custom', message: INVALID_DATE_MESSAGE })
      return z.NEVER
    }
    return date
  })
}
