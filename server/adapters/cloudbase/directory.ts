import type { Category, Grid, User } from '../../../core/types'
import type { Store } from '../../ports/store'
import { type Db, fromDoc } from './client'
import { COLLECTIONS as C } from './collections'
import { inBatches, readPage } from './paging'

type DirectoryStore = Pick<Store,
  'getUser' | 'getUserByOpenid' | 'putUser' | 'listUsers' |
  'putGrids' | 'getGrid' | 'listGrids' | 'putCategories' | 'getCategory' | 'listCategories'>

/** How many `set` requests run at once when saving a list (CloudBase has no multi-document upsert). */
const PUT_WIDTH = 10

export function directoryStore (db: Db): DirectoryStore {
  const byId = async <T>(coll: string, id: string): Promise<T | null> => {
    const doc = await db.findById(coll, id)
    return doc ? fromDoc<T>(doc) : null
  }

  return {
    getUser: (id) => byId<User>(C.users, id),

    async getUserByOpenid (openid) {
      const [doc] = await db.find(C.users, [{ openid }], [['id', 'asc']], 1)
      return doc ? fromDoc<User>(doc) : null
    },

    putUser: (user) => db.replace(C.users, user.id, user),

    // `roles: role` matches documents whose roles array contains role.
    listUsers: (q) => readPage<User>(db, C.users, q.role ? [{ roles: q.role }] : [], { field: 'id', dir: 'asc' }, q),

    putGrids: (grids) => inBatches(grids, PUT_WIDTH, (g) => db.replace(C.grids, g.id, g)),
    getGrid: (id) => byId<Grid>(C.grids, id),
    listGrids: (q) => readPage<Grid>(db, C.grids, [], { field: 'code', dir: 'asc' }, q),

    putCategories: (categories) => inBatches(categories, PUT_WIDTH, (c) => db.replace(C.categories, c.id, c)),
    getCategory: (id) => byId<Category>(C.categories, id),
    listCategories: (q) => readPage<Category>(db, C.categories, [], { field: 'code', dir: 'asc' }, q)
  }
}
