import { GRAINS, addDays, chinaDayKey, periodOf, periodsIn, type Grain } from '../../../../core/indicators/period'
import { MAX_TREND_POINTS } from '../../../../core/schemas'
import type { HoursView, IndicatorRowView, RateView } from '../../../../core/views'
import type { RateIndicator } from '../../../components/indicator-card'

/** The dashboard's own reading of the figures: which window, which grain, which order, which colour. Page-only. */

export type PeriodMode = Grain | 'custom'

export const MODE_LABELS: Record<PeriodMode, string> = { day: '日', week: '周', month: '月', quarter: '季', year: '年', custom: '自定义' }
export const MODES: readonly PeriodMode[] = [...GRAINS, 'custom']

export interface PeriodChoice {
  mode: PeriodMode
  fromDay: string
  toDay: string
}

/** Today in China (the campaign's calendar), whatever the device's time zone. */
export function chinaToday (now = Date.now()): string {
  return chinaDayKey(new Date(now).toISOString())
}

/** The dashboard opens on this month. */
export function initialPeriod (today: string): PeriodChoice {
  return { mode: 'month', ...periodOf('month', today) }
}

/** Another grain: the period of that grain holding the end of the current window (or today, if that is later). */
export function switchMode (p: PeriodChoice, mode: PeriodMode, today: string): PeriodChoice {
  if (mode === 'custom') return { ...p, mode }
  const anchor = p.toDay > today ? today : p.toDay
  return { mode, ...periodOf(mode, anchor) }
}

/** The period before (-1) or after (+1), or null: a custom window does not step, and nothing steps into the future. */
export function stepPeriod (p: PeriodChoice, dir: -1 | 1, today: string): PeriodChoice | null {
  if (p.mode === 'custom') return null
  const next = periodOf(p.mode, dir < 0 ? addDays(p.fromDay, -1) : addDays(p.toDay, 1))
  if (next.fromDay > today) return null
  return { mode: p.mode, ...next }
}

/**
 * The grain a window's trend is drawn in: a month (or a week, or a day) by day, a quarter by week, a year by month;
 * a custom window in the finest grain that gives at most two months of points.
 */
export function trendGrain (fromDay: string, toDay: string, mode: PeriodMode): Grain {
  const fixed: Partial<Record<PeriodMode, Grain>> = { day: 'day', week: 'day', month: 'day', quarter: 'week', year: 'month' }
  const wanted = fixed[mode]
  if (wanted) return wanted
  const limit = Math.min(62, MAX_TREND_POINTS)
  return GRAINS.find((g) => periodsIn(g, fromDay, toDay).length <= limit) ?? 'year'
}

/** A trend point's axis label, short: 12/1, 12月, 2026Q4, 2026. */
export function shortPeriod (fromDay: string, grain: Grain): string {
  const y = fromDay.slice(0, 4)
  const m = Number(fromDay.slice(5, 7))
  const d = Number(fromDay.slice(8, 10))
  switch (grain) {
    case 'day': case 'week': return `${m}/${d}`
    case 'month': return `${m}月`
    case 'quarter': return `${y}Q${Math.floor((m - 1) / 3) + 1}`
    case 'year': return y
  }
}

/** A rate that can be judged and ranked: it has a figure, enough respondents and is given for this window. */
export const isSufficient = (r: RateView): boolean => r.value !== null && !r.insufficient && !r.unavailable

/**
 * The child areas in the order the bars and tables show them: those with enough data by value, best first in the
 * indicator's direction; then 样本不足 (never ranked: in code order); then those without data.
 */
export function rankRows (rows: readonly IndicatorRowView[], indicator: RateIndicator): IndicatorRowView[] {
  const k = indicator.key
  const sign = indicator.direction === 'lower' ? 1 : -1
  const byCode = (a: IndicatorRowView, b: IndicatorRowView) => a.areaCode.localeCompare(b.areaCode)
  const ranked = rows.filter((r) => isSufficient(r[k])).sort((a, b) => sign * ((a[k].value as number) - (b[k].value as number)) || byCode(a, b))
  const short = rows.filter((r) => !isSufficient(r[k]) && r[k].value !== null && !r[k].unavailable).sort(byCode)
  const none = rows.filter((r) => r[k].value === null || r[k].unavailable).sort(byCode)
  return [...ranked, ...short, ...none]
}

/** 95%区间 74.0%–92.1%, or '' without one. */
export function intervalText (r: RateView): string {
  if (!r.ci95) return ''
  const p = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`
  return `${p(r.ci95.low)}–${p(r.ci95.high)}`
}

const hours = (h: number): string => {
  const r = h >= 100 ? Math.round(h) : Math.round(h * 10) / 10
  return Number.isInteger(r) ? String(r) : r.toFixed(1)
}

/** 平均 5.2 小时 · 中位 4–8 小时 (the median is known to its band), or 暂无数据. */
export function hoursText (h: HoursView): string {
  if (h.mean === null || h.n === 0) return '暂无数据'
  const median = h.median
    ? h.median.high === null ? ` · 中位 ${hours(h.median.low)} 小时以上` : ` · 中位 ${hours(h.median.low)}–${hours(h.median.high)} 小时`
    : ''
  return `平均 ${hours(h.mean)} 小时${median}`
}

/** The map's sequential greens, light to dark: darker is a higher value. */
export const MAP_GREENS = ['#e3f4e6', '#b5e0bd', '#7cc48c', '#3f9c5a', '#0f6b35'] as const

export interface ColourClass {
  colour: string
  low: number
  high: number
}

/**
 * Equal-width classes over the values that can be judged (样本不足 and no-data areas are hatched, not classed). One
 * class when every value is the same; none without values.
 */
export function colourClasses (values: readonly number[]): ColourClass[] {
  if (values.length === 0) return []
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  if (hi - lo < 1e-9) return [{ colour: MAP_GREENS[MAP_GREENS.length - 1], low: lo, high: hi }]
  const n = Math.min(MAP_GREENS.length, Math.max(2, values.length))
  const colours = n === MAP_GREENS.length ? MAP_GREENS : MAP_GREENS.filter((_, i) => i % Math.ceil(MAP_GREENS.length / n) === 0).slice(0, n)
  const width = (hi - lo) / colours.length
  return colours.map((colour, i) => ({ colour, low: lo + i * width, high: i === colours.length - 1 ? hi : lo + (i + 1) * width }))
}

export function classOf (classes: readonly ColourClass[], v: number): ColourClass | null {
  if (classes.length === 0) return null
  return classes.find((c) => v <= c.high + 1e-12) ?? classes[classes.length - 1]
}
