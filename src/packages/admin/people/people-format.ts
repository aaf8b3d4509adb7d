import type { z } from 'zod'
import type { PersonView } from '../../../../core/people'
import { ROLE_LABELS, type Role } from '../../../../core/types'
import { maskPhone } from '../../../../core/volunteer/profile'
import { chinaDate, chinaInstant } from '../../../utils/china-time'

/** The people page's display rules: role chips, masked phones, ban lines, the ban's dates, form checks. */

/** Role chips in the order people think of them, each with its tag colour; 居民 goes without saying. */
const ROLE_ORDER: Role[] = ['admin', 'grid_manager', 'organizer', 'volunteer']
const ROLE_TAG: Record<Role, string> = { admin: 'red', grid_manager: 'blue', organizer: 'orange', volunteer: 'green', citizen: '' }

export function roleChips (roles: readonly Role[]): Array<{ role: Role; label: string; tag: string }> {
  const shown = ROLE_ORDER.filter((r) => roles.includes(r))
  return (shown.length ? shown : ['citizen' as Role]).map((role) => ({ role, label: ROLE_LABELS[role], tag: ROLE_TAG[role] }))
}

/** The list shows 138****0001; the sheet shows the whole number (the office may see it). */
export const phoneText = (p: Pick<PersonView, 'phone'>, whole: boolean): string =>
  p.phone ? (whole ? p.phone : maskPhone(p.phone)) : '未登记'

/** 2026年12月5日 (China day) of an instant. */
export function dayText (iso: string): string {
  const [y, m, d] = chinaDate(iso).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

export const banLine = (p: Pick<PersonView, 'reportBan'>): string | null =>
  p.reportBan ? `暂停上报至 ${dayText(p.reportBan.until)}` : null

export const gridsLine = (p: Pick<PersonView, 'grids'>): string =>
  p.grids.length === 0 ? '' : p.grids.length <= 3 ? p.grids.map((g) => g.name).join('、') : `${p.grids.slice(0, 3).map((g) => g.name).join('、')} 等 ${p.grids.length} 个网格`

const DAY_MS = 86_400_000

/** The days a ban may end on: from tomorrow to a year ahead (the server allows 366 days from now); a week by default. */
export function banDays (nowMs: number): { start: string; end: string; initial: string } {
  const day = (ms: number) => chinaDate(new Date(ms).toISOString())
  return { start: day(nowMs + DAY_MS), end: day(nowMs + 365 * DAY_MS), initial: day(nowMs + 7 * DAY_MS) }
}

/** A ban runs to the end of the day picked, China time. */
export const banUntil = (day: string): string => chinaInstant(day, '23:59')

/** The first problem a form's schema finds: its field (for the message beside it) and its words. */
export function firstIssue<S extends z.ZodType> (schema: S, value: unknown): { ok: true; data: z.output<S> } | { ok: false; field: string; message: string } {
  const r = schema.safeParse(value)
  if (r.success) return { ok: true, data: r.data }
  const issue = r.error.issues[0]
  return { ok: false, field: String(issue?.path[0] ?? ''), message: issue?.message ?? '请检查填写的内容' }
}
