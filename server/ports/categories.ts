import type { AuditEntry } from '../../core/audit'
import type { Category } from '../../core/types'

/** The office's edits to one category (listed through DirectoryStore.listCategories). */
export interface CategoryStore {
  /**
   * Write the category with its audit entry. `create`: only if no category has this id (false, and nothing
   * written, when one has); otherwise replace it whole.
   */
  saveCategory (category: Category, audit: AuditEntry, create: boolean): Promise<boolean>
}
