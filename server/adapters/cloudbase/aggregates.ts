import { cellKey, type AggCell, type DistinctMark, type IndicatorEffects } from '../../../core/indicators/aggregates'
import type { AggregateStore } from '../../ports/aggregates'
import { readAll } from '../../paging'
import type { Db } from './client'
import { COLLECTIONS as C } from './collections'
import { inBatches, readPage } from './paging'

/**
 * Aggregate cells as documents `${metric}|${area}|${day}#${shard}`. The city's and a district's cells take every
 * write of the city or the district, so they are split into SHARDS documents a write picks at random (a burst does
 * not queue on one document); a read sums the shards. A cell's increment is one `$inc` update; the first write of
 * a cell adds its document (a lost race to add updates instead).
 *
 * Without a multi-document transaction, a response and its cells are two steps: a crash between them leaves the
 * cells one response short until the reconciliation (stats.reconcile, run daily by the timer) repairs them.
 */
export const SHARDS = 8
const shardsOf = (area: string) => (area.length <= 6 ? SHARDS : 1)
const MAX_CELLS_READ = 20_000

export interface AggregateOps {
  add (cells: readonly AggCell[]): Promise<void>
  /** Count each member once: a member document added by id; only the write that adds it increments the cell. */
  mark (marks: readonly DistinctMark[]): Promise<void>
  /** A unit's effects, its cells added once however often it is flushed (a `unit|id` document guards them). */
  applyOnce (unitId: string, effects: IndicatorEffects | null | undefined): Promise<void>
}

/** How many cell increments run at once (a ticket step moves a few metrics × five areas). */
const WIDTH = 10

export function aggregateOps (db: Db, random: () => number = Math.random): AggregateOps {
  const inc = async (c: AggCell): Promise<void> => {
    const key = cellKey(c)
    const id = `${key}#${Math.floor(random() * shardsOf(c.area))}`
    const data = { n: db._.inc(c.n), sum: db._.inc(c.sum), sumSq: db._.inc(c.sumSq) }
    if (await db.update(C.aggregates, { _id: id }, data) === 1) return
    if (await db.insert(C.aggregates, id, { key, metric: c.metric, area: c.area, day: c.day, n: c.n, sum: c.sum, sumSq: c.sumSq })) return
    await db.update(C.aggregates, { _id: id }, data)
  }
  const add = async (cells: readonly AggCell[]) => { await inBatches(cells, WIDTH, inc) }
  const mark = async (marks: readonly DistinctMark[]) => {
    await inBatches(marks, WIDTH, async (m) => {
      const id = `${m.metric}|${m.area}|${m.day}|${m.member}`
      if (await db.insert(C.aggregateMembers, id, { metric: m.metric, area: m.area, day: m.day, member: m.member })) {
        await inc({ metric: m.metric, area: m.area, day: m.day, n: 1, sum: 1, sumSq: 1 })
      }
    })
  }
  return {
    add,
    mark,
    async applyOnce (unitId, effects) {
      if (!effects || (effects.cells.length === 0 && effects.marks.length === 0)) return
      // A crash after the guard and before the cells leaves them short: the reconciliation repairs it.
      if (effects.cells.length > 0 && await db.insert(C.aggregateMembers, `unit|${unitId}`, { unit: unitId })) await add(effects.cells)
      await mark(effects.marks)
    }
  }
}

export function aggregateStore (db: Db): AggregateStore {
  const cellsOf = (metric: string | undefined) => readAll((p) => readPage<AggCell & { key: string }>(db, C.aggregates, metric ? [{ metric }] : [], { field: 'key', dir: 'asc' }, p), MAX_CELLS_READ, '指标汇总')
  return {
    async sumAggregates (metric, area, fromDay, toDay) {
      const docs = await readAll((p) => readPage<AggCell>(db, C.aggregates, [{ metric, area, day: db._.and([db._.gte(fromDay), db._.lte(toDay)]) }], { field: 'day', dir: 'asc', tie: 'key' }, p), MAX_CELLS_READ, '指标汇总')
      return docs.reduce((s, d) => ({ n: s.n + d.n, sum: s.sum + d.sum, sumSq: s.sumSq + d.sumSq }), { n: 0, sum: 0, sumSq: 0 })
    },
    async sumAggregatesMany (q) {
      const docs = await readAll((p) => readPage<AggCell>(db, C.aggregates, [{ metric: db._.in([...q.metrics]), area: db._.in([...q.areas]), day: db._.and([db._.gte(q.fromDay), db._.lte(q.toDay)]) }], { field: 'key', dir: 'asc' }, p), MAX_CELLS_READ, '指标汇总')
      const by = new Map<string, AggCell>()
      for (const d of docs) {
        const day = q.byDay ? d.day : ''
        const k = `${d.metric}|${d.area}|${day}`
        const had = by.get(k)
        if (had) { had.n += d.n; had.sum += d.sum; had.sumSq += d.sumSq } else by.set(k, { metric: d.metric, area: d.area, day, n: d.n, sum: d.sum, sumSq: d.sumSq })
      }
      return [...by.values()]
    },
    async listAggregates (q) {
      const page = await readPage<AggCell & { key: string }>(db, C.aggregates, q.metric ? [{ metric: q.metric }] : [], { field: 'key', dir: 'asc' }, q)
      return { items: page.items.map(({ metric, area, day, n, sum, sumSq }) => ({ metric, area, day, n, sum, sumSq })), next: page.next }
    },
    /** Every stored shard of these metrics is rewritten: a recounted cell's value on shard 0, zero elsewhere. */
    async replaceAggregates (metrics, cells, marks) {
      // Distinct counts: members are added where missing (a member document is never wrong, only possibly absent).
      if (marks) {
        let batch: DistinctMark[] = []
        const put = () => inBatches(batch, WIDTH, (m) => db.insert(C.aggregateMembers, `${m.metric}|${m.area}|${m.day}|${m.member}`, { ...m }))
        for (const m of marks) {
          if (!metrics.includes(m.metric)) continue
          batch.push(m)
          if (batch.length >= 1000) { await put(); batch = [] }
        }
        await put()
      }
      const want = new Map(cells.filter((c) => metrics.includes(c.metric)).map((c) => [cellKey(c), c]))
      for (const metric of metrics) {
        for (const doc of await cellsOf(metric)) {
          const raw = doc as unknown as { _id?: string; key: string }
          const id = raw._id ?? `${raw.key}#0`
          const target = id.endsWith('#0') ? want.get(raw.key) : undefined
          await db.replace(C.aggregates, id, { key: raw.key, metric: doc.metric, area: doc.area, day: doc.day, n: target?.n ?? 0, sum: target?.sum ?? 0, sumSq: target?.sumSq ?? 0 })
          if (target) want.delete(raw.key)
        }
      }
      for (const c of want.values()) await db.replace(C.aggregates, `${cellKey(c)}#0`, { key: cellKey(c), ...c })
    }
  }
}
