import { enforce } from '@/lib/access/decision'
import { canOnRun } from '@/lib/access/runs'
import { requireApiUser } from '@/lib/auth/session'
import { AppError, notFound } from '@/lib/errors'
import { route } from '@/lib/http/respond'
import { readModelFile } from '@/lib/runs/artifacts'
import { getRunDetail } from '@/lib/runs/queries'

type Context = { params: Promise<{ runId: string; file: string }> }

/**
 * The trained model in TensorFlow.js's Layers format: `model.json` and the `weights.bin`
 * it names, side by side, so `tf.loadLayersModel('<this folder>/model.json')` loads it.
 */
export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { runId, file } = await context.params
  if (file !== 'model.json' && file !== 'weights.bin') {
    throw new AppError('not_found', 'A model has two files: model.json and weights.bin.')
  }
  enforce(await canOnRun(user.id, runId, 'view'))
  enforce(await canOnRun(user.id, runId, 'download_model'))

  const run = await getRunDetail(runId)
  const bytes = run?.artifactKey ? await readModelFile(run.artifactKey, file) : null
  if (!bytes) throw notFound('The trained model of this run')
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': file === 'model.json' ? 'application/json' : 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${file}"`,
    },
  })
})
