import type { Category, Grid, Page, User } from '../../../core/types'
import type { PageQuery, Store } from '../../ports/store'
import { parseDoc, type Db, type Sql } from './db'
import { conditions, readPage } from './paging'

type DirectoryStore = Pick<Store,
  'getUser' | 'getUserByOpenid' | 'putUser' | 'listUsers' |
  'putGrids' | 'getGrid' | 'listGrids' | 'putCategories' | 'getCategory' | 'listCategories'>

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
  const upsertUser = db.prepare(`INSERT INTO users (id, openid, doc) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET openid = excluded.openid, doc = excluded.doc`)
  const userById = db.prepare('SELECT doc FROM users WHERE id = ?').pluck()
  const userByOpenid = db.prepare('SELECT doc FROM users WHERE openid = ?').pluck()
  const grids = codedTable<Grid>(db, sql, 'grids')
  const categories = codedTable<Category>(db, sql, 'categories')

  return {
    getUser: async (id) => parseDoc<User>(userById.get(id)),
    getUserByOpenid: async (openid) => parseDoc<User>(userByOpenid.get(openid)),
    putUser: async (user) => { upsertUser.run(user.id, user.openid, JSON.stringify(user)) },
    listUsers: async (q) => {
      const c = conditions()
      if (q.role !== undefined) c.add("EXISTS (SELECT 1 FROM json_each(users.doc, '$.roles') WHERE value = ?)", q.role)
      return readPage<User>(sql, { table: 'users', ...c, sortColumn: 'id', direction: 'ASC' }, q)
    },
    putGrids: grids.put,
    getGrid: grids.get,
    listGrids: grids.list,
    putCategories: categories.put,
    getCategory: categories.get,
    listCategories: categories.list
  }
}
