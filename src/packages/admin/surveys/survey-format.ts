import type { Survey } from '../../../../core/types'

/**
 * How the office's survey pages write a survey's window and state. Dates are China time (UTC+8) whatever the
 * computer's zone, so the day the office picks is the day residents read. (Kept inside the admin package: a
 * subpackage cannot load another's modules on WeChat.)
 */

const CHINA_OFFSET_MS = 8 * 3_600_000
const pad = (n: number) => String(n).padStart(2, '0')
const china = (iso: string) => new Date(Date.parse(iso) + CHINA_OFFSET_MS)

/** 'YYYY-MM-DD' in China time, as Picker mode=date wants it; '' for no time. */
export function chinaDate (iso: string): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return ''
  const d = china(iso)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** The instant of a China-time date and time ('HH:mm') as the server's ISO; '' when they are not a time (the schema then names the field). */
export function chinaInstant (date: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return ''
  const ms = Date.parse(`${date}T${time}:00+08:00`)
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString()
}

/** 2026年5月1日 */
export function dayText (iso: string): string {
  const d = china(iso)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** 2026年5月1日 至 5月31日 (the year once when both ends share it). */
export function windowText (s: Pick<Survey, 'opensAt' | 'closesAt'>): string {
  const a = china(s.opensAt)
  const b = china(s.closesAt)
  const end = a.getUTCFullYear() === b.getUTCFullYear() ? `${b.getUTCMonth() + 1}月${b.getUTCDate()}日` : dayText(s.closesAt)
  return `${dayText(s.opensAt)} 至 ${end}`
}

/** What the office's list shows: a published survey before its window reads 未开始, after it 已结束. */
export type SurveyPhase = 'draft' | 'scheduled' | 'open' | 'ended'

export function surveyPhase (s: Pick<Survey, 'status' | 'opensAt' | 'closesAt'>, nowMs: number): SurveyPhase {
  if (s.status === 'draft') return 'draft'
  if (s.status === 'closed' || Date.parse(s.closesAt) < nowMs) return 'ended'
  return Date.parse(s.opensAt) > nowMs ? 'scheduled' : 'open'
}

export const PHASE_LABELS: Record<SurveyPhase, string> = { draft: '草稿', scheduled: '未开始', open: '进行中', ended: '已结束' }
export const PHASE_TAGS: Record<SurveyPhase, string> = { draft: 'orange', scheduled: 'blue', open: 'green', ended: '' }

export const versionText = (s: Pick<Survey, 'version'>): string => `第 ${s.version ?? 1} 版`

/** 有效答卷 58 份（另有测试 2 份，不计入） */
export function answersText (counted: number, tests: number): string {
  return `有效答卷 ${counted} 份${tests > 0 ? `（另有测试 ${tests} 份，不计入）` : ''}`
}
