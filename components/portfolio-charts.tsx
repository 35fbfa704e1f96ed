'use client'

import {
  Bar, BarChart, CartesianGrid, Cell, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts'

type Slice = { label: string; count: number }

const COLORS = ['#2457d6', '#17803d', '#9a6700', '#b42318', '#6b4fbb', '#0e7490', '#5d6878']

/** The portfolio summary: agreements by status (bars) and by kind (pie). */
export function PortfolioCharts(props: { byStatus: Slice[]; byKind: Slice[];
  statusTitle: string; kindTitle: string }) {
  const kinds = props.byKind.filter((slice) => slice.count > 0)
  return (
    <div className="grid-2" data-testid="portfolio-charts">
      <figure className="chart-box">
        <figcaption>{props.statusTitle}</figcaption>
        <ResponsiveContainer width="100%" height="90%">
          <BarChart data={props.byStatus}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" fontSize={11} interval={0} />
            <YAxis allowDecimals={false} fontSize={11} />
            <Tooltip />
            <Bar dataKey="count" fill="#2457d6" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="chart-box">
        <figcaption>{props.kindTitle}</figcaption>
        <ResponsiveContainer width="100%" height="90%">
          <PieChart>
            <Pie data={kinds} dataKey="count" nameKey="label" outerRadius={80}
              label={({ name, value }) => `${name}: ${value}`} isAnimationActive={false}>
              {kinds.map((slice, index) => (
                <Cell key={slice.label} fill={COLORS[index % COLORS.length]} />
              ))}
            </Pie>
            <Tooltip />
          </PieChart>
        </ResponsiveContainer>
      </figure>
    </div>
  )
}
