import { getFormatter, getTranslations } from 'next-intl/server'
import type { buildTimeline } from '@/lib/projects/timeline'

type TimelineData = NonNullable<ReturnType<typeof buildTimeline>>

/** Work packages as bars and milestones as diamonds on one axis; overdue ones in red. */
export async function Timeline({ timeline }: { timeline: TimelineData }) {
  const t = await getTranslations('projects')
  const format = await getFormatter()
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium' })

  return (
    <div className="timeline">
      <div className="timeline-axis muted">
        <span>{date(timeline.from)}</span><span>{date(timeline.to)}</span>
      </div>
      <div className="timeline-body">
        {timeline.today !== null && <div className="timeline-today"
          style={{ left: `${timeline.today}%` }} title={t('timeline.today')} />}
        {timeline.bars.map((bar) => (
          <div key={bar.id} className="timeline-row">
            <div className="timeline-bar" style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
              title={`${bar.title} · ${date(bar.start)} – ${date(bar.end)}`}>
              <span>{bar.title} · {bar.organization}</span>
            </div>
          </div>
        ))}
        <div className="timeline-row timeline-marks">
          {timeline.marks.map((mark) => (
            <span key={mark.id}
              className={mark.overdue ? 'timeline-mark overdue' : 'timeline-mark'}
              style={{ left: `${mark.at}%` }} data-testid="timeline-milestone"
              title={`${mark.title} · ${date(mark.dueDate)}${mark.overdue
                ? ' · ' + t('milestones.overdue') : ''}`}>
              <span className="timeline-label">{mark.title}</span>
            </span>
          ))}
        </div>
      </div>
    </div>
  )
}
