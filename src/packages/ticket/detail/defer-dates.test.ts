import { addDays, chinaDay, dayText, deferDays, endOfChinaDay } from './defer-dates'

describe('缓办 dates, in China time', () => {
  const at = (iso: string) => Date.parse(iso)

  it('counts the day in China, not in the machine\'s zone', () => {
    expect(chinaDay('2026-11-20T16:30:00.000Z')).toBe('2026-11-21')
    expect(endOfChinaDay('2026-12-05')).toBe('2026-12-05T15:59:59.000Z')
    expect(endOfChinaDay('12月5日')).toBe('')
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04')
  })

  it('offers the day after the deadline to the last day within 180 days, starting a week past the deadline', () => {
    expect(deferDays('2026-11-20T00:00:00.000Z', at('2026-11-18T02:00:00.000Z'))).toEqual({ start: '2026-11-21', end: '2027-05-16', initial: '2026-11-27', open: true })
  })

  it('on an overdue ticket starts today and a week from today', () => {
    expect(deferDays('2026-11-01T00:00:00.000Z', at('2026-11-18T02:00:00.000Z'))).toMatchObject({ start: '2026-11-18', initial: '2026-11-25' })
  })

  it('keeps the first day shown inside the range, and says when no day is left', () => {
    expect(deferDays('2027-05-12T00:00:00.000Z', at('2026-11-18T02:00:00.000Z'))).toEqual({ start: '2027-05-13', end: '2027-05-16', initial: '2027-05-16', open: true })
    expect(deferDays('2027-05-17T00:00:00.000Z', at('2026-11-18T02:00:00.000Z')).open).toBe(false)
  })

  it('writes the year only when it is not this year', () => {
    const now = at('2026-11-18T02:00:00.000Z')
    expect(dayText('2026-12-05T15:59:59.000Z', now)).toBe('12月5日')
    expect(dayText('2027-01-04', now)).toBe('2027年1月4日')
  })
})
