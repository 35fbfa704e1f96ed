import { projectDatasetsWhere } from '@/lib/access/runs'
import { db } from '@/lib/db/client'
import type { EpochRecord, EvaluationReport } from './worker-protocol'

const runSummarySelect = {
  id: true, name: true, preset: true, status: true, progress: true, currentEpoch: true,
  totalEpochs: true, queuedAt: true, startedAt: true, finishedAt: true, seed: true,
  metrics: true, error: true, errorCode: true, datasetVersionId: true, projectId: true,
  createdBy: { select: { id: true, name: true } },
  datasetVersion: { select: { id: true, version: true,
    dataset: { select: { id: true, name: true } } } },
} as const

export function listProjectRuns(projectId: string) {
  return db().run.findMany({
    where: { projectId },
    orderBy: { queuedAt: 'desc' },
    take: 100,
    select: runSummarySelect,
  })
}

export function getRunDetail(runId: string) {
  return db().run.findUnique({
    where: { id: runId },
    include: {
      project: { select: { id: true, title: true } },
      createdBy: { select: { id: true, name: true } },
      datasetVersion: { select: { id: true, version: true, sha256: true,
        dataset: { select: { id: true, name: true } } } },
      milestones: { select: { id: true, title: true } },
    },
  })
}

export type RunDetail = NonNullable<Awaited<ReturnType<typeof getRunDetail>>>

/** The dataset versions a project's runs may be launched on (projectDatasetsWhere). */
export function listLaunchableVersions(projectId: string) {
  return db().datasetVersion.findMany({
    where: { dataset: projectDatasetsWhere(projectId) },
    orderBy: [{ dataset: { name: 'asc' } }, { version: 'desc' }],
    select: { id: true, version: true, metadata: true,
      dataset: { select: { id: true, name: true } } },
  })
}

export function listProjectMilestones(projectId: string) {
  return db().milestone.findMany({
    where: { projectId },
    orderBy: { dueDate: 'asc' },
    select: { id: true, title: true, dueDate: true, deliverableRunId: true },
  })
}

export const historyOf = (value: unknown): EpochRecord[] =>
  Array.isArray(value) ? (value as EpochRecord[]) : []

export const reportOf = (value: unknown): EvaluationReport | null =>
  value && typeof value === 'object' && 'accuracy' in value
    ? (value as EvaluationReport)
    : null

export type LeaderboardMetric = 'accuracy' | 'macroF1' | 'loss'

/**
 * Succeeded runs on one dataset version ranked by a metric, on the test split (the
 * evaluation report) or the validation split (the last epoch of a run that held one out).
 * Runs of projects the user is not a member of are left out.
 */
export async function leaderboard(options: {
  datasetVersionId: string
  userId: string
  metric: LeaderboardMetric
  split: 'test' | 'validation'
}) {
  const runs = await db().run.findMany({
    where: {
      datasetVersionId: options.datasetVersionId,
      status: 'SUCCEEDED',
      project: { members: { some: { userId: options.userId } } },
    },
    select: { ...runSummarySelect, history: true, config: true, trainSeconds: true },
    take: 500,
  })
  const scored = runs.map((run) => ({ run, score: scoreOf(run, options) }))
    .filter((entry): entry is { run: typeof entry.run; score: number } => entry.score !== null)
  const lowerIsBetter = options.metric === 'loss'
  scored.sort((a, b) => (lowerIsBetter ? a.score - b.score : b.score - a.score))
  return scored
}

function scoreOf(
  run: { metrics: unknown; history: unknown },
  options: { metric: LeaderboardMetric; split: 'test' | 'validation' },
): number | null {
  if (options.split === 'test') {
    const value = reportOf(run.metrics)?.[options.metric]
    return typeof value === 'number' ? value : null
  }
  const last = historyOf(run.history).at(-1)
  if (options.metric === 'accuracy') return last?.valAccuracy ?? null
  if (options.metric === 'loss') return last?.valLoss ?? null
  return null
}

/** Runs side by side, those the user may see only, in the order asked for. */
export async function runsToCompare(userId: string, runIds: string[]) {
  const runs = await db().run.findMany({
    where: { id: { in: runIds }, project: { members: { some: { userId } } } },
    select: { ...runSummarySelect, history: true, config: true, trainSeconds: true,
      backend: true, libraryVersions: true, datasetChecksum: true },
  })
  return runIds.map((id) => runs.find((run) => run.id === id)).filter((run) => run !== undefined)
}

export function findDatasetVersion(datasetVersionId: string) {
  return db().datasetVersion.findUnique({
    where: { id: datasetVersionId },
    select: { id: true, version: true, datasetId: true, sha256: true,
      dataset: { select: { name: true, projectId: true } } },
  })
}

/** How many queued runs (of any project) a worker will take before this one. */
export function runsAhead(run: { status: string; queuedAt: Date; id: string }) {
  if (run.status !== 'QUEUED') return Promise.resolve(0)
  return db().run.count({ where: { status: 'QUEUED', cancelRequested: false,
    OR: [{ queuedAt: { lt: run.queuedAt } }, { queuedAt: run.queuedAt, id: { lt: run.id } }] } })
}
