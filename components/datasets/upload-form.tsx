'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'

export type UploadFormLabels = Record<
  | 'format' | 'formatIdx' | 'formatCsv' | 'formatZip' | 'name' | 'description' | 'source'
  | 'licence' | 'sensitivity' | 'intendedUse' | 'projectLevel' | 'terms' | 'trainImages'
  | 'trainLabels' | 'testImages' | 'testLabels' | 'idxHint' | 'csvTrain' | 'csvTest'
  | 'labelColumn' | 'testFraction' | 'seed' | 'archive' | 'imageSize' | 'colour' | 'grey'
  | 'rgb' | 'zipHint' | 'csvHint' | 'submit' | 'uploading' | 'processing' | 'failed'
  | 'classes' | 'limit', string>

type Props = {
  url: string
  labels: UploadFormLabels
  /** Translated names of the sensitivity and access levels, by enum value. */
  sensitivities: Record<string, string>
  levels: Record<string, string>
  /** A sentence in the reader's language for each `error.reason` of a refused upload. */
  reasons: Record<string, string>
  /** Set when the form adds a version to an existing dataset (no name or card). */
  newVersion?: boolean
}

type Format = 'IDX' | 'CSV' | 'IMAGE_ZIP'

/**
 * Uploads with XMLHttpRequest rather than fetch: only XHR reports upload progress,
 * which a 1 GB dataset needs. The server validates everything; this only shows it.
 */
export function UploadForm({ url, labels, sensitivities, levels, reasons, newVersion }: Props) {
  const router = useRouter()
  const [format, setFormat] = useState<Format>('IDX')
  const [progress, setProgress] = useState<number | null>(null)
  // What went wrong in the reader's language, with the server's exact finding beneath it.
  const [error, setError] = useState<{ headline: string; detail?: string } | null>(null)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    for (const [key, value] of [...form.entries()]) {
      if (value === '' || (value instanceof File && value.size === 0 && !value.name)) {
        form.delete(key)
      }
    }
    const request = new XMLHttpRequest()
    request.open('POST', url)
    request.upload.onprogress = (e) => { if (e.lengthComputable) setProgress(e.loaded / e.total) }
    request.onload = () => {
      const body = JSON.parse(request.responseText || '{}')
      if (request.status === 201) {
        router.push(`/datasets/${body.dataset.id}`)
        router.refresh()
        return
      }
      setProgress(null)
      const reason = body.error?.reason ??
        (body.error?.code === 'unprocessable_entity' ? 'invalid_fields' : undefined)
      setError({ headline: reasons[reason] ?? labels.failed, detail: body.error?.message })
    }
    request.onerror = () => { setProgress(null); setError({ headline: labels.failed }) }
    setError(null)
    setProgress(0)
    request.send(form)
  }

  const file = (name: string, label: string, accept?: string) => (
    <label key={name}>{label}
      <input type="file" name={name} accept={accept} required data-testid={`file-${name}`} />
    </label>
  )

  return (
    <form onSubmit={submit} className="form" data-testid="upload-form">
      <label>{labels.format}
        <select name="format" value={format} data-testid="upload-format"
          onChange={(e) => setFormat(e.target.value as Format)}>
          <option value="IDX">{labels.formatIdx}</option>
          <option value="CSV">{labels.formatCsv}</option>
          <option value="IMAGE_ZIP">{labels.formatZip}</option>
        </select>
      </label>
      {!newVersion && <>
        <label>{labels.name}<input name="name" required maxLength={120}
          data-testid="upload-name" /></label>
        <label>{labels.description}<textarea name="description" rows={3} /></label>
        <div className="form-row">
          <label>{labels.source}<input name="source" /></label>
          <label>{labels.licence}<input name="licence" /></label>
        </div>
        <div className="form-row">
          <label>{labels.sensitivity}
            <select name="sensitivity" defaultValue="INTERNAL">
              {Object.entries(sensitivities).map(([value, label]) =>
                <option key={value} value={value}>{label}</option>)}
            </select>
          </label>
          <label>{labels.projectLevel}
            <select name="projectLevel" defaultValue="DOWNLOAD" data-testid="upload-project-level">
              {Object.entries(levels).map(([value, label]) =>
                <option key={value} value={value}>{label}</option>)}
            </select>
          </label>
        </div>
        <label>{labels.intendedUse}<textarea name="intendedUse" rows={2} /></label>
        <label>{labels.terms}<textarea name="terms" rows={3} data-testid="upload-terms" /></label>
      </>}

      {format === 'IDX' && <fieldset>
        <p className="muted">{labels.idxHint}</p>
        {file('trainImages', labels.trainImages)}
        {file('trainLabels', labels.trainLabels)}
        {file('testImages', labels.testImages)}
        {file('testLabels', labels.testLabels)}
        <label>{labels.classes}<input type="number" name="classes" min={2} max={256} /></label>
      </fieldset>}
      {format === 'CSV' && <fieldset>
        <p className="muted">{labels.csvHint}</p>
        {file('train', labels.csvTrain, '.csv,text/csv')}
        <label>{labels.csvTest}<input type="file" name="test" accept=".csv,text/csv" /></label>
        <div className="form-row">
          <label>{labels.labelColumn}<input name="labelColumn" placeholder="label" /></label>
          <label>{labels.testFraction}
            <input type="number" name="testFraction" step="0.05" min="0.05" max="0.9"
              defaultValue="0.2" /></label>
          <label>{labels.seed}<input type="number" name="seed" defaultValue="42" /></label>
        </div>
      </fieldset>}
      {format === 'IMAGE_ZIP' && <fieldset>
        <p className="muted">{labels.zipHint}</p>
        {file('archive', labels.archive, '.zip,application/zip')}
        <div className="form-row">
          <label>{labels.imageSize}
            <input type="number" name="imageSize" min={4} max={256} defaultValue={28} /></label>
          <label>{labels.colour}
            <select name="colour" defaultValue="grey">
              <option value="grey">{labels.grey}</option>
              <option value="rgb">{labels.rgb}</option>
            </select></label>
          <label>{labels.testFraction}
            <input type="number" name="testFraction" step="0.05" min="0.05" max="0.9"
              defaultValue="0.2" /></label>
          <label>{labels.seed}<input type="number" name="seed" defaultValue="42" /></label>
        </div>
      </fieldset>}

      <p className="muted">{labels.limit}</p>
      {progress !== null && (
        <div className="upload-progress" data-testid="upload-progress">
          <progress value={progress} max={1} />
          <span>{progress < 1 ? `${labels.uploading} ${Math.round(progress * 100)}%`
            : labels.processing}</span>
        </div>
      )}
      <button type="submit" className="button primary" disabled={progress !== null}
        data-testid="upload-submit">{labels.submit}</button>
      {error && (
        <p className="form-error" role="status" data-testid="upload-error">
          <strong>{error.headline}</strong>
          {error.detail && <span className="error-detail" lang="en">{error.detail}</span>}
        </p>
      )}
    </form>
  )
}
