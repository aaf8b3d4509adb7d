import type { EventKind, VolunteerEvent } from '../../../../core/types'

/**
 * How the organiser's pages write an event's times and state. Times are China time (UTC+8) whatever the phone's
 * or the test machine's zone, so what the organiser picks is what the volunteers read.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const pad = (n: number) => String(n).padStart(2, '0')
const china = (iso: string) => new Date(Date.parse(iso) + CHINA_OFFSET_MS)

/** 'YYYY-MM-DD', as Picker mode=date wants it. */
export function chinaDate (iso: string): string {
  const d = china(iso)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** 'HH:mm', as Picker mode=time wants it. */
export function chinaTime (iso: string): string {
  const d = china(iso)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

export function chinaYear (iso: string): number {
  return china(iso).getUTCFullYear()
}

/** The instant of a date and time picked in China time, as the server's ISO; '' when they are not a time (the schema then names the field). */
export function chinaInstant (date: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return ''
  const ms = Date.parse(`${date}T${time}:00+08:00`)
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString()
}

/** 12月4日 周五 */
export function dayText (iso: string): string {
  const d = china(iso)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}`
}

/** 12月4日 09:30 */
export function dateTimeText (iso: string | null): string {
  if (!iso) return '—'
  const d = china(iso)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${chinaTime(iso)}`
}

/** 12月4日 周五 09:00–12:00 */
export function whenText (e: Pick<VolunteerEvent, 'startAt' | 'endAt'>): string {
  return `${dayText(e.startAt)} ${chinaTime(e.startAt)}–${chinaTime(e.endAt)}`
}

/** What the organiser's list shows: a published event whose end has passed reads 已结束. */
export type EventPhase = 'draft' | 'published' | 'cancelled' | 'ended'

export function eventPhase (e: Pick<VolunteerEvent, 'status' | 'endAt'>, nowMs: number): EventPhase {
  if (e.status === 'published' && Date.parse(e.endAt) <= nowMs) return 'ended'
  return e.status
}

export const PHASE_LABELS: Record<EventPhase, string> = { draft: '草稿', published: '已发布', cancelled: '已取消', ended: '已结束' }
export const PHASE_TAGS: Record<EventPhase, string> = { draft: 'orange', published: 'green', cancelled: 'red', ended: '' }

export const KIND_LABELS: Record<EventKind, string> = { service: '志愿服务', training: '培训' }

/** Hours as people say them: 2, 2.5 (never 2.0 or 2.4999). */
export function hoursText (h: number | null): string {
  return h === null ? '—' : `${Math.round(h * 10) / 10}`
}
