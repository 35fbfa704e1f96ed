import { NextResponse } from 'next/server'
import { enforce } from '@/lib/access/decision'
import { canOnProject } from '@/lib/access/projects'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { launchRun } from '@/lib/runs/launch'
import { runJson } from '@/lib/runs/present'
import { listProjectRuns } from '@/lib/runs/queries'
import { launchRunSchema } from '@/lib/runs/schemas'

type Context = { params: Promise<{ projectId: string }> }

/** The project's runs, newest first. */
export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  enforce(await canOnProject(user.id, projectId, 'view'))

  const runs = await listProjectRuns(projectId)
  return NextResponse.json({ runs: runs.map(runJson) })
})

/** Queues a run: { datasetVersionId, preset?, epochs?, batchSize?, sampleLimit?, seed?, … }. */
export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { projectId } = await context.params
  enforce(await canOnProject(user.id, projectId, 'view'))

  const input = await readJson(request, launchRunSchema)
  const run = await launchRun(user.id, projectId, input)
  return NextResponse.json({ run: runJson(run) }, {
    status: 201, headers: { Location: `/api/runs/${run.id}` },
  })
})
