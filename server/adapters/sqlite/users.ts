import type { User } from '../../../core/types'
import type { UserStore } from '../../ports/users'
import { parseDoc, type Db, type Sql } from './db'
import { conditions, readPage } from './paging'

export function userStore (db: Db, sql: Sql): UserStore {
  const upsertUser = db.prepare(`INSERT INTO users (id, openid, doc) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET openid = excluded.openid, doc = excluded.doc`)
  const userById = db.prepare('SELECT doc FROM users WHERE id = ?').pluck()
  const userByOpenid = db.prepare('SELECT doc FROM users WHERE openid = ?').pluck()
  const insertNew = db.prepare('INSERT INTO users (id, openid, doc) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
  const create = db.transaction((user: User): User => {
    insertNew.run(user.id, user.openid, JSON.stringify(user))
    return parseDoc<User>(userByOpenid.get(user.openid)) as User
  })
  return {
    getUser: async (id) => parseDoc<User>(userById.get(id)),
    getUserByOpenid: async (openid) => parseDoc<User>(userByOpenid.get(openid)),
    putUser: async (user) => { upsertUser.run(user.id, user.openid, JSON.stringify(user)) },
    createUser: async (user) => create.immediate(user),
    listUsers: async (q) => {
      const c = conditions()
      if (q.role !== undefined) c.add("EXISTS (SELECT 1 FROM json_each(users.doc, '$.roles') WHERE value = ?)", q.role)
      return readPage<User>(sql, { table: 'users', ...c, sortColumn: 'id', direction: 'ASC' }, q)
    }
  }
}
