import { NextResponse } from 'next/server'
import { enforce } from '@/lib/access/decision'
import { canOnRun } from '@/lib/access/runs'
import { requireApiUser } from '@/lib/auth/session'
import { notFound } from '@/lib/errors'
import { route } from '@/lib/http/respond'
import { evaluationReport } from '@/lib/runs/report'

type Context = { params: Promise<{ runId: string }> }

/** The evaluation report as a JSON file to download. */
export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { runId } = await context.params
  enforce(await canOnRun(user.id, runId, 'view'))

  const report = await evaluationReport(runId)
  if (!report) throw notFound('The run')
  return new NextResponse(JSON.stringify(report, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="run-${runId}-report.json"`,
    },
  })
})
