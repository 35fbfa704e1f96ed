import { NextResponse } from 'next/server'
import { auditCsv, listAuditEvents } from '@/lib/audit/query'
import { authorizeApi, type DatasetParams } from '@/lib/datasets/api'
import { auditFilterSchema } from '@/lib/datasets/schemas'
import { route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

/** Stewards read the dataset's audit trail, filtered; `format=csv` exports it. */
export const GET = route(async (request: Request, context: DatasetParams) => {
  const { datasetId } = await context.params
  await authorizeApi(request, datasetId, 'read_audit')
  const query = Object.fromEntries(new URL(request.url).searchParams)
  const { format, ...filter } = auditFilterSchema.parse(query)

  const events = await listAuditEvents({ ...filter, datasetId },
    format === 'csv' ? 100_000 : 500)
  if (format !== 'csv') return NextResponse.json({ events })
  return new Response(auditCsv(events), { headers: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="audit-${datasetId}.csv"`,
  } })
})
