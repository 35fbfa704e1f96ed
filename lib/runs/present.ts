import { historyOf, reportOf } from './queries'

type RunRow = {
  id: string
  name: string
  preset: string
  status: string
  progress: number
  currentEpoch: number
  totalEpochs: number
  queuedAt: Date
  startedAt: Date | null
  finishedAt: Date | null
  seed: number
  error: string | null
  errorCode: string | null
  metrics: unknown
  history?: unknown
  config?: unknown
  datasetChecksum?: string
  backend?: string | null
  libraryVersions?: unknown
  attempts?: number
  maxAttempts?: number
  cancelRequested?: boolean
  trainSeconds?: number | null
  datasetVersionId: string
  projectId: string
}

/** A run as the API and the run page's polling see it. */
export function runJson(run: RunRow) {
  return {
    id: run.id,
    name: run.name,
    preset: run.preset,
    projectId: run.projectId,
    datasetVersionId: run.datasetVersionId,
    status: run.status,
    progress: run.progress,
    currentEpoch: run.currentEpoch,
    totalEpochs: run.totalEpochs,
    queuedAt: run.queuedAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    seed: run.seed,
    error: run.error,
    errorCode: run.errorCode,
    cancelRequested: run.cancelRequested ?? false,
    attempts: run.attempts,
    maxAttempts: run.maxAttempts,
    history: historyOf(run.history),
    metrics: reportOf(run.metrics),
    reproducibility: run.config === undefined ? undefined : {
      config: run.config,
      seed: run.seed,
      datasetChecksum: run.datasetChecksum,
      backend: run.backend ?? null,
      libraryVersions: run.libraryVersions ?? null,
    },
    trainSeconds: run.trainSeconds ?? null,
  }
}

export type RunJson = ReturnType<typeof runJson>
