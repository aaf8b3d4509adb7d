import { driftOf, type AggCell } from '../../core/indicators/aggregates'
import { ALL_METRICS, recountForReconcile } from '../../core/indicators/recount'
import { emptyInput, MAX_TREND_POINTS, statsExportInput, statsInput, statsTableInput, statsTrendInput } from '../../core/schemas'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import { indicatorCsv, indicatorWorkbook } from '../indicator-export'
import { areaCtx, headlineWindow, indicatorTable, indicatorTrend, periodScope, readRows } from '../indicator-read'
import { readAll } from '../paging'
import { action, type ActionsOf } from '../router'

export const statsActions: ActionsOf<'stats'> = {
  /** 首页 and the dashboard's cards: one area (a grid, or a code prefix) and window, from the aggregates only. */
  headline: action({
    input: statsInput,
    access: 'public',
    async run ({ deps }, q) {
      const now = deps.clock.now()
      const dir = await deps.directory.get()
      const grid = q.gridId ? dir.gridsById.get(q.gridId) : undefined
      if (q.gridId && !grid) throw new AppError('NOT_FOUND', '网格不存在')
      const areaCode = grid?.code ?? q.areaCode ?? ''
      const { fromDay, toDay } = headlineWindow(q, now)
      const { area } = await areaCtx(deps, areaCode)
      const [row] = await readRows(deps, dir.grids, [areaCode], fromDay, toDay)
      const { areaCode: _a, level: _l, name: _n, ...set } = row
      return {
        ...set,
        scope: { ...area, ...periodScope(fromDay, toDay), gridId: grid?.id ?? null, fromIso: q.fromIso ?? null, toIso: q.toIso ?? now },
        targets: deps.settings.targets,
        minSample: deps.settings.minSample
      }
    }
  }),

  table: action({
    input: statsTableInput,
    access: { roles: ['admin'] },
    run: ({ deps }, q) => indicatorTable(deps, q.areaCode, q.fromDay, q.toDay)
  }),

  trend: action({
    input: statsTrendInput,
    access: { roles: ['admin'] },
    run: ({ deps }, q) => indicatorTrend(deps, q.areaCode, q.grain, q.fromDay, q.toDay, MAX_TREND_POINTS)
  }),

  export: action({
    input: statsExportInput,
    access: { roles: ['admin'] },
    async run ({ deps }, q) {
      const table = await indicatorTable(deps, q.areaCode, q.fromDay, q.toDay)
      const name = `指标-${table.parent.name}-${q.fromDay}至${q.toDay}`
      if (q.format === 'csv') {
        const csv = indicatorCsv(table)
        return { filename: `${name}.csv`, base64: Buffer.from(csv.text, 'utf8').toString('base64'), rows: csv.rows }
      }
      const xlsx = await indicatorWorkbook(table, deps.clock.now())
      return { filename: `${name}.xlsx`, base64: xlsx.buffer.toString('base64'), rows: xlsx.rows }
    }
  }),

  /**
   * Recount every aggregate from the raw rows, report every cell that drifted, and repair them (the
   * timer runs it daily; the office may run it). The recount reads every response behind a guard.
   */
  reconcile: action({
    input: emptyInput,
    access: { roles: ['admin'] },
    async run ({ deps }) {
      return reconcileAggregates(deps)
    }
  })
}

/** Rows and cells a reconciliation reads: a city's years of answers and tickets. A guard, never a cut. */
const MAX_RECOUNT = 2_000_000

/**
 * Recount every aggregate (survey rates, ticket counts and times, 参与率's people, registered volunteers) from the raw
 * rows by the same core rules the writes apply, report every cell that drifted, and repair them as one step.
 */
export async function reconcileAggregates (deps: Deps): Promise<{ cells: number; drifted: number; repaired: boolean; examples: string[] }> {
  const dir = await deps.directory.get()
  const read = <T>(page: Parameters<typeof readAll<T>>[0], what: string) => readAll(page, MAX_RECOUNT, what)
  const [surveys, responses, tickets, signups, volunteers] = await Promise.all([
    read((p) => deps.store.listSurveys(p), '问卷'),
    read((p) => deps.store.listResponses(p), '问卷答卷'),
    read((p) => deps.store.listTickets(p), '案卷'),
    read((p) => deps.store.listSignups(p), '报名记录'),
    read((p) => deps.store.listVolunteers(p), '志愿者')
  ])
  const recounted = recountForReconcile({
    surveys: new Map(surveys.map((s) => [s.id, s])), responses, tickets, signups, volunteers,
    gridCodeOf: (id) => (id ? dir.gridsById.get(id)?.code ?? null : null)
  })
  // Metric by metric: the stored cells of one metric at a time against the recount's.
  const byMetric = new Map<string, AggCell[]>()
  for (const c of recounted.cells) {
    const list = byMetric.get(c.metric)
    if (list) list.push(c); else byMetric.set(c.metric, [c])
  }
  const drift = []
  for (const metric of ALL_METRICS) {
    const stored = await read((p) => deps.store.listAggregates({ ...p, metric }), '指标汇总')
    drift.push(...driftOf(stored, byMetric.get(metric) ?? []))
  }
  if (drift.length > 0) {
    console.error(`[stats] aggregates drifted in ${drift.length} cells; repaired from the raw rows`, drift.slice(0, 5))
    await deps.store.replaceAggregates(ALL_METRICS, recounted.cells, recounted.marks())
  }
  return { cells: recounted.cells.length, drifted: drift.length, repaired: drift.length > 0, examples: drift.slice(0, 5).map((d) => d.key) }
}
