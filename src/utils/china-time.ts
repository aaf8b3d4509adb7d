/**
 * Dates and times as the city reads them: China time (UTC+8) whatever the phone's, the computer's or the test
 * machine's zone, so what the office or an organiser picks is what residents and volunteers read. Shared by the
 * subpackages' pages (a subpackage cannot load another's modules on WeChat; this one sits with the main package).
 */

export const CHINA_OFFSET_MS = 8 * 3_600_000
const pad = (n: number) => String(n).padStart(2, '0')

/** A Date whose UTC fields are the China-time fields of `iso`. */
export const china = (iso: string): Date => new Date(Date.parse(iso) + CHINA_OFFSET_MS)

/** 'YYYY-MM-DD' in China time, as Picker mode=date wants it; '' for no time. */
export function chinaDate (iso: string): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return ''
  const d = china(iso)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** 'HH:mm' in China time, as Picker mode=time wants it. */
export function chinaTime (iso: string): string {
  const d = china(iso)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** The instant of a China-time date and time ('HH:mm') as the server's ISO; '' when they are not a time (the schema then names the field). */
export function chinaInstant (date: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return ''
  const ms = Date.parse(`${date}T${time}:00+08:00`)
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString()
}
