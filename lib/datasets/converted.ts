import path from 'node:path'
import type { DatasetFormat } from '@/generated/prisma/client'
import type { IdxPairRole } from '@/ml/datasets/idx-pair'
import { stageIdxFile, type IdxInspection } from './idx-inspect'
import {
  CANONICAL_NAMES, idxPairMetadata, publishVersion, ROLES, type NewVersionInput,
} from './versions'

/**
 * Publishes a CSV or image upload once converted into four raw IDX files: they go
 * through the same checks and checksums as an IDX upload, so every version looks alike.
 */
export async function publishConverted(options: {
  dir: string
  raw: Record<IdxPairRole, string>
  base: NewVersionInput
  format: DatasetFormat
  classNames: string[]
  conversion: Record<string, unknown>
}) {
  const staged = {} as Record<IdxPairRole, IdxInspection>
  for (const role of ROLES) {
    staged[role] = await stageIdxFile({
      from: options.raw[role],
      to: path.join(/*turbopackIgnore: true*/ options.dir, CANONICAL_NAMES[role]),
      kind: role.endsWith('Images') ? 'images' : 'labels',
      source: CANONICAL_NAMES[role],
      maxBytes: Number.MAX_SAFE_INTEGER,
    })
  }
  const metadata = {
    ...idxPairMetadata(staged, options.classNames.length),
    classNames: options.classNames,
    conversion: options.conversion,
  }
  return publishVersion({ ...options.base, format: options.format, stagedDir: options.dir,
    metadata })
}

export function rawPaths(dir: string): Record<IdxPairRole, string> {
  const raw = (role: IdxPairRole) => path.join(/*turbopackIgnore: true*/ dir, `raw-${role}`)
  return Object.fromEntries(ROLES.map((role) => [role, raw(role)])) as
    Record<IdxPairRole, string>
}
