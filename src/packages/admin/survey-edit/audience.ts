import { childAreas, areaName, levelOf, type AreaLevel } from '../../../../core/indicators/areas'
import { AGE_BAND_LABELS, ROLES, ROLE_LABELS, type AgeBand, type Grid, type Role, type SurveyAudience, type SurveyQuota } from '../../../../core/types'

/**
 * The editor's audience and quotas: which areas and roles may answer (core/surveys.ts audienceRefusal reads an area
 * as a grid-code prefix, so a picked area covers all that lies in it) and the quota rows as the office types them.
 */

type GridNames = Pick<Grid, 'code' | 'name' | 'district' | 'street' | 'community'>
/** The parts of the editor's form (form.ts SurveyForm) these read and change. */
interface AudienceParts { asksAge: boolean; audience: SurveyAudience; quotas: QuotaForm[] }

/** 面向人群 as the office offers it: the 文明办's own staff answer as testers, never as an audience. */
export const AUDIENCE_ROLES: Role[] = ['citizen', 'volunteer', 'grid_manager', 'organizer']

export function toggleRole (roles: readonly Role[], role: Role): Role[] {
  const on = roles.includes(role)
  return ROLES.filter((r) => (r === role ? !on : roles.includes(r)))
}

/** The picked area that covers `code` from above (an area it lies in), if any. */
export function coveringArea (picked: readonly string[], code: string): string | null {
  return picked.find((p) => p !== code && code.startsWith(p)) ?? null
}

/**
 * An area picked or unpicked. Picking a parent covers its children, so the picked ones inside it drop out (the list
 * says what is meant, and stays short); an area already covered from above stays as it is.
 */
export function toggleArea (picked: readonly string[], code: string): string[] {
  if (picked.includes(code)) return picked.filter((p) => p !== code)
  if (coveringArea(picked, code)) return picked.slice()
  return [...picked.filter((p) => !p.startsWith(code)), code].sort()
}

/** The areas above `code` (a district, street, community), outermost first: the tree opens down to a picked area. */
export function areasAbove (code: string): string[] {
  return [6, 9, 12].filter((n) => n < code.length).map((n) => code.slice(0, n))
}

/** 雨花区 · 侯家塘街道: an area with the one it lies in (two streets may each have a 新村社区); the code until names are read. */
export function areaLabel (grids: readonly GridNames[] | null, code: string): string {
  if (!grids || !grids.some((g) => g.code.startsWith(code))) return code
  const name = areaName(grids, code)
  return code.length <= 6 ? name : `${areaName(grids, code.slice(0, code.length - 3))} · ${name}`
}

export interface AreaRow {
  code: string
  name: string
  level: AreaLevel
  /** 0 for a district, 3 for a grid. */
  depth: number
  /** A grid has nothing below it. */
  parent: boolean
}

/** The tree's rows as drawn: every district, and below each opened area its children, in code order. */
export function areaRows (grids: readonly GridNames[], opened: ReadonlySet<string>): AreaRow[] {
  const rows: AreaRow[] = []
  const walk = (above: string, depth: number) => {
    for (const code of childAreas(grids, above)) {
      const level = levelOf(code)
      const parent = level !== 'grid'
      rows.push({ code, name: areaName(grids, code), level, depth, parent })
      if (parent && opened.has(code)) walk(code, depth + 1)
    }
  }
  walk('', 0)
  return rows
}

// ── Quotas ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** A quota row as typed: the limit stays the text in its field until it is checked. */
export interface QuotaForm {
  /** The row's own key (React's, and where its messages are kept). */
  key: string
  /** '' until an area is picked. */
  areaCode: string
  ageBand: AgeBand | null
  limit: string
}

/** Where in a row a message shows. */
export type QuotaField = 'area' | 'band' | 'limit'
export const QUOTA_FIELDS: QuotaField[] = ['area', 'band', 'limit']

let keys = 0
const newKey = () => `p${++keys}`

export function quotaForm (q: SurveyQuota): QuotaForm {
  return { key: newKey(), areaCode: q.areaCode, ageBand: q.ageBand, limit: String(q.limit) }
}

/** What the row sends, for the schema to judge: a limit that is not a number stays one the schema refuses. */
export function quotaInput (q: QuotaForm): SurveyQuota {
  const text = q.limit.trim()
  return { areaCode: q.areaCode, ageBand: q.ageBand, limit: text === '' ? Number.NaN : Number(text) }
}

/** What the schema would say in its own terms ("expected number"), said in words first: nothing picked or typed yet. */
export function quotaBlank (q: QuotaForm): { field: QuotaField; message: string } | null {
  if (q.areaCode === '') return { field: 'area', message: '请选择这条配额的区域' }
  if (q.limit.trim() === '') return { field: 'limit', message: '请填写最多收多少份' }
  if (Number.isNaN(Number(q.limit.trim()))) return { field: 'limit', message: '份数请填数字，如 100' }
  return null
}

/** A new row: for the one area the survey is limited to, if it is limited to one (the usual case). */
export function addQuota<F extends AudienceParts> (f: F): F {
  const areaCode = f.audience.areaCodes.length === 1 ? f.audience.areaCodes[0] : ''
  return { ...f, quotas: [...f.quotas, { key: newKey(), areaCode, ageBand: null, limit: '' }] }
}

export function setQuota<F extends AudienceParts> (f: F, key: string, patch: Partial<Omit<QuotaForm, 'key'>>): F {
  return { ...f, quotas: f.quotas.map((q) => (q.key === key ? { ...q, ...patch } : q)) }
}

export function removeQuota<F extends AudienceParts> (f: F, key: string): F {
  return { ...f, quotas: f.quotas.filter((q) => q.key !== key) }
}

/** 雨花区 · 不限年龄 · 100 份 */
export function quotaText (grids: readonly GridNames[] | null, q: QuotaForm): string {
  const limit = q.limit.trim()
  return [q.areaCode ? areaLabel(grids, q.areaCode) : '未选区域', q.ageBand ? AGE_BAND_LABELS[q.ageBand] : '不限年龄', limit ? `${limit} 份` : '未填份数'].join(' · ')
}

/**
 * Why a row, though valid, would never count an answer: its area lies outside the areas the survey is for, or it
 * names an age band nobody gives (no 年龄段筛选) or one the survey does not take. Said beside it, never refused.
 */
export function quotaUnused (f: AudienceParts, q: QuotaForm): string | null {
  const areas = f.audience.areaCodes
  if (q.areaCode && areas.length > 0 && !areas.some((a) => q.areaCode.startsWith(a))) return '这个区域不在「面向区域」内，那里的人不能作答，这条配额用不上'
  if (q.ageBand && !f.asksAge) return '没有开启「年龄段筛选」，居民不选年龄段，按年龄段的配额用不上'
  if (q.ageBand && f.audience.ageBands.length > 0 && !f.audience.ageBands.includes(q.ageBand)) return `「${AGE_BAND_LABELS[q.ageBand]}」不在可作答的年龄段内，这条配额用不上`
  return null
}

/** 当前：限定 2 个区域、限定 1 类人群、配额 3 条 */
export function audienceSummary (f: AudienceParts): string {
  const bands = f.asksAge ? f.audience.ageBands.length : 0
  const parts = [
    f.audience.areaCodes.length ? `限定 ${f.audience.areaCodes.length} 个区域` : '',
    f.audience.roles.length ? `限定 ${f.audience.roles.length} 类人群` : '',
    bands ? `限定 ${bands} 个年龄段` : '',
    f.quotas.length ? `配额 ${f.quotas.length} 条` : ''
  ].filter(Boolean)
  return parts.length ? `当前：${parts.join('、')}` : '当前：所有人都能作答，不设配额'
}

export const rolesText = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join('、')
