import { aGrid, isoAt } from '../../../core/testing/builders'
import type { Grid } from '../../../core/types'
import type { GridImport } from '../../ports/directory'
import { readAll } from '../../paging'
import { useFakeCloudbase } from './testing/test-support'

/**
 * A grid version switch on CloudBase: the new set first, the pointer last. A crash before the pointer moves leaves
 * the old version routing and its half-written set unread; a switch that loses the race to the pointer changes
 * nothing routing reads.
 */
const t = useFakeCloudbase()

const V1 = (): Grid[] => [aGrid({ id: 'g-1', code: '330102001001001' }), aGrid({ id: 'g-2', code: '330102001001002' })]
const V2 = (): Grid[] => [aGrid({ id: 'g-1', code: '330102001001001', name: '改名' }), aGrid({ id: 'g-3', code: '330102001001003' })]

const importV2 = (o: Partial<GridImport> = {}): GridImport => ({
  expectedActive: 1,
  record: { version: 2, createdAt: isoAt(1), createdBy: 'u-admin', createdByName: '刘主任', source: 'v2.geojson', gridCount: 2, reason: '区划调整' },
  grids: V2(),
  retired: [],
  audit: { id: 'au-1', at: isoAt(1), kind: 'grid', action: 'import', actorId: 'u-admin', targetId: 'grids:v2', reason: '区划调整', summary: '导入' },
  ...o
})

const routed = () => readAll((q) => t.store.listGrids(q))

describe('CloudBase grid versions', () => {
  it('a crash after the new set is written but before the pointer moves leaves version 1 routing; a retry then switches cleanly', async () => {
    await t.store.putGrids(V1())
    // The import's pointer read and its one add of the set are answered; the process dies before the version record.
    t.fake.cutAfter(2)
    await expect(t.store.importGridVersion(importV2())).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
    t.fake.heal()
    expect(t.fake.docs('grids')).toHaveLength(4)
    expect(await t.store.activeGridVersion()).toBe(1)
    expect(await routed()).toEqual(V1())
    expect((await t.store.listGridVersions({})).items.map((v) => v.version)).toEqual([1])
    expect((await t.store.listAudit({})).items).toEqual([])

    expect(await t.store.importGridVersion(importV2())).toBe(true)
    expect(await t.store.activeGridVersion()).toBe(2)
    // The crashed attempt's documents are another set: never read as version 2's.
    expect(await routed()).toEqual(V2())
  })

  it('a switch that loses the pointer to another one answers false and routing follows the winner', async () => {
    await t.store.putGrids(V1())
    // Another process moves the pointer just before this import's conditional flip lands.
    t.fake.beforeNext('database.modifyDocument', () => {
      t.fake.seed('grid_active', [{ _id: 'active', version: 7, set: 'v000007-other', at: isoAt(2) }])
    })
    expect(await t.store.importGridVersion(importV2())).toBe(false)
    expect(await t.store.activeGridVersion()).toBe(7)
    expect((await t.store.listAudit({})).items).toEqual([])
  })
})
