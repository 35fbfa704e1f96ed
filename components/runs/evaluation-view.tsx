import { useFormatter, useTranslations } from 'next-intl'
import type { EvaluationReport } from '@/lib/runs/worker-protocol'

/** The metrics table, per-class precision / recall / F1 and the confusion-matrix heat map. */
export function EvaluationView({ report }: { report: EvaluationReport }) {
  const t = useTranslations('runs.page')
  const format = useFormatter()
  const percent = (value: number) =>
    format.number(value, { style: 'percent', maximumFractionDigits: 2 })
  const decimal = (value: number, digits = 4) =>
    format.number(value, { maximumFractionDigits: digits })

  return (
    <div data-testid="evaluation">
      <table className="data metrics-table" data-testid="metrics-table">
        <thead><tr><th>{t('metric')}</th><th className="num">{t('value')}</th></tr></thead>
        <tbody>
          <tr><td>{t('testAccuracy')}</td>
            <td className="num" data-testid="test-accuracy">{percent(report.accuracy)}</td></tr>
          <tr><td>{t('testLoss')}</td><td className="num">{decimal(report.loss)}</td></tr>
          <tr><td>{t('macroF1')}</td><td className="num">{decimal(report.macroF1)}</td></tr>
          <tr><td>{t('trainSamples')}</td>
            <td className="num">{format.number(report.trainSamples)}</td></tr>
          <tr><td>{t('testSamples')}</td>
            <td className="num">{format.number(report.testSamples)}</td></tr>
          <tr><td>{t('trainSeconds')}</td>
            <td className="num">
              {t('seconds', { value: decimal(report.trainSeconds, 2) })}</td></tr>
          <tr><td>{t('throughput')}</td><td className="num">
            {t('samplesPerSecond', { value: format.number(Math.round(report.samplesPerSecond)) })}
          </td></tr>
        </tbody>
      </table>

      <div className="grid-2">
        <div>
          <h3>{t('perClass')}</h3>
          <table className="data" data-testid="per-class-table">
            <thead>
              <tr><th>{t('class')}</th><th className="num">{t('precision')}</th>
                <th className="num">{t('recall')}</th><th className="num">{t('f1')}</th>
                <th className="num">{t('support')}</th></tr>
            </thead>
            <tbody>
              {report.perClass.map((row) => (
                <tr key={row.label}>
                  <td>{row.label}</td>
                  <td className="num">{decimal(row.precision, 3)}</td>
                  <td className="num">{decimal(row.recall, 3)}</td>
                  <td className="num">{decimal(row.f1, 3)}</td>
                  <td className="num">{row.support}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3>{t('confusion')}</h3>
          <ConfusionHeatMap matrix={report.confusionMatrix} />
          <p className="muted small">{t('confusionHint')}</p>
        </div>
      </div>
    </div>
  )
}

/** Each cell shaded by its share of its true class (row), so every row reads alike. */
function ConfusionHeatMap({ matrix }: { matrix: number[][] }) {
  const t = useTranslations('runs.page')
  return (
    <table className="heatmap" data-testid="confusion-matrix">
      <thead>
        <tr><th />{matrix.map((_, label) => <th key={label} scope="col">{label}</th>)}</tr>
      </thead>
      <tbody>
        {matrix.map((row, label) => {
          const total = row.reduce((sum, count) => sum + count, 0) || 1
          return (
            <tr key={label}>
              <th scope="row" title={t('trueClass', { label })}>{label}</th>
              {row.map((count, predicted) => {
                const share = count / total
                const hue = label === predicted ? 220 : 8
                return (
                  <td key={predicted} title={`${label} → ${predicted}: ${count}`}
                    style={{ background: share === 0 ? 'transparent'
                      : `hsl(${hue} 75% ${95 - share * 55}%)`,
                    color: share > 0.6 ? '#fff' : undefined }}>
                    {count || ''}
                  </td>
                )
              })}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
