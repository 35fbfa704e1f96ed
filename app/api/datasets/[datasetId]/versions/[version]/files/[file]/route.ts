import { Readable } from 'node:stream'
import { authorizeDatasetUse } from '@/lib/access/datasets'
import { enforce } from '@/lib/access/decision'
import { requireApiUser } from '@/lib/auth/session'
import { versionOr404 } from '@/lib/datasets/api'
import type { VersionMetadata } from '@/lib/datasets/versions'
import { AppError } from '@/lib/errors'
import { route } from '@/lib/http/respond'
import { storage } from '@/lib/storage'

export const dynamic = 'force-dynamic'
type Params = { params: Promise<{ datasetId: string; version: string; file: string }> }

/** Streams one stored file of a version: download access only, audited. */
export const GET = route(async (request: Request, context: Params) => {
  const { datasetId, version: number, file } = await context.params
  const user = await requireApiUser(request)
  enforce(await authorizeDatasetUse({ userId: user.id, datasetId, action: 'download',
    resourceType: 'dataset_file', resourceId: `${datasetId}/v${number}/${file}` }))

  const version = await versionOr404(datasetId, number)
  const entry = (version.metadata as unknown as VersionMetadata).files
    .find((candidate) => candidate.name === file)
  if (!entry) throw new AppError('not_found', `Version ${number} has no file named ${file}.`)

  const stream = await storage().get(version.storageKey + entry.name)
  return new Response(Readable.toWeb(stream) as ReadableStream, { headers: {
    'content-type': 'application/octet-stream',
    'content-length': String(entry.sizeBytes),
    'content-disposition': `attachment; filename="${entry.name}"`,
    'x-content-sha256': entry.sha256,
    'cache-control': 'private, no-store',
  } })
})
