import type { Category, Grid, Page } from '../../../core/types'
import type { DirectoryStore } from '../../ports/directory'
import type { PageQuery } from '../../ports/paging'
import type { Db, Sql } from './db'
import { readPage } from './paging'

/** Admin-edited rows keyed by id and listed by code (grids, categories). */
function codedTable<T extends { id: string; code: string }> (db: Db, sql: Sql, table: string): {
  put: (items: T[]) => Promise<void>
  list: (q: PageQuery) => Promise<Page<T>>
} {
  const upsert = db.prepare(`INSERT INTO ${table} (id, code, doc) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET code = excluded.code, doc = excluded.doc`)
  const putAll = db.transaction((items: T[]) => {
    for (const item of items) upsert.run(item.id, item.code, JSON.stringify(item))
  })
  return {
    put: async (items) => { putAll.immediate(items) },
    list: async (q) => readPage<T>(sql, { table, where: [], params: [], sortColumn: 'code', direction: 'ASC' }, q)
  }
}

export function directoryStore (db: Db, sql: Sql): DirectoryStore {
  const grids = codedTable<Grid>(db, sql, 'grids')
  const categories = codedTable<Category>(db, sql, 'categories')

  return {
    putGrids: grids.put,
    listGrids: grids.list,
    putCategories: categories.put,
    listCategories: categories.list
  }
}
