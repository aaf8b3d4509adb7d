import dayjs from 'dayjs'
import type { Survey } from '../../../../core/types'

/** 填写时间: the survey's window as residents read dates (11月1日 – 12月31日; the year only when it is not this one). */
export function windowText (s: Pick<Survey, 'opensAt' | 'closesAt'>, nowMs = Date.now()): string {
  return `${dayText(s.opensAt, nowMs)} – ${dayText(s.closesAt, nowMs)}`
}

/** A day as residents read it: 12月31日, with the year only when it is not this one. */
export function dayText (iso: string, nowMs = Date.now()): string {
  return dayjs(iso).format(dayjs(iso).year() === dayjs(nowMs).year() ? 'M月D日' : 'YYYY年M月D日')
}

/** Results are published once the survey is closed or its window has passed (the server's `result` says the same). */
export function resultsOut (s: Pick<Survey, 'status' | 'closesAt'>, nowMs = Date.now()): boolean {
  return s.status === 'closed' || nowMs > Date.parse(s.closesAt)
}

/** Not open yet: its window is still ahead. */
export function notOpenYet (s: Pick<Survey, 'opensAt'>, nowMs = Date.now()): boolean {
  return nowMs < Date.parse(s.opensAt)
}
