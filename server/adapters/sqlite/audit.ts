import type { AuditEntry } from '../../../core/audit'
import type { AuditStore } from '../../ports/audit'
import type { Db, Sql } from './db'
import { conditions, readPage } from './paging'

/** Synchronous audit writes, for use inside another seam's transaction (a role change and its record together). */
export interface AuditOps {
  add (entry: AuditEntry): void
}

export function auditOps (db: Db): AuditOps {
  const insert = db.prepare('INSERT INTO audit (id, at, kind, target_id, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
  return { add: (e) => { insert.run(e.id, e.at, e.kind, e.targetId, JSON.stringify(e)) } }
}

export function auditStore (sql: Sql, ops: AuditOps): AuditStore {
  return {
    addAudit: async (e) => { ops.add(e) },
    listAudit: async (q) => {
      const c = conditions()
      if (q.kind !== undefined) c.add('kind = ?', q.kind)
      if (q.targetId !== undefined) c.add('target_id = ?', q.targetId)
      return readPage<AuditEntry>(sql, { table: 'audit', ...c, sortColumn: 'at', direction: 'DESC' }, q)
    }
  }
}
