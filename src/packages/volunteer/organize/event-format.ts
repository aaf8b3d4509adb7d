import type { EventKind, VolunteerEvent } from '../../../../core/types'
import { china, chinaDate, chinaInstant, chinaTime } from '../../../utils/china-time'

export { chinaDate, chinaInstant, chinaTime }

/**
 * How the organiser's pages write an event's times and state. Times are China time (UTC+8) whatever the phone's
 * or the test machine's zone, so what the organiser picks is what the volunteers read.
 */

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

export function chinaYear (iso: string): number {
  return china(iso).getUTCFullYear()
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
