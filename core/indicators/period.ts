/**
 * The periods the campaign's numbers are read for, in China calendar days ('YYYY-MM-DD', UTC+8). A day, an ISO week
 * (Monday to Sunday), a month, a quarter and a year are "whole periods": distinct counts (参与率's people) are kept
 * for exactly these, so any other window is a custom one and says so instead of passing a sum of days as distinct.
 */

export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year'
export const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year']

export const DAY_RE = /^\d{4}-\d{2}-\d{2}$/
const DAY_MS = 86_400_000

/** The China calendar day of an instant. */
export function chinaDayKey (iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)
}

/** A real calendar day (2026-02-30 is not). */
export function isDayKey (day: string): boolean {
  if (!DAY_RE.test(day)) return false
  const d = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day
}

const utc = (day: string) => new Date(`${day}T00:00:00Z`)
const key = (d: Date) => d.toISOString().slice(0, 10)

export function addDays (day: string, n: number): string {
  return key(new Date(utc(day).getTime() + n * DAY_MS))
}

/** Whole days from `from` to `to`, both counted (1 for a single day; 0 when `to` is before `from`). */
export function daysBetween (from: string, to: string): number {
  return Math.max(0, Math.round((utc(to).getTime() - utc(from).getTime()) / DAY_MS) + 1)
}

/** The whole period of `grain` that contains `day`. */
export function periodOf (grain: Grain, day: string): { fromDay: string; toDay: string } {
  const d = utc(day)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth()
  switch (grain) {
    case 'day': return { fromDay: day, toDay: day }
    case 'week': {
      const back = (d.getUTCDay() + 6) % 7
      const fromDay = addDays(day, -back)
      return { fromDay, toDay: addDays(fromDay, 6) }
    }
    case 'month': return { fromDay: key(new Date(Date.UTC(y, m, 1))), toDay: key(new Date(Date.UTC(y, m + 1, 0))) }
    case 'quarter': {
      const q = Math.floor(m / 3) * 3
      return { fromDay: key(new Date(Date.UTC(y, q, 1))), toDay: key(new Date(Date.UTC(y, q + 3, 0))) }
    }
    case 'year': return { fromDay: `${y}-01-01`, toDay: `${y}-12-31` }
  }
}

/** The key a distinct count of `grain` is kept under: the period's first day. */
export function periodKey (grain: Grain, day: string): string {
  return periodOf(grain, day).fromDay
}

/** The grain whose whole period `from..to` is, or null for a custom window. */
export function wholePeriod (fromDay: string, toDay: string): Grain | null {
  for (const g of GRAINS) {
    const p = periodOf(g, fromDay)
    if (p.fromDay === fromDay && p.toDay === toDay) return g
  }
  return null
}

/** The whole periods of `grain` that overlap `from..to`, oldest first, clipped to the window. */
export function periodsIn (grain: Grain, fromDay: string, toDay: string): Array<{ fromDay: string; toDay: string; whole: boolean }> {
  const out: Array<{ fromDay: string; toDay: string; whole: boolean }> = []
  let day = fromDay
  while (day <= toDay) {
    const p = periodOf(grain, day)
    const clipped = { fromDay: p.fromDay < fromDay ? fromDay : p.fromDay, toDay: p.toDay > toDay ? toDay : p.toDay }
    out.push({ ...clipped, whole: clipped.fromDay === p.fromDay && clipped.toDay === p.toDay })
    day = addDays(p.toDay, 1)
  }
  return out
}

/** How a period reads: 12月1日, 第49周 (11月30日–12月6日), 2026年12月, 2026年第4季度, 2026年, or a custom range. */
export function periodLabel (fromDay: string, toDay: string): string {
  const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`
  const y = fromDay.slice(0, 4)
  switch (wholePeriod(fromDay, toDay)) {
    case 'day': return `${y}年${md(fromDay)}`
    case 'week': return `${md(fromDay)}–${md(toDay)}（周）`
    case 'month': return `${y}年${Number(fromDay.slice(5, 7))}月`
    case 'quarter': return `${y}年第${Math.floor((Number(fromDay.slice(5, 7)) - 1) / 3) + 1}季度`
    case 'year': return `${y}年`
    default: return fromDay.slice(0, 4) === toDay.slice(0, 4) ? `${y}年${md(fromDay)}–${md(toDay)}` : `${fromDay}–${toDay}`
  }
}

