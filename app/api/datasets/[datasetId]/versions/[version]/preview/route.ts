import { authorizeApi, versionOr404, type VersionParams } from '@/lib/datasets/api'
import { previewGrid } from '@/lib/datasets/preview'
import type { VersionMetadata } from '@/lib/datasets/versions'
import { route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

/** A PNG grid of the first training images: download access only (it shows samples). */
export const GET = route(async (request: Request, context: VersionParams) => {
  const { datasetId, version: number } = await context.params
  await authorizeApi(request, datasetId, 'preview',
    { type: 'dataset_version', id: `${datasetId}/v${number}` })
  const version = await versionOr404(datasetId, number)
  const png = await previewGrid(version.storageKey, version.metadata as unknown as VersionMetadata)
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png',
    'cache-control': 'private, no-store' } })
})
