// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled.
// A leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula.
type Cell = string | number | Date | null | undefined

function cell(value: Cell): string {
  if (value == null) return ''
  let text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
  if (/^[=+\-@]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}

export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
    },
  })
}
