import { areaExists, areaName, childAreas, childLevel, gridsIn, levelOf } from '../core/indicators/areas'
import { chinaDayKey, periodLabel, periodOf, periodsIn, wholePeriod, type Grain } from '../core/indicators/period'
import { indicatorSet, STANDING_METRICS, sumsOf, windowMetrics } from '../core/indicators/read'
import type { AggCell } from '../core/indicators/aggregates'
import type { AreaScope, IndicatorRowView, IndicatorTableView, PeriodScope, TrendView } from '../core/indicators/views'
import type { Grid } from '../core/types'
import type { Deps } from './deps'
import { AppError } from './errors'

/** The first day an indicator window without a start reaches back to. */
export const FIRST_DAY = '2000-01-01'
const CITY_NAME = '全市'

export interface AreaCtx { grids: readonly Grid[]; area: AreaScope; base: number }

export async function areaCtx (deps: Deps, areaCode: string): Promise<AreaCtx> {
  const { grids } = await deps.directory.get()
  if (!areaExists(grids, areaCode)) throw new AppError('NOT_FOUND', '没有这个区域，请从列表中选择')
  return { grids, area: scopeOf(grids, areaCode), base: baseOf(grids, areaCode) }
}

const scopeOf = (grids: readonly Grid[], areaCode: string): AreaScope => ({ areaCode, level: levelOf(areaCode), name: areaName(grids, areaCode, CITY_NAME) })
const baseOf = (grids: readonly Grid[], areaCode: string) => gridsIn(grids, areaCode).reduce((s, g) => s + g.population, 0)

export function periodScope (fromDay: string, toDay: string): PeriodScope {
  return { fromDay, toDay, label: fromDay === FIRST_DAY ? `截至${periodLabel(toDay, toDay)}` : periodLabel(fromDay, toDay), grain: fromDay === FIRST_DAY ? null : wholePeriod(fromDay, toDay) }
}

const byArea = (cells: readonly AggCell[]) => {
  const out = new Map<string, AggCell[]>()
  for (const c of cells) {
    const list = out.get(c.area)
    if (list) list.push(c); else out.set(c.area, [c])
  }
  return out
}

/** Every indicator for each of `areas` over the window: two summed reads at the store, whatever the data's size. */
export async function readRows (deps: Deps, grids: readonly Grid[], areas: readonly string[], fromDay: string, toDay: string): Promise<IndicatorRowView[]> {
  const grain = periodScope(fromDay, toDay).grain
  const [win, standing] = await Promise.all([
    deps.store.sumAggregatesMany({ metrics: windowMetrics(grain), areas, fromDay, toDay }),
    deps.store.sumAggregatesMany({ metrics: STANDING_METRICS, areas, fromDay: FIRST_DAY, toDay })
  ])
  const w = byArea(win)
  const s = byArea(standing)
  return areas.map((a) => ({
    ...scopeOf(grids, a),
    ...indicatorSet(sumsOf(w.get(a) ?? []), sumsOf(s.get(a) ?? []), { grain, residentBase: baseOf(grids, a), minSample: deps.settings.minSample, ageStructure: deps.settings.ageStructure?.[a] })
  }))
}

export async function indicatorTable (deps: Deps, areaCode: string, fromDay: string, toDay: string): Promise<IndicatorTableView> {
  const ctx = await areaCtx(deps, areaCode)
  const below = childLevel(ctx.area.level)
  if (!below) throw new AppError('VALIDATION', '网格是最小的区域，没有下一级可比较')
  const children = childAreas(ctx.grids, areaCode)
  const [total, ...rows] = await readRows(deps, ctx.grids, [areaCode, ...children], fromDay, toDay)
  return { parent: ctx.area, childLevel: below, period: periodScope(fromDay, toDay), total, rows, targets: deps.settings.targets, minSample: deps.settings.minSample }
}

/** The window's days by period: the cells by day, summed per period (the ends clipped to the window). */
export async function indicatorTrend (deps: Deps, areaCode: string, grain: Grain, fromDay: string, toDay: string, maxPoints: number): Promise<TrendView> {
  const ctx = await areaCtx(deps, areaCode)
  const periods = periodsIn(grain, fromDay, toDay)
  if (periods.length > maxPoints) throw new AppError('VALIDATION', `一张趋势图最多 ${maxPoints} 个点，请缩短时段或改用更粗的粒度（周、月）`)
  const [win, standing] = await Promise.all([
    deps.store.sumAggregatesMany({ metrics: windowMetrics(grain, { durations: false }), areas: [areaCode], fromDay, toDay, byDay: true }),
    deps.store.sumAggregatesMany({ metrics: STANDING_METRICS, areas: [areaCode], fromDay: FIRST_DAY, toDay, byDay: true })
  ])
  const points = periods.map((p) => {
    const inWindow = win.filter((c) => c.day >= p.fromDay && c.day <= p.toDay)
    const upTo = standing.filter((c) => c.day <= p.toDay)
    const set = indicatorSet(sumsOf(inWindow), sumsOf(upTo), { grain: p.whole ? grain : null, residentBase: ctx.base, minSample: deps.settings.minSample, ageStructure: deps.settings.ageStructure?.[areaCode] })
    return { ...set, fromDay: p.fromDay, toDay: p.toDay, label: periodLabel(p.fromDay, p.toDay), grain: p.whole ? grain : null, whole: p.whole }
  })
  return { area: ctx.area, grain, points, targets: deps.settings.targets, minSample: deps.settings.minSample }
}

/**
 * The window a headline reads: the days asked, or the China days of the instants asked; with neither, this whole
 * calendar year (a whole period, so 参与率's people can be given).
 */
export function headlineWindow (q: { fromDay?: string; toDay?: string; fromIso?: string; toIso?: string }, nowIso: string): { fromDay: string; toDay: string } {
  const year = periodOf('year', chinaDayKey(nowIso))
  const none = !q.fromDay && !q.toDay && !q.fromIso && !q.toIso
  const fromDay = none ? year.fromDay : q.fromDay ?? (q.fromIso ? chinaDayKey(q.fromIso) : FIRST_DAY)
  const toDay = none ? year.toDay : q.toDay ?? chinaDayKey(q.toIso ?? nowIso)
  if (fromDay > toDay) throw new AppError('VALIDATION', '结束日期不能早于开始日期')
  return { fromDay, toDay }
}
