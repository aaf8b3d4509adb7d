import type { User } from '../../../core/types'
import type { UserStore } from '../../ports/users'
import { type Db, fromDoc } from './client'
import { COLLECTIONS as C } from './collections'
import { readPage } from './paging'

export function userStore (db: Db): UserStore {
  return {
    async getUser (id) {
      const doc = await db.findById(C.users, id)
      return doc ? fromDoc<User>(doc) : null
    },

    async getUserByOpenid (openid) {
      const [doc] = await db.find(C.users, [{ openid }], [['id', 'asc']], 1)
      return doc ? fromDoc<User>(doc) : null
    },

    putUser: (user) => db.replace(C.users, user.id, user),

    // `roles: role` matches documents whose roles array contains role.
    listUsers: (q) => readPage<User>(db, C.users, q.role ? [{ roles: q.role }] : [], { field: 'id', dir: 'asc' }, q)
  }
}
