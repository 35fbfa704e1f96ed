import type { AgreementRow } from './agreements'
import { AGREEMENT_KINDS, AGREEMENT_STATUSES } from './schemas'

export type Portfolio = {
  byStatus: { status: string; count: number }[]
  byKind: { kind: string; count: number }[]
  signedOrActive: number
  total: number
}

/** Counts for the portfolio charts, in the fixed order of statuses and kinds. */
export function summarizePortfolio(agreements: Pick<AgreementRow, 'status' | 'kind'>[]) {
  const count = <K extends string>(keys: readonly K[], pick: (row: AgreementRow) => string) =>
    keys.map((key) => ({ key, count: agreements.filter((row) =>
      pick(row as AgreementRow) === key).length }))
  return {
    byStatus: count(AGREEMENT_STATUSES, (row) => row.status)
      .map(({ key, count: n }) => ({ status: key, count: n })),
    byKind: count(AGREEMENT_KINDS, (row) => row.kind)
      .map(({ key, count: n }) => ({ kind: key, count: n })),
    signedOrActive: agreements.filter((row) => ['SIGNED', 'ACTIVE'].includes(row.status)).length,
    total: agreements.length,
  } satisfies Portfolio
}
