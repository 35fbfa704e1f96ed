'use client'

import { useTranslations } from 'next-intl'
import {
  CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts'
import type { EpochRecord } from '@/lib/runs/worker-protocol'

const COLORS = ['#2456d6', '#d97706', '#059669', '#b91c1c', '#7c3aed', '#0e7490']

/** Each run's accuracy per epoch on one chart: validation where held out, else training. */
export function CompareCurves(props: {
  series: { id: string; name: string; history: EpochRecord[] }[]
}) {
  const t = useTranslations('runs.page')
  const epochs = Math.max(0, ...props.series.map((run) => run.history.length))
  const data = Array.from({ length: epochs }, (_, index) => {
    const point: Record<string, number> = { epoch: index + 1 }
    for (const run of props.series) {
      const record = run.history[index]
      if (record) point[run.id] = record.valAccuracy ?? record.accuracy
    }
    return point
  })

  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#e4e8ee" />
        <XAxis dataKey="epoch" allowDecimals={false} />
        <YAxis domain={['auto', 'auto']} width={48}
          tickFormatter={(value: number) => value.toFixed(2)} />
        <Tooltip formatter={(value) => Number(value).toFixed(4)}
          labelFormatter={(epoch) => `${t('epoch')} ${epoch}`} />
        <Legend />
        {props.series.map((run, index) => (
          <Line key={run.id} dataKey={run.id} name={run.name} stroke={COLORS[index % 6]}
            isAnimationActive={false} dot />
        ))}
      </LineChart>
    </ResponsiveContainer>
  )
}
