import type { AuditEntry, AuditKind } from '../../core/audit'
import type { Page } from '../../core/types'
import type { PageQuery } from './paging'

/** The audit list (core/audit.ts): appended to, never changed; read newest first. */
export interface AuditStore {
  /** Add an entry; an entry with this id already there is left as it is (a retried write lands once). */
  addAudit (entry: AuditEntry): Promise<void>
  listAudit (q: PageQuery & { kind?: AuditKind; targetId?: string }): Promise<Page<AuditEntry>>
}
