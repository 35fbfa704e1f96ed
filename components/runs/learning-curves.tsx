'use client'

import { useTranslations } from 'next-intl'
import {
  CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts'
import type { EpochRecord } from '@/lib/runs/worker-protocol'

const COLORS = { train: '#2456d6', validation: '#d97706' }

/** Loss and accuracy per epoch, training and (when held out) validation. */
export function LearningCurves({ history }: { history: EpochRecord[] }) {
  const t = useTranslations('runs.page')
  if (history.length === 0) return <p className="muted">{t('noCurves')}</p>
  const hasValidation = history.some((record) => record.valAccuracy !== undefined)

  const chart = (kind: 'loss' | 'accuracy') => (
    <figure className="chart" data-testid={`curve-${kind}`}>
      <figcaption>{t(kind)}</figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={history} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#e4e8ee" />
          <XAxis dataKey="epoch" allowDecimals={false} />
          <YAxis domain={kind === 'accuracy' ? [0, 1] : ['auto', 'auto']} width={48}
            tickFormatter={(value: number) => value.toFixed(2)} />
          <Tooltip formatter={(value) => Number(value).toFixed(4)}
            labelFormatter={(epoch) => `${t('epoch')} ${epoch}`} />
          <Legend />
          <Line type="monotone" dataKey={kind} name={t(kind === 'loss' ? 'trainLoss' :
            'trainAccuracy')} stroke={COLORS.train} isAnimationActive={false} dot />
          {hasValidation && (
            <Line type="monotone" dataKey={kind === 'loss' ? 'valLoss' : 'valAccuracy'}
              name={t(kind === 'loss' ? 'valLoss' : 'valAccuracy')} stroke={COLORS.validation}
              isAnimationActive={false} dot />
          )}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  )

  return <div className="grid-2">{chart('loss')}{chart('accuracy')}</div>
}
