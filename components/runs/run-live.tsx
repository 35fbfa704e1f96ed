'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useFormatter, useTranslations } from 'next-intl'
import { useEffect, useState } from 'react'
import type { RunJson } from '@/lib/runs/present'
import { EvaluationView } from './evaluation-view'
import { LearningCurves } from './learning-curves'
import { MisclassifiedGallery } from './misclassified-gallery'
import { postJson } from './post-json'
import { RunStatusBadge } from './status-badge'

const POLL_MS = 1500
const ACTIVE = ['QUEUED', 'RUNNING']

export type RunPermissions = {
  cancel: boolean
  launch: boolean
  downloadModel: boolean
  viewSamples: boolean
}

/**
 * The live part of the run page: it polls the run's JSON while the run is queued or
 * running, so the progress bar and curves move without a reload, then shows the report.
 */
type LiveRun = RunJson & { runsAhead?: number }

export function RunLive({ initial, can }: { initial: LiveRun; can: RunPermissions }) {
  const t = useTranslations('runs')
  const format = useFormatter()
  const router = useRouter()
  const [run, setRun] = useState<LiveRun>(initial)
  const [actionError, setActionError] = useState<string | null>(null)
  const active = ACTIVE.includes(run.status)

  useEffect(() => {
    if (!active) return
    const timer = setInterval(async () => {
      const response = await fetch(`/api/runs/${run.id}`, { cache: 'no-store' })
      if (!response.ok) return
      const next = (await response.json()).run as LiveRun
      setRun(next)
      if (!ACTIVE.includes(next.status)) router.refresh()
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [active, run.id, router])

  async function act(path: 'cancel' | 'rerun') {
    const result = await postJson(`/api/runs/${run.id}/${path}`)
    if (!result.ok) return setActionError(t('page.actionFailed', { message: result.message }))
    setActionError(null)
    const next = (result.body as { run: RunJson }).run
    if (path === 'rerun') router.push(`/runs/${next.id}`)
    else setRun(next)
  }

  return (
    <>
      <section className="section" data-testid="run-progress">
        <div className="section-heading">
          <RunStatusBadge status={run.status} label={t(`status.${run.status}`)} />
          <span className="muted" data-testid="run-epoch">
            {run.status === 'QUEUED' ? t('page.queuedNote', { ahead: run.runsAhead ?? 0 })
              : t('page.epochOf', { epoch: run.currentEpoch, total: run.totalEpochs })}
            {run.cancelRequested && active && ` · ${t('page.cancelRequested')}`}
          </span>
        </div>
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100}
          aria-valuenow={Math.round(run.progress * 100)}>
          <span style={{ width: `${Math.round(run.progress * 100)}%` }} />
        </div>
        {run.status === 'FAILED' && (
          <div className="form-error run-error" data-testid="run-error">
            <strong>{t('page.failedTitle')}</strong>
            {run.errorCode && t.has(`errorCodes.${run.errorCode}`) && (
              <p>{t(`errorCodes.${run.errorCode}` as 'errorCodes.worker_lost')}</p>
            )}
            <p>{t('page.errorDetail', { message: run.error ?? '' })}</p>
            {run.errorCode && (
              <p className="small">{t('page.errorCode', { code: run.errorCode })}</p>
            )}
          </div>
        )}
        {actionError && <p className="form-error" role="alert">{actionError}</p>}
        <div className="actions">
          {active && can.cancel && !run.cancelRequested && (
            <button className="button danger" onClick={() => act('cancel')}
              data-testid="cancel-run">{t('page.cancel')}</button>
          )}
          {!active && can.launch && (
            <button className="button" onClick={() => act('rerun')} data-testid="run-again">
              {t('page.runAgain')}</button>
          )}
          {run.status === 'SUCCEEDED' && <>
            <a className="button" href={`/api/runs/${run.id}/report`} download>
              {t('page.downloadReport')}</a>
            <Link className="button" href={`/runs/${run.id}/report`}>{t('page.printable')}</Link>
            {can.downloadModel && <>
              <a className="button" href={`/api/runs/${run.id}/model/model.json`} download>
                {t('page.downloadModel')}</a>
              <a className="button" href={`/api/runs/${run.id}/model/weights.bin`} download>
                {t('page.downloadWeights')}</a>
            </>}
          </>}
        </div>
      </section>

      <section className="section">
        <h2>{t('page.curves')}</h2>
        <LearningCurves history={run.history} />
      </section>

      {run.metrics && (
        <section className="section">
          <h2>{t('page.evaluation')}</h2>
          <EvaluationView report={run.metrics} />
          <h3>{t('page.misclassified')}</h3>
          {can.viewSamples ? <MisclassifiedGallery runId={run.id} />
            : <p className="muted">{t('page.samplesNotAllowed')}</p>}
          {!can.downloadModel && <p className="muted small">{t('page.modelNotAllowed')}</p>}
        </section>
      )}

      {run.reproducibility && (
        <section className="section">
          <h2>{t('page.reproducibility')}</h2>
          <dl className="facts" data-testid="reproducibility">
            <dt>{t('page.seed')}</dt><dd>{run.seed}</dd>
            <dt>{t('page.datasetChecksum')}</dt>
            <dd><code>{run.reproducibility.datasetChecksum}</code></dd>
            <dt>{t('page.backend')}</dt><dd>{run.reproducibility.backend ?? '–'}</dd>
            <dt>{t('page.tfjs')}</dt>
            <dd>{(run.reproducibility.libraryVersions as { tfjs?: string } | null)?.tfjs
              ?? '–'}</dd>
            <dt>{t('page.attempts')}</dt><dd>{run.attempts} / {run.maxAttempts}</dd>
            {run.finishedAt && <><dt>{t('report.finishedAt')}</dt>
              <dd>{format.dateTime(new Date(run.finishedAt), { dateStyle: 'medium',
                timeStyle: 'medium' })}</dd></>}
          </dl>
          <h3>{t('page.config')}</h3>
          <pre className="config">{JSON.stringify(run.reproducibility.config, null, 2)}</pre>
        </section>
      )}
    </>
  )
}
