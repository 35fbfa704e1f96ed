import { getRunDetail, historyOf, reportOf } from './queries'

/**
 * A run's full evaluation report, as downloaded in JSON and shown on the printable page:
 * what was trained, on what data, how, and how well. Everything needed to reproduce it.
 */
export async function evaluationReport(runId: string) {
  const run = await getRunDetail(runId)
  if (!run) return null
  return {
    run: {
      id: run.id, name: run.name, preset: run.preset, status: run.status,
      project: run.project.title, launchedBy: run.createdBy.name,
      queuedAt: run.queuedAt, startedAt: run.startedAt, finishedAt: run.finishedAt,
      error: run.error, errorCode: run.errorCode,
    },
    dataset: {
      name: run.datasetVersion.dataset.name,
      version: run.datasetVersion.version,
      versionId: run.datasetVersion.id,
      checksum: run.datasetChecksum,
    },
    reproducibility: {
      config: run.config,
      seed: run.seed,
      backend: run.backend,
      libraryVersions: run.libraryVersions,
    },
    evaluation: reportOf(run.metrics),
    learningCurves: historyOf(run.history),
    milestones: run.milestones,
  }
}

export type EvaluationReportFile = NonNullable<Awaited<ReturnType<typeof evaluationReport>>>
