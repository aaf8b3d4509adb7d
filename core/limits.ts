import type { Settings } from './settings'

export interface RateBuckets {
  hourKey: string
  dayKey: string
  hourResetsAt: string
  dayResetsAt: string
}

/** Counter keys for a user's reports in the current clock hour and UTC+8 day (the city's day). */
export function reportBuckets (userId: string, nowIso: string): RateBuckets {
  const now = Date.parse(nowIso)
  const hourStart = Math.floor(now / 3_600_000) * 3_600_000
  const cst = 8 * 3_600_000
  const dayStart = Math.floor((now + cst) / 86_400_000) * 86_400_000 - cst
  return {
    hourKey: `rl:report:h:${userId}:${hourStart}`,
    dayKey: `rl:report:d:${userId}:${dayStart}`,
    hourResetsAt: new Date(hourStart + 3_600_000).toISOString(),
    dayResetsAt: new Date(dayStart + 86_400_000).toISOString()
  }
}

export type RateDecision = { ok: true } | { ok: false; retryAt: string; limit: 'hour' | 'day' }

/** After counting this attempt: over the day's limit waits for tomorrow, over the hour's for the next hour. */
export function reportRateDecision (hourCount: number, dayCount: number, s: Pick<Settings, 'reportsPerHour' | 'reportsPerDay'>, b: RateBuckets): RateDecision {
  if (dayCount > s.reportsPerDay) return { ok: false, retryAt: b.dayResetsAt, limit: 'day' }
  if (hourCount > s.reportsPerHour) return { ok: false, retryAt: b.hourResetsAt, limit: 'hour' }
  return { ok: true }
}
