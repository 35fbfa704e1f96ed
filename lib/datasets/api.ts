import { authorizeDatasetUse, type DatasetAction } from '@/lib/access/datasets'
import { enforce } from '@/lib/access/decision'
import { requireApiUser } from '@/lib/auth/session'
import { AppError } from '@/lib/errors'
import { getVersion } from './queries'

export type DatasetParams = { params: Promise<{ datasetId: string }> }
export type VersionParams = { params: Promise<{ datasetId: string; version: string }> }

/** The signed-in caller, once lib/access allows the action (refusals are audited). */
export async function authorizeApi(request: Request, datasetId: string,
  action: DatasetAction, resource?: { type: string; id: string }) {
  const user = await requireApiUser(request)
  enforce(await authorizeDatasetUse({ userId: user.id, datasetId, action,
    resourceType: resource?.type, resourceId: resource?.id }))
  return user
}

/** A version by its number in the URL ("1", "v1" or "latest" is not accepted). */
export async function versionOr404(datasetId: string, versionParam: string) {
  const number = Number(versionParam.replace(/^v/, ''))
  const version = Number.isInteger(number) && number > 0
    ? await getVersion(datasetId, number)
    : null
  if (!version) throw new AppError('not_found', `Version ${versionParam} of this dataset ` +
    'was not found.')
  return version
}
