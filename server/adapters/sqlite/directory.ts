import type { Category, Grid, Page } from '../../../core/types'
import type { DirectoryStore } from '../../ports/directory'
import type { PageQuery } from '../../ports/paging'
import { parseDoc, type Db, type Sql } from './db'
import { readPage } from './paging'

/** Admin-edited rows keyed by id and listed by code (grids, categories). */
function codedTable<T extends { id: string; code: string }> (db: Db, sql: Sql, table: string): {
  put: (items: T[]) => Promise<void>
  get: (id: string) => Promise<T | null>
  list: (q: PageQuery) => Promise<Page<T>>
} {
  const upsert = db.prepare(`INSERT INTO ${table} (id, code, doc) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET code = excluded.code, doc = excluded.doc`)
  const byId = db.prepare(`SELECT doc FROM ${table} WHERE id = ?`).pluck()
  const putAll = db.transaction((items: T[]) => {
    for (const item of items) upsert.run(item.id, item.code, JSON.stringify(item))
  })
  return {
    put: async (items) => { putAll.immediate(items) },
    get: async (id) => parseDoc<T>(byId.get(id)),
    list: async (q) => readPage<T>(sql, { table, where: [], params: [], sortColumn: 'code', direction: 'ASC' }, q)
  }
}

export function directoryStore (db: Db, sql: Sql): DirectoryStore {
  const grids = codedTable<Grid>(db, sql, 'grids')
  const categories = codedTable<Category>(db, sql, 'categories')

  return {
    putGrids: grids.put,
    getGrid: grids.get,
    listGrids: grids.list,
    putCategories: categories.put,
    getCategory: categories.get,
    listCategories: categories.list
  }
}
