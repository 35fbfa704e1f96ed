import { stringify } from 'csv-stringify/sync'

// RFC 4180 CSV through csv-stringify. `escape_formulas` prefixes a cell that starts with
// =, +, -, @, a tab or a carriage return with ' so that spreadsheets do not run it.
export type CsvCell = string | number | Date | null | undefined

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return stringify([header, ...rows], {
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { date: (value) => value.toISOString().slice(0, 10) },
  })
}

export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
    },
  })
}
