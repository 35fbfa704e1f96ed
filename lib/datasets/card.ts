import { recordAudit } from '@/lib/audit/record'
import { db } from '@/lib/db/client'
import type { DatasetCard, DatasetPolicy } from './schemas'

/** Changes a dataset's data card; the change is audited with the fields that moved. */
export async function updateDatasetCard(datasetId: string, actorId: string,
  card: DatasetCard) {
  const dataset = await db().dataset.update({ where: { id: datasetId }, data: card })
  await recordAudit({ actorId, action: 'dataset.card.update', outcome: 'success',
    resourceType: 'dataset', resourceId: datasetId, datasetId, projectId: dataset.projectId,
    details: { fields: Object.keys(card) } })
  return dataset
}

/** Changes a dataset's access policy; audited with the old and new values. */
export async function updateDatasetPolicy(datasetId: string, actorId: string,
  policy: DatasetPolicy) {
  const before = await db().dataset.findUniqueOrThrow({ where: { id: datasetId },
    select: { projectLevel: true, terms: true } })
  const dataset = await db().dataset.update({ where: { id: datasetId }, data: policy })
  await recordAudit({ actorId, action: 'policy.update', outcome: 'success',
    resourceType: 'dataset', resourceId: datasetId, datasetId, projectId: dataset.projectId,
    details: { before: { projectLevel: before.projectLevel, termsChanged: false },
      after: { projectLevel: dataset.projectLevel,
        termsChanged: policy.terms !== undefined && policy.terms !== before.terms } } })
  return dataset
}
