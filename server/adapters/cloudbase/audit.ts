import type { AuditEntry } from '../../../core/audit'
import type { AuditStore } from '../../ports/audit'
import type { Db } from './client'
import { COLLECTIONS as C } from './collections'
import { readPage } from './paging'

/** One document per entry, `_id` = entry id (a retried add is a duplicate, and lands once). */
export function auditStore (db: Db): AuditStore {
  return {
    addAudit: async (e) => { await db.insert(C.audit, e.id, e) },
    listAudit: (q) => {
      const match: Record<string, string> = {}
      if (q.kind !== undefined) match.kind = q.kind
      if (q.targetId !== undefined) match.targetId = q.targetId
      return readPage<AuditEntry>(db, C.audit, Object.keys(match).length > 0 ? [match] : [], { field: 'at', dir: 'desc' }, q)
    }
  }
}
