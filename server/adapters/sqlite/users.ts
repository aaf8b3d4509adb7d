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
  const clearRoles = db.prepare('DELETE FROM user_roles WHERE user_id = ?')
  const addRole = db.prepare('INSERT INTO user_roles (role, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING')
  const setRoles = (user: User) => {
    clearRoles.run(user.id)
    for (const role of new Set(user.roles)) addRole.run(role, user.id)
  }
  // The user row and its role rows change together.
  const put = db.transaction((user: User) => {
    upsertUser.run(user.id, user.openid, JSON.stringify(user))
    setRoles(user)
  })
  const create = db.transaction((user: User): User => {
    if (insertNew.run(user.id, user.openid, JSON.stringify(user)).changes === 1) setRoles(user)
    return parseDoc<User>(userByOpenid.get(user.openid)) as User
  })
  return {
    getUser: async (id) => parseDoc<User>(userById.get(id)),
    getUserByOpenid: async (openid) => parseDoc<User>(userByOpenid.get(openid)),
    putUser: async (user) => { put.immediate(user) },
    createUser: async (user) => create.immediate(user),
    listUsers: async (q) => {
      const c = conditions()
      if (q.role !== undefined) c.add('id IN (SELECT user_id FROM user_roles WHERE role = ?)', q.role)
      return readPage<User>(sql, { table: 'users', ...c, sortColumn: 'id', direction: 'ASC' }, q)
    }
  }
}
