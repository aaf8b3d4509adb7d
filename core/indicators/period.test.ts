import { addDays, daysBetween, isDayKey, periodKey, periodLabel, periodOf, periodsIn, wholePeriod } from './period'

describe('indicator periods in China days', () => {
  it('knows real days', () => {
    expect(isDayKey('2026-02-28')).toBe(true)
    expect(isDayKey('2026-02-30')).toBe(false)
    expect(isDayKey('2026-2-3')).toBe(false)
  })

  it('finds the whole week (Monday first), month, quarter and year of a day', () => {
    // 2026-12-01 is a Tuesday.
    expect(periodOf('week', '2026-12-01')).toEqual({ fromDay: '2026-11-30', toDay: '2026-12-06' })
    expect(periodOf('week', '2026-12-06')).toEqual({ fromDay: '2026-11-30', toDay: '2026-12-06' })
    expect(periodOf('month', '2024-02-10')).toEqual({ fromDay: '2024-02-01', toDay: '2024-02-29' })
    expect(periodOf('quarter', '2026-11-15')).toEqual({ fromDay: '2026-10-01', toDay: '2026-12-31' })
    expect(periodOf('year', '2026-07-01')).toEqual({ fromDay: '2026-01-01', toDay: '2026-12-31' })
    expect(periodKey('month', '2026-12-31')).toBe('2026-12-01')
  })

  it('tells a whole period from a custom window', () => {
    expect(wholePeriod('2026-12-01', '2026-12-01')).toBe('day')
    expect(wholePeriod('2026-11-30', '2026-12-06')).toBe('week')
    expect(wholePeriod('2026-12-01', '2026-12-31')).toBe('month')
    expect(wholePeriod('2026-10-01', '2026-12-31')).toBe('quarter')
    expect(wholePeriod('2026-01-01', '2026-12-31')).toBe('year')
    expect(wholePeriod('2026-12-02', '2026-12-31')).toBeNull()
  })

  it('splits a window into periods, its ends clipped and marked', () => {
    expect(periodsIn('month', '2026-10-15', '2026-12-10')).toEqual([
      { fromDay: '2026-10-15', toDay: '2026-10-31', whole: false },
      { fromDay: '2026-11-01', toDay: '2026-11-30', whole: true },
      { fromDay: '2026-12-01', toDay: '2026-12-10', whole: false }
    ])
    expect(periodsIn('day', '2026-12-01', '2026-12-03').map((p) => p.fromDay)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03'])
  })

  it('counts and steps days, and names periods as the office says them', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(daysBetween('2026-12-01', '2026-12-31')).toBe(31)
    expect(daysBetween('2026-12-02', '2026-12-01')).toBe(0)
    expect(periodLabel('2026-12-01', '2026-12-31')).toBe('2026年12月')
    expect(periodLabel('2026-10-01', '2026-12-31')).toBe('2026年第4季度')
    expect(periodLabel('2026-11-30', '2026-12-06')).toBe('11月30日–12月6日（周）')
    expect(periodLabel('2026-12-02', '2026-12-09')).toBe('2026年12月2日–12月9日')
  })
})
