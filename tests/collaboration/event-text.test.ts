import { describe, expect, it } from 'vitest'
import { fillTemplate, parameterText } from '@/lib/notifications/render'

const day = (date: Date) =>
  new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'UTC' }).format(date)

describe('event text', () => {
  it('shows a recorded day in the reader\'s language, not as YYYY-MM-DD', () => {
    const value = parameterText({}, day)

    const text = fillTemplate('实习截至 {endDate}。', { endDate: '2027-03-03' }, value)

    expect(text).toBe('实习截至 2027年3月3日。')
  })

  it('names enum values and leaves other parameters as they are', () => {
    const value = parameterText({ SIGNED: '已签署' }, day)

    const text = fillTemplate('{title}: {status} ({count})',
      { title: 'Licence 2027-03', status: 'SIGNED', count: 3 }, value)

    expect(text).toBe('Licence 2027-03: 已签署 (3)')
  })
})
