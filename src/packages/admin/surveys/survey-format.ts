import type { Survey } from '../../../../core/types'
import { china, chinaDate, chinaInstant, chinaTime } from '../../../utils/china-time'

export { chinaDate, chinaInstant, chinaTime }

/**
 * How the office's survey pages write a survey's window and state. Dates are China time (UTC+8) whatever the
 * computer's zone, so the day the office picks is the day residents read. (The China-time basics are in
 * src/utils/china-time.ts.)
 */


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
