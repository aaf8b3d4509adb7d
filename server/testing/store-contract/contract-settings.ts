import type { AuditEntry } from '../../../core/audit'
import { DEFAULT_SETTINGS } from '../../../core/settings'
import { settingsVersionId, type SettingsVersion } from '../../../core/settings-schema'
import { aCategory, isoAt } from '../../../core/testing/builders'
import type { Store } from '../../ports/store'
import { readAllPages } from './pages'

const version = (v: number, reportsPerHour: number): SettingsVersion => ({
  id: settingsVersionId(v),
  version: v,
  settings: { ...DEFAULT_SETTINGS, reportsPerHour },
  savedAt: isoAt(v),
  savedBy: 'u-admin',
  reason: `第 ${v} 次调整`,
  changes: [{ path: 'reportsPerHour', label: '每小时上报上限', before: '10 条', after: `${reportsPerHour} 条` }]
})

const audit = (id: string, kind: AuditEntry['kind'], targetId: string): AuditEntry =>
  ({ id, at: isoAt(1), kind, action: 'save', actorId: 'u-admin', targetId, reason: '', summary: '保存' })

/** The office's settings versions (compare-and-set, every version kept) and category saves, each with its audit entry. */
export function settingsContract (store: () => Store): void {
  describe('settings versions', () => {
    it('none saved reads null; each save must follow the newest version, and lands with its audit entry', async () => {
      expect(await store().getSettings()).toBeNull()
      expect(await store().saveSettings(version(2, 5), audit('au-skip', 'settings', 'settings'))).toBe(false)
      expect(await store().saveSettings(version(1, 5), audit('au-1', 'settings', 'settings'))).toBe(true)
      expect(await store().getSettings()).toEqual(version(1, 5))
      // A second save edited from version 0 lost the race: refused, nothing written, not even its audit entry.
      expect(await store().saveSettings({ ...version(1, 7), reason: '另一位同事' }, audit('au-lost', 'settings', 'settings'))).toBe(false)
      expect(await store().getSettings()).toEqual(version(1, 5))
      expect(await store().saveSettings(version(2, 8), audit('au-2', 'settings', 'settings'))).toBe(true)
      expect((await store().getSettings())?.version).toBe(2)
      expect((await store().listAudit({ kind: 'settings' })).items.map((e) => e.id).sort()).toEqual(['au-1', 'au-2'])
    })

    it('keeps every version, newest first, paged to the end', async () => {
      for (let v = 1; v <= 5; v++) expect(await store().saveSettings(version(v, v), audit(`au-v${v}`, 'settings', 'settings'))).toBe(true)
      const pages = await readAllPages((cursor) => store().listSettingsVersions({ cursor, limit: 2 }))
      expect(pages.map((p) => p.length)).toEqual([2, 2, 1])
      expect(pages.flat()).toEqual([5, 4, 3, 2, 1].map((v) => version(v, v)))
    })
  })

  describe('category saves', () => {
    it('creates only a new id, replaces on edit, and writes the audit entry with each save that lands', async () => {
      const c = aCategory({ id: 'cat-E09-01', code: 'E09-01', parentCode: 'E09', name: '乱扔烟头', timeLimitHours: 24 })
      expect(await store().saveCategory(c, audit('au-c1', 'category', c.code), true)).toBe(true)
      expect(await store().saveCategory({ ...c, name: '重复新建' }, audit('au-c2', 'category', c.code), true)).toBe(false)
      expect((await store().listCategories({})).items).toEqual([c])
      const edited = { ...c, timeLimitHours: 48, active: false }
      expect(await store().saveCategory(edited, audit('au-c3', 'category', c.code), false)).toBe(true)
      expect((await store().listCategories({})).items).toEqual([edited])
      expect((await store().listAudit({ kind: 'category' })).items.map((e) => e.id).sort()).toEqual(['au-c1', 'au-c3'])
    })
  })
}
