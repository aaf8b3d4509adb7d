import { cellKey, type AggCell, type DistinctMark, type IndicatorEffects } from '../../../core/indicators/aggregates'
import type { AggregateStore } from '../../ports/aggregates'
import type { Db, Sql } from './db'
import { conditions, readPage } from './paging'

/** Synchronous aggregate writes, for use inside another seam's transaction (a response and its cells together). */
export interface AggregateOps {
  add (cells: readonly AggCell[]): void
  /** Count each member once in its cell: a mark already there adds nothing. */
  mark (marks: readonly DistinctMark[]): void
  /** A write's cells and marks (none when absent). */
  apply (effects: IndicatorEffects | null | undefined): void
}

const DOC = `json_object('metric', metric, 'area', area, 'day', day, 'n', n, 'sum', sum, 'sumSq', sum_sq)`

export function aggregateOps (db: Db): AggregateOps {
  const upsert = db.prepare(`INSERT INTO aggregates (id, metric, area, day, n, sum, sum_sq, doc)
    VALUES (@id, @metric, @area, @day, @n, @sum, @sumSq, json_object('metric', @metric, 'area', @area, 'day', @day, 'n', @n, 'sum', @sum, 'sumSq', @sumSq))
    ON CONFLICT (id) DO UPDATE SET n = n + excluded.n, sum = sum + excluded.sum, sum_sq = sum_sq + excluded.sum_sq`)
  const refreshDoc = db.prepare(`UPDATE aggregates SET doc = ${DOC} WHERE id = ?`)
  const member = db.prepare('INSERT OR IGNORE INTO aggregate_members (metric, area, day, member) VALUES (?, ?, ?, ?)')
  const add = (cells: readonly AggCell[]) => {
    for (const c of cells) {
      const id = cellKey(c)
      upsert.run({ id, metric: c.metric, area: c.area, day: c.day, n: c.n, sum: c.sum, sumSq: c.sumSq })
      refreshDoc.run(id)
    }
  }
  const mark = (marks: readonly DistinctMark[]) => {
    const fresh: AggCell[] = []
    for (const m of marks) {
      if (member.run(m.metric, m.area, m.day, m.member).changes === 1) fresh.push({ metric: m.metric, area: m.area, day: m.day, n: 1, sum: 1, sumSq: 1 })
    }
    add(fresh)
  }
  return {
    add,
    mark,
    apply: (e) => { if (e) { add(e.cells); mark(e.marks) } }
  }
}

export function aggregateStore (db: Db, sql: Sql, ops: AggregateOps): AggregateStore {
  const sum = db.prepare(`SELECT COALESCE(SUM(n), 0) AS n, COALESCE(SUM(sum), 0) AS sum, COALESCE(SUM(sum_sq), 0) AS sumSq
    FROM aggregates WHERE metric = ? AND area = ? AND day BETWEEN ? AND ?`)
  const many = db.prepare(`SELECT metric, area, COALESCE(SUM(n), 0) AS n, COALESCE(SUM(sum), 0) AS sum, COALESCE(SUM(sum_sq), 0) AS sumSq
    FROM aggregates WHERE metric IN (SELECT value FROM json_each(?)) AND area IN (SELECT value FROM json_each(?)) AND day BETWEEN ? AND ?
    GROUP BY metric, area`)
  const manyByDay = db.prepare(`SELECT metric, area, day, n, sum, sum_sq AS sumSq
    FROM aggregates WHERE metric IN (SELECT value FROM json_each(?)) AND area IN (SELECT value FROM json_each(?)) AND day BETWEEN ? AND ?`)
  const clear = db.prepare('DELETE FROM aggregates WHERE metric IN (SELECT value FROM json_each(?))')
  const member = db.prepare('INSERT OR IGNORE INTO aggregate_members (metric, area, day, member) VALUES (?, ?, ?, ?)')
  const clearMembers = db.prepare('DELETE FROM aggregate_members WHERE metric IN (SELECT value FROM json_each(?))')
  const replace = db.transaction((metrics: readonly string[], cells: readonly AggCell[], marks: Iterable<DistinctMark> | undefined) => {
    clear.run(JSON.stringify(metrics))
    ops.add(cells.filter((c) => metrics.includes(c.metric)))
    if (marks) {
      // Distinct counts: the members are rebuilt with their cells, so a later act is counted against the repaired set.
      clearMembers.run(JSON.stringify(metrics))
      for (const m of marks) if (metrics.includes(m.metric)) member.run(m.metric, m.area, m.day, m.member)
    }
  })
  return {
    sumAggregates: async (metric, area, fromDay, toDay) => sum.get(metric, area, fromDay, toDay) as { n: number; sum: number; sumSq: number },
    listAggregates: async (q) => {
      const c = conditions()
      if (q.metric !== undefined) c.add('metric = ?', q.metric)
      return readPage<AggCell>(sql, { table: 'aggregates', ...c, sortColumn: 'id', direction: 'ASC' }, q)
    },
    sumAggregatesMany: async (q) => {
      const rows = (q.byDay ? manyByDay : many).all(JSON.stringify(q.metrics), JSON.stringify(q.areas), q.fromDay, q.toDay) as AggCell[]
      return q.byDay ? rows : rows.map((r) => ({ ...r, day: '' }))
    },
    replaceAggregates: async (metrics, cells, marks) => { replace.immediate(metrics, cells, marks) }
  }
}
