/** ISO-time arithmetic for the seed: pure, from a given instant (never the wall clock). */

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
/** China Standard Time, for placing events at local hours. */
const CST_OFFSET_MS = 8 * HOUR_MS

export function addHours (iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * HOUR_MS).toISOString()
}

export function addDays (iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString()
}

/** Rounded down to the whole minute: seed times look like times people type. */
export function floorMinute (iso: string): string {
  return new Date(Math.floor(Date.parse(iso) / MINUTE_MS) * MINUTE_MS).toISOString()
}

/** `days` after nowIso's local (CST) calendar day, at hh:mm CST, as a UTC ISO string. */
export function localDayAt (nowIso: string, days: number, hh: number, mm = 0): string {
  const localMidnight = Math.floor((Date.parse(nowIso) + CST_OFFSET_MS) / DAY_MS) * DAY_MS
  return new Date(localMidnight + days * DAY_MS + hh * HOUR_MS + mm * MINUTE_MS - CST_OFFSET_MS).toISOString()
}
