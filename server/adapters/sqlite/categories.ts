import type { Category } from '../../../core/types'
import type { CategoryStore } from '../../ports/categories'
import type { AuditOps } from './audit'
import type { Db } from './db'

/** A category and its audit entry in one transaction (the same table directory.ts lists). */
export function categoryStore (db: Db, audit: AuditOps): CategoryStore {
  const insert = db.prepare('INSERT INTO categories (id, code, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING')
  const replace = db.prepare(`INSERT INTO categories (id, code, doc) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET code = excluded.code, doc = excluded.doc`)
  const save = db.transaction((c: Category, entry: Parameters<AuditOps['add']>[0], create: boolean): boolean => {
    const written = (create ? insert : replace).run(c.id, c.code, JSON.stringify(c)).changes === 1
    if (written) audit.add(entry)
    return written
  })
  return { saveCategory: async (c, entry, create) => save.immediate(c, entry, create) }
}
