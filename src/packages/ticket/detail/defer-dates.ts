import { MAX_DEFER_DAYS } from '../../../../core/tickets/defer'

/**
 * The dates of the 缓办 panel, in China time (UTC+8) whatever the phone's or the test machine's zone: the office
 * picks a day, the ticket is due at the end of that day in 长沙, and the handler and the reporter read the same day.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000
/** From a day's start to its last second, 23:59:59. */
const DAY_END_MS = DAY_MS - 1000
const pad = (n: number) => String(n).padStart(2, '0')
const china = (ms: number) => new Date(ms + CHINA_OFFSET_MS)

/** 'YYYY-MM-DD' of an instant in China, as Picker mode=date wants it. */
export function chinaDay (iso: string | number): string {
  const d = china(typeof iso === 'number' ? iso : Date.parse(iso))
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** The day `days` after a 'YYYY-MM-DD' day (calendar arithmetic, no zone involved). */
export function addDays (day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The last second of a China day, 23:59:59+08:00, as the server's ISO instant; '' when it is not a day (the schema then names it). */
export function endOfChinaDay (day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return ''
  const ms = Date.parse(`${day}T23:59:59+08:00`)
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString()
}

export interface DeferDays {
  /** The first day the picker offers: the day after the deadline, and never before today. */
  start: string
  /** The last day the server accepts: its end of day may be at most MAX_DEFER_DAYS from now. */
  end: string
  /** What the picker shows first: a week past the deadline (a week from today when it is already past), kept inside start…end. */
  initial: string
  /** start ≤ end: a day is left to defer to (not when the deadline is already about MAX_DEFER_DAYS away). */
  open: boolean
}

/**
 * The days the office may defer to. The end is today + MAX_DEFER_DAYS only when its 23:59:59 is still within
 * MAX_DEFER_DAYS of now — otherwise (any time before the last second of the day) the day before, so every day the
 * picker offers is one the server accepts.
 */
export function deferDays (deadlineIso: string, nowMs: number): DeferDays {
  const today = chinaDay(nowMs)
  const deadlineDay = chinaDay(deadlineIso)
  const later = (a: string, b: string) => (a > b ? a : b)
  const start = later(addDays(deadlineDay, 1), today)
  const end = chinaDay(nowMs + MAX_DEFER_DAYS * DAY_MS - DAY_END_MS)
  const wanted = addDays(later(deadlineDay, today), 7)
  const initial = wanted < start ? start : wanted > end ? end : wanted
  return { start, end, initial, open: start <= end }
}

/** 12月27日, with the year when it is not this year's (a deferral may run into the next). */
export function dayText (isoOrDay: string, nowMs: number): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDay) ? isoOrDay : chinaDay(isoOrDay)
  const [y, m, d] = day.split('-').map(Number)
  const md = `${m}月${d}日`
  return String(y) === chinaDay(nowMs).slice(0, 4) ? md : `${y}年${md}`
}
