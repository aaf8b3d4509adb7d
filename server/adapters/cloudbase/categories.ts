import type { CategoryStore } from '../../ports/categories'
import type { Db } from './client'
import { COLLECTIONS as C } from './collections'

/**
 * A new category is an add with its id as `_id` (a duplicate is refused, so two creations of one code cannot both
 * land); an edit replaces the document. The audit entry follows (no multi-collection write outside a transaction).
 */
export function categoryStore (db: Db): CategoryStore {
  return {
    async saveCategory (category, audit, create) {
      if (create) {
        if (!(await db.insert(C.categories, category.id, category))) return false
      } else {
        await db.replace(C.categories, category.id, category)
      }
      await db.insert(C.audit, audit.id, audit)
      return true
    }
  }
}
