import type { Category, Grid } from '../../../core/types'
import type { DirectoryStore } from '../../ports/directory'
import type { Db } from './client'
import { COLLECTIONS as C } from './collections'
import { inBatches, readPage } from './paging'

/** How many `set` requests run at once when saving a list (CloudBase has no multi-document upsert). */
const PUT_WIDTH = 10

export function directoryStore (db: Db): DirectoryStore {
  return {
    putGrids: (grids) => inBatches(grids, PUT_WIDTH, (g) => db.replace(C.grids, g.id, g)),
    listGrids: (q) => readPage<Grid>(db, C.grids, [], { field: 'code', dir: 'asc' }, q),

    putCategories: (categories) => inBatches(categories, PUT_WIDTH, (c) => db.replace(C.categories, c.id, c)),
    listCategories: (q) => readPage<Category>(db, C.categories, [], { field: 'code', dir: 'asc' }, q)
  }
}
