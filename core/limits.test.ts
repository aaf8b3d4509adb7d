import { reportBuckets, reportRateDecision } from './limits'

describe('report rate limits', () => {
  const s = { reportsPerHour: 10, reportsPerDay: 30 }

  it('keys counters by the clock hour and the city day (UTC+8)', () => {
    const b = reportBuckets('u1', '2026-11-20T15:59:00.000Z') // 23:59 in the city
    expect(b.hourResetsAt).toBe('2026-11-20T16:00:00.000Z')
    expect(b.dayResetsAt).toBe('2026-11-20T16:00:00.000Z') // midnight in the city
    expect(reportBuckets('u1', '2026-11-20T16:00:00.000Z').dayKey).not.toBe(b.dayKey)
    expect(reportBuckets('u1', '2026-11-20T15:01:00.000Z').hourKey).toBe(b.hourKey)
  })

  it('allows up to the limits and names when to try again after', () => {
    const b = reportBuckets('u1', '2026-11-20T02:30:00.000Z')
    expect(reportRateDecision(10, 10, s, b)).toEqual({ ok: true })
    expect(reportRateDecision(11, 11, s, b)).toEqual({ ok: false, retryAt: '2026-11-20T03:00:00.000Z', limit: 'hour' })
    expect(reportRateDecision(5, 31, s, b)).toEqual({ ok: false, retryAt: b.dayResetsAt, limit: 'day' })
  })
})
