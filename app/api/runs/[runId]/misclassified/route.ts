import { NextResponse } from 'next/server'
import { enforce } from '@/lib/access/decision'
import { canOnRun } from '@/lib/access/runs'
import { requireApiUser } from '@/lib/auth/session'
import { notFound } from '@/lib/errors'
import { route } from '@/lib/http/respond'
import { readMisclassified } from '@/lib/runs/artifacts'
import { getRunDetail } from '@/lib/runs/queries'

type Context = { params: Promise<{ runId: string }> }

/** Wrongly predicted test images with their pixels: for those who may see the samples. */
export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { runId } = await context.params
  enforce(await canOnRun(user.id, runId, 'view'))
  enforce(await canOnRun(user.id, runId, 'view_samples'))

  const run = await getRunDetail(runId)
  const file = run?.artifactKey ? await readMisclassified(run.artifactKey) : null
  if (!file) throw notFound('The misclassified examples of this run')
  return NextResponse.json(file)
})
