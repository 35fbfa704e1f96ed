import { z } from 'zod'
import { dateTextSchema, INVALID_DATE_MESSAGE } from '@/lib/dates'
import { AppError } from '@/lib/errors'
import { containsNul, NUL_MESSAGE } from '@/lib/text'

// Field messages shared by every collaboration form and the API. The API answers
// the English sentence; forms look its key up and show it in the reader's language
// (messages/<locale>/projects.json, "validation").
export const VALIDATION = {
  required: 'This field is required.',
  tooLong: 'This is too long.',
  nulCharacter: NUL_MESSAGE,
  invalidDate: INVALID_DATE_MESSAGE,
  endBeforeStart: 'The end date must be on or after the start date.',
  expiryInPast: 'The expiry date must be in the future.',
  dateInPast: 'The date must be today or later.',
  unknownOrganization: 'No such organization: choose one from the list.',
  unknownUser: 'No such person: choose one from the list.',
  invalidEmail: 'Enter a valid e-mail address.',
  invalidChoice: 'Choose one of the options.',
  invalidNumber: 'Enter a whole number.',
  outOfRange: 'The value is out of range.',
  budgetOrder: 'The maximum budget must be at least the minimum.',
  notAPartner: 'This organization is not a partner of the project.',
  notAMember: 'This person is not a member of the project.',
} as const

export type ValidationKey = keyof typeof VALIDATION

const KEY_BY_MESSAGE = new Map<string, ValidationKey>(
  Object.entries(VALIDATION).map(([key, message]) => [message, key as ValidationKey]),
)

/** The message key of a field error, so forms can translate it. */
export function validationKey(message: string): ValidationKey | undefined {
  return KEY_BY_MESSAGE.get(message)
}

/** Form inputs send '' for an empty field; treat it as absent. */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value

const withoutNul = (value: string) => !containsNul(value)

export const requiredText = (max = 200) =>
  z.string({ error: VALIDATION.required }).trim().min(1, VALIDATION.required)
    .max(max, VALIDATION.tooLong).refine(withoutNul, VALIDATION.nulCharacter)

export const optionalText = (max = 10_000) =>
  z.preprocess((value) => value ?? '', z.string().trim().max(max, VALIDATION.tooLong)
    .refine(withoutNul, VALIDATION.nulCharacter))

const dateValue = dateTextSchema(VALIDATION.required)

export const requiredDate = () => z.preprocess(blankToUndefined, dateValue)

export const optionalDate = () =>
  z.preprocess(blankToUndefined, dateValue.optional().nullable())

export const optionalInt = (min: number, max: number) => z.preprocess(
  (value) => {
    const blank = blankToUndefined(value)
    return typeof blank === 'string' ? Number(blank) : blank
  },
  z.number({ error: VALIDATION.invalidNumber }).int(VALIDATION.invalidNumber)
    .min(min, VALIDATION.outOfRange).max(max, VALIDATION.outOfRange).optional().nullable(),
)

export const requiredInt = (min: number, max: number) => z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
  z.number({ error: VALIDATION.invalidNumber }).int(VALIDATION.invalidNumber)
    .min(min, VALIDATION.outOfRange).max(max, VALIDATION.outOfRange),
)

export const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: VALIDATION.invalidChoice })

export const requiredId = () =>
  z.string({ error: VALIDATION.required }).trim().min(1, VALIDATION.required).max(64)

export const optionalId = () =>
  z.preprocess(blankToUndefined, z.string().max(64).optional().nullable())

/** Adds "end before start" to the end field when both dates are given. */
export function endNotBeforeStart<T extends { startDate?: Date | null; endDate?: Date | null }>(
  value: T, context: z.RefinementCtx,
) {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    context.addIssue({ code: 'custom', path: ['endDate'], message: VALIDATION.endBeforeStart })
  }
}

/** Turns a list field sent as "a, b, c" (forms) or ["a","b"] (API) into a list. */
export const stringList = (max = 20) => z.preprocess(
  (value) => typeof value === 'string'
    ? value.split(',').map((item) => item.trim()).filter(Boolean)
    : value ?? [],
  z.array(z.string().trim().min(1).max(60, VALIDATION.tooLong)).max(max, VALIDATION.tooLong),
)

/** A 422 naming one field, in the same shape as a zod failure. */
export function fieldError(field: string, message: string): AppError {
  return new AppError('unprocessable_entity', `${field}: ${message}`, {
    fields: { [field]: [message] },
  })
}
