// Decisions about training runs. A run belongs to a project: its members see it; what the
// run reveals of the data (the trained model, misclassified images) also needs the
// matching level on the dataset it was trained on, decided by lib/access/datasets.ts.
import type { Prisma } from '@/generated/prisma/client'
import { db } from '@/lib/db/client'
import { allow, deny, type Decision } from './decision'
import { authorizeDatasetUse, authorizeTraining } from './datasets'
import { canOnProject, decideProjectAction, projectMembership } from './projects'

export type RunAction =
  | 'view'
  | 'cancel'
  | 'attach_milestone'
  | 'download_model'
  | 'view_samples'

type RunRef = { id: string; projectId: string; createdById: string; datasetId: string }

async function findRun(runId: string): Promise<RunRef | null> {
  const run = await db().run.findUnique({
    where: { id: runId },
    select: { id: true, projectId: true, createdById: true,
      datasetVersion: { select: { datasetId: true } } },
  })
  return run && { ...run, datasetId: run.datasetVersion.datasetId }
}

/** Whether the user may launch a run of the project on the dataset version. */
export async function canLaunchRun(
  userId: string,
  projectId: string,
  datasetVersionId: string,
): Promise<Decision> {
  const onProject = await canOnProject(userId, projectId, 'launch_run')
  if (!onProject.allowed) return onProject
  if (!(await isProjectVersion(projectId, datasetVersionId))) {
    return deny('This project has no dataset version with that id: a run trains on one of ' +
      "the project's own datasets or on one shared with the project.", 'not_found')
  }

  return authorizeTraining(userId, datasetVersionId)
}

/**
 * The datasets a project's runs may train on: its own, and those shared with the project
 * by a live grant. The launch form lists these; launching checks the same.
 */
export function projectDatasetsWhere(projectId: string, now = new Date()):
  Prisma.DatasetWhereInput {
  return { OR: [{ projectId }, { grants: { some: { granteeProjectId: projectId,
    revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } } }] }
}

async function isProjectVersion(projectId: string, datasetVersionId: string): Promise<boolean> {
  const found = await db().datasetVersion.count({
    where: { id: datasetVersionId, dataset: projectDatasetsWhere(projectId) },
  })
  return found > 0
}

export async function canOnRun(
  userId: string,
  runId: string,
  action: RunAction,
): Promise<Decision> {
  const run = await findRun(runId)
  if (!run) return deny('The run was not found.', 'not_found')
  const membership = await projectMembership(userId, run.projectId)
  const view = decideProjectAction(membership, 'view')
  if (!view.allowed) return { ...view, code: 'not_found' }

  switch (action) {
    case 'view':
      return allow()
    case 'cancel':
      // Whoever launched it, or a manager of the project.
      if (run.createdById === userId) return decideProjectAction(membership, 'launch_run')
      return decideProjectAction(membership, 'edit')
    case 'attach_milestone':
      return decideProjectAction(membership, 'launch_run')
    case 'download_model':
      // Trained weights can be made to reveal their training data: only those who may
      // download the data itself may download the model.
      return authorizeDatasetUse({ userId, datasetId: run.datasetId, action: 'download',
        resourceType: 'run_model', resourceId: run.id })
    case 'view_samples':
      return authorizeDatasetUse({ userId, datasetId: run.datasetId, action: 'preview',
        resourceType: 'run_samples', resourceId: run.id })
  }
}
