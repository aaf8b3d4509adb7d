import type { AuditEntry } from '../../../core/audit'
import { isoAt } from '../../../core/testing/builders'
import type { Store } from '../../ports/store'
import { readAllPages } from './pages'

const entry = (id: string, minutes: number, o: Partial<AuditEntry> = {}): AuditEntry =>
  ({ id, at: isoAt(minutes), kind: 'role', action: 'grant', actorId: 'u-admin', targetId: 'u-1', reason: '新任网格员', summary: '授予 网格员', ...o })

export function auditContract (store: () => Store): void {
  describe('audit list', () => {
    it('keeps every entry once, newest first, by kind and by target', async () => {
      await store().addAudit(entry('a-1', 1))
      await store().addAudit(entry('a-2', 2, { kind: 'moderation', action: 'hide', targetId: 't-1' }))
      await store().addAudit(entry('a-3', 3, { targetId: 'u-2' }))
      await store().addAudit(entry('a-1', 9, { reason: 'changed' }))
      const all = (await readAllPages((cursor) => store().listAudit({ cursor, limit: 2 }))).flat()
      expect(all.map((e) => e.id)).toEqual(['a-3', 'a-2', 'a-1'])
      expect(all.find((e) => e.id === 'a-1')?.reason).toBe('新任网格员')
      expect((await store().listAudit({ kind: 'role' })).items.map((e) => e.id)).toEqual(['a-3', 'a-1'])
      expect((await store().listAudit({ targetId: 't-1' })).items.map((e) => e.id)).toEqual(['a-2'])
    })
  })
}
