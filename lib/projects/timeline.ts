// Positions of milestones and work packages on one horizontal time axis, in percent.
export type TimelineInput = {
  startDate: Date | null
  endDate: Date | null
  milestones: { id: string; title: string; dueDate: Date; status: string }[]
  workPackages: { id: string; title: string; startDate: Date | null; endDate: Date | null;
    organization: string }[]
}

export type TimelineBar = { id: string; title: string; organization: string; left: number;
  width: number; start: Date; end: Date }
export type TimelineMark = { id: string; title: string; at: number; dueDate: Date;
  status: string; overdue: boolean }

const DAY = 86_400_000

export function buildTimeline(input: TimelineInput, now = new Date()) {
  const dates = [
    input.startDate, input.endDate,
    ...input.milestones.map((m) => m.dueDate),
    ...input.workPackages.flatMap((w) => [w.startDate, w.endDate]),
  ].filter((date): date is Date => date instanceof Date)
  if (dates.length === 0) return null

  const from = Math.min(...dates.map((d) => d.getTime()))
  const to = Math.max(from + 30 * DAY, ...dates.map((d) => d.getTime()))
  const position = (date: Date) => ((date.getTime() - from) / (to - from)) * 100

  const bars: TimelineBar[] = input.workPackages
    .filter((w) => w.startDate || w.endDate)
    .map((w) => {
      const start = w.startDate ?? w.endDate!
      const end = w.endDate ?? new Date(to)
      return { id: w.id, title: w.title, organization: w.organization, start, end,
        left: position(start), width: Math.max(1, position(end) - position(start)) }
    })
  const marks: TimelineMark[] = input.milestones.map((m) => ({
    id: m.id, title: m.title, dueDate: m.dueDate, status: m.status, at: position(m.dueDate),
    overdue: m.dueDate < now && !['DONE', 'CANCELLED'].includes(m.status),
  }))
  const today = now.getTime() >= from && now.getTime() <= to ? position(now) : null
  return { from: new Date(from), to: new Date(to), bars, marks, today }
}
