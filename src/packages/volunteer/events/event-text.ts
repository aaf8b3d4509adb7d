import dayjs from 'dayjs'
import type { EventView } from '../../../../core/views'

/** Page-only wording shared by the events list and the event detail (no business rules here: the server decides). */

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

export const KIND_LABELS: Record<EventView['kind'], string> = { service: '志愿服务', training: '培训' }

/** 12月4日 周五 09:00–12:00 (the end's date too when the event runs past midnight). */
export function whenText (e: Pick<EventView, 'startAt' | 'endAt'>): string {
  const start = dayjs(e.startAt)
  const end = dayjs(e.endAt)
  const endText = end.isSame(start, 'day') ? end.format('HH:mm') : end.format('M月D日 HH:mm')
  return `${start.format('M月D日')} ${WEEKDAYS[start.day()]} ${start.format('HH:mm')}–${endText}`
}

/** 已报 3/30 · 剩 27 个名额, or that it is full and whether one may still wait. */
export function placesText (e: Pick<EventView, 'taken' | 'capacity' | 'placesLeft' | 'waitlistEnabled' | 'waitlistLength'>): string {
  const head = `已报 ${e.taken}/${e.capacity}`
  if (e.placesLeft > 0) return `${head} · 剩 ${e.placesLeft} 个名额`
  if (!e.waitlistEnabled) return `${head} · 名额已满`
  return `${head} · 名额已满，可候补${e.waitlistLength > 0 ? `（已有 ${e.waitlistLength} 人候补）` : ''}`
}

/** 距你 800 米 / 距你 1.2 公里; null when the list was not asked near a point. */
export function distanceText (metres: number | null): string | null {
  if (metres === null || !Number.isFinite(metres)) return null
  if (metres < 1000) return `距你 ${Math.max(10, Math.round(metres / 10) * 10)} 米`
  return `距你 ${(metres / 1000).toFixed(1)} 公里`
}

/** Each required training with whether this person holds it (the server lists the ones missing). */
export function requirements (e: Pick<EventView, 'requiredTrainings' | 'missingTrainings'>): Array<{ topic: string; met: boolean }> {
  return e.requiredTrainings.map((topic) => ({ topic, met: !e.missingTrainings.includes(topic) }))
}

/** 还剩 3 小时 05 分 / 还剩 4 分 08 秒: the time left to answer an offer; null once it has passed. */
export function countdownText (deadlineIso: string, nowMs: number): string | null {
  const left = Math.floor((Date.parse(deadlineIso) - nowMs) / 1000)
  if (!(left > 0)) return null
  const h = Math.floor(left / 3600)
  const m = Math.floor((left % 3600) / 60)
  const s = left % 60
  const two = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `还剩 ${h} 小时 ${two(m)} 分` : `还剩 ${m} 分 ${two(s)} 秒`
}

/** 12月3日 09:00 */
export const dayTime = (iso: string): string => dayjs(iso).format('M月D日 HH:mm')

/** Hours to one decimal without a trailing .0: 3, 2.5. */
export const hoursText = (h: number): string => String(Math.round(h * 10) / 10)
