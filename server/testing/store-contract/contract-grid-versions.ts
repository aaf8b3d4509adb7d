import type { AuditEntry } from '../../../core/audit'
import type { GridVersionRecord } from '../../../core/grids/versions'
import { aGrid, aUser, isoAt } from '../../../core/testing/builders'
import type { Grid } from '../../../core/types'
import type { GridImport, GridRestore } from '../../ports/directory'
import type { Store } from '../../ports/store'
import { ids, readAllPages } from './pages'

const entry = (id: string, o: Partial<AuditEntry> = {}): AuditEntry =>
  ({ id, at: isoAt(5), kind: 'grid', action: 'import', actorId: 'u-admin', targetId: 'grids:v2', reason: '区划调整', summary: '导入网格第 2 版', ...o })

const record = (version: number, o: Partial<GridVersionRecord> = {}): GridVersionRecord =>
  ({ version, createdAt: isoAt(version), createdBy: 'u-admin', createdByName: '刘主任', source: `grids-v${version}.geojson`, gridCount: 2, reason: '区划调整', ...o })

const g = (id: string, code: string, o: Partial<Grid> = {}): Grid => aGrid({ id, code, name: `网格${code.slice(-3)}`, ...o })

/** Version 1 of two grids (as the seed writes them), and the import of version 2: g-1 kept and renamed, g-2 retired, g-3 new. */
const V1 = (): Grid[] => [g('g-1', '330102001001001', { managerIds: ['u-m1'] }), g('g-2', '330102001001002', { managerIds: ['u-m2'] })]
const V2 = (): Grid[] => [g('g-1', '330102001001001', { name: '改名网格', managerIds: ['u-m1'] }), g('g-3', '330102001001003')]

const importV2 = (o: Partial<GridImport> = {}): GridImport => ({
  expectedActive: 1, record: record(2), grids: V2(), retired: [V1()[1]], audit: entry('au-import-2'), ...o
})

const restoreV1 = (o: Partial<GridRestore> = {}): GridRestore => ({
  expectedActive: 2,
  version: 1,
  grids: V1(),
  changed: [],
  retired: [V2()[1]],
  audit: entry('au-restore-1', { action: 'restore', targetId: 'grids:v1', summary: '恢复网格第 1 版' }),
  ...o
})

async function all (read: (cursor: string | null) => Promise<{ items: Grid[]; next: string | null }>): Promise<Grid[]> {
  return (await readAllPages(read)).flat()
}

export function gridVersionContract (store: () => Store): void {
  describe('grid versions', () => {
    const active = () => all((cursor) => store().listGrids({ cursor, limit: 1 }))

    it('has no version until grids are stored; the first putGrids makes version 1, active', async () => {
      expect(await store().activeGridVersion()).toBeNull()
      expect((await store().listGridVersions({})).items).toEqual([])
      expect((await store().listGrids({})).items).toEqual([])
      await store().putGrids(V1())
      expect(await store().activeGridVersion()).toBe(1)
      const [v1] = (await store().listGridVersions({})).items
      expect(v1).toMatchObject({ version: 1, status: 'active', createdBy: 'system', gridCount: 2 })
      expect(await store().getGridVersion(1)).toEqual(v1)
      expect(await store().getGridVersion(2)).toBeNull()
      expect(ids(await active())).toEqual(['g-1', 'g-2'])
    })

    it('an import switches listGrids, getGrid and the pointer to the new grids in one step, the audit entry with it', async () => {
      await store().putGrids(V1())
      expect(await store().importGridVersion(importV2())).toBe(true)
      expect(await store().activeGridVersion()).toBe(2)
      expect(await active()).toEqual(V2())
      expect(await store().getGrid('g-3')).toEqual(V2()[1])
      expect(await store().getGrid('g-2')).toBeNull()
      const versions = (await readAllPages((cursor) => store().listGridVersions({ cursor, limit: 1 }))).flat()
      expect(versions.map((v) => [v.version, v.status])).toEqual([[2, 'active'], [1, 'inactive']])
      expect(versions[0]).toEqual({ ...record(2), status: 'active' })
      expect((await store().listAudit({ kind: 'grid' })).items.map((e) => e.id)).toEqual(['au-import-2'])
    })

    it('the version left stays readable as it was last used, and its lost grids are retired (for old tickets\' names)', async () => {
      await store().putGrids(V1())
      // An edit while version 1 is in use is part of what version 1 is when left.
      await store().putGrids([{ ...V1()[1], population: 999 }])
      await store().importGridVersion(importV2())
      const v1 = await all((cursor) => store().listVersionGrids(1, { cursor, limit: 1 }))
      expect(v1).toEqual([V1()[0], { ...V1()[1], population: 999 }])
      expect(await all((cursor) => store().listVersionGrids(2, { cursor }))).toEqual(V2())
      expect(await all((cursor) => store().listVersionGrids(7, { cursor }))).toEqual([])
      expect(await all((cursor) => store().listRetiredGrids({ cursor }))).toEqual([V1()[1]])
    })

    it('an import refuses, changing nothing, when the active version moved or its number is taken', async () => {
      await store().putGrids(V1())
      expect(await store().importGridVersion(importV2({ expectedActive: null }))).toBe(false)
      expect(await store().importGridVersion(importV2({ expectedActive: 3 }))).toBe(false)
      expect(await store().importGridVersion(importV2({ record: record(1) }))).toBe(false)
      expect(await store().activeGridVersion()).toBe(1)
      expect(ids(await active())).toEqual(['g-1', 'g-2'])
      expect((await store().listGridVersions({})).items.filter((v) => v.status === 'active').map((v) => v.version)).toEqual([1])
      expect((await store().listAudit({ kind: 'grid' })).items).toEqual([])
    })

    it('a restore makes an earlier version active again with the grids given, and keeps what it leaves', async () => {
      await store().putGrids(V1())
      await store().importGridVersion(importV2())
      const carried = { ...V1()[0], managerIds: ['u-m9'] }
      expect(await store().restoreGridVersion(restoreV1({ grids: [carried, V1()[1]], changed: [carried] }))).toBe(true)
      expect(await store().activeGridVersion()).toBe(1)
      expect(await active()).toEqual([carried, V1()[1]])
      expect((await store().listGridVersions({})).items.map((v) => [v.version, v.status])).toEqual([[2, 'inactive'], [1, 'active']])
      expect(await all((cursor) => store().listVersionGrids(2, { cursor }))).toEqual(V2())
      // g-2 is in use again; g-3 is not.
      expect(ids(await all((cursor) => store().listRetiredGrids({ cursor })))).toEqual(['g-3'])
      expect((await store().listAudit({ kind: 'grid' })).items.map((e) => e.id).sort()).toEqual(['au-import-2', 'au-restore-1'])
    })

    it('a restore refuses, changing nothing, a stale expected version, the active version itself and a missing one', async () => {
      await store().putGrids(V1())
      await store().importGridVersion(importV2())
      expect(await store().restoreGridVersion(restoreV1({ expectedActive: 1 }))).toBe(false)
      expect(await store().restoreGridVersion(restoreV1({ version: 2 }))).toBe(false)
      expect(await store().restoreGridVersion(restoreV1({ version: 5 }))).toBe(false)
      expect(await store().activeGridVersion()).toBe(2)
      expect(await active()).toEqual(V2())
      expect((await store().listAudit({ kind: 'grid' })).items.map((e) => e.id)).toEqual(['au-import-2'])
    })

    it('saveGrid writes the grid, the users\' grids and the audit entry; a version no longer active or a grid not in it changes nothing', async () => {
      await store().putGrids(V1())
      const m1 = aUser({ id: 'u-m1', roles: ['citizen', 'grid_manager'], gridIds: ['g-1'], nickname: '赵网格' })
      const m3 = aUser({ id: 'u-m3', roles: ['citizen', 'grid_manager'], gridIds: [], phone: '13800000003' })
      await store().putUser(m1)
      await store().putUser(m3)
      const edited = { ...V1()[0], name: '新名字', managerIds: ['u-m3'] }
      const save = { version: 1, grid: edited, users: [{ ...m1, gridIds: [] }, { ...m3, gridIds: ['g-1'] }], audit: entry('au-save', { action: 'save', targetId: 'g-1' }) }
      expect(await store().saveGrid({ ...save, version: 2 })).toBe(false)
      expect(await store().saveGrid({ ...save, grid: { ...edited, id: 'g-9' } })).toBe(false)
      expect(await store().getGrid('g-1')).toEqual(V1()[0])
      expect((await store().listAudit({})).items).toEqual([])
      expect(await store().saveGrid(save)).toBe(true)
      expect(await store().getGrid('g-1')).toEqual(edited)
      expect((await store().getUser('u-m1'))?.gridIds).toEqual([])
      // Only gridIds change: the rest of the person stays as stored.
      expect(await store().getUser('u-m3')).toEqual({ ...m3, gridIds: ['g-1'] })
      expect((await store().listAudit({ kind: 'grid' })).items.map((e) => e.id)).toEqual(['au-save'])
    })
  })
}
