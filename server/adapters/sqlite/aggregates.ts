import { cellKey, type AggCell } from '../../../core/indicators/aggregates'
import type { AggregateStore } from '../../ports/aggregates'
import type { Db, Sql } from './db'
import { conditions, readPage } from './paging'

/** Synchronous aggregate writes, for use inside another seam's transaction (a response and its cells together). */
export interface AggregateOps {
  add (cells: readonly AggCell[]): void
}

const DOC = `json_object('metric', metric, 'area', area, 'day', day, 'n', n, 'sum', sum, 'sumSq', sum_sq)`

export function aggregateOps (db: Db): AggregateOps {
  const upsert = db.prepare(`INSERT INTO aggregates (id, metric, area, day, n, sum, sum_sq, doc)
    VALUES (@id, @metric, @area, @day, @n, @sum, @sumSq, json_object('metric', @metric, 'area', @area, 'day', @day, 'n', @n, 'sum', @sum, 'sumSq', @sumSq))
    ON CONFLICT (id) DO UPDATE SET n = n + excluded.n, sum = sum + excluded.sum, sum_sq = sum_sq + excluded.sum_sq`)
  const refreshDoc = db.prepare(`UPDATE aggregates SET doc = ${DOC} WHERE id = ?`)
  return {
    add: (cells) => {
      for (const c of cells) {
        const id = cellKey(c)
        upsert.run({ id, metric: c.metric, area: c.area, day: c.day, n: c.n, sum: c.sum, sumSq: c.sumSq })
        refreshDoc.run(id)
      }
    }
  }
}

export function aggregateStore (db: Db, sql: Sql, ops: AggregateOps): AggregateStore {
  const sum = db.prepare(`SELECT COALESCE(SUM(n), 0) AS n, COALESCE(SUM(sum), 0) AS sum, COALESCE(SUM(sum_sq), 0) AS sumSq
    FROM aggregates WHERE metric = ? AND area = ? AND day BETWEEN ? AND ?`)
  const clear = db.prepare('DELETE FROM aggregates WHERE metric IN (SELECT value FROM json_each(?))')
  const replace = db.transaction((metrics: readonly string[], cells: readonly AggCell[]) => {
    clear.run(JSON.stringify(metrics))
    ops.add(cells.filter((c) => metrics.includes(c.metric)))
  })
  return {
    sumAggregates: async (metric, area, fromDay, toDay) => sum.get(metric, area, fromDay, toDay) as { n: number; sum: number; sumSq: number },
    listAggregates: async (q) => {
      const c = conditions()
      if (q.metric !== undefined) c.add('metric = ?', q.metric)
      return readPage<AggCell>(sql, { table: 'aggregates', ...c, sortColumn: 'id', direction: 'ASC' }, q)
    },
    replaceAggregates: async (metrics, cells) => { replace.immediate(metrics, cells) }
  }
}
