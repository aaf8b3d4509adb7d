import { aGrid, isoAt } from '../core/testing/builders'
import type { Grid } from '../core/types'
import { memoryStore } from './testing/stores'
import { createDirectoryCache, DIRECTORY_STAMP, directoryChanged } from './directory'
import type { Store } from './ports/store'
import { manualClock } from './testing/app'

/**
 * The directory cache as two processes see one store: an import, a restore or an edit made through another cache is
 * seen on the next read here (the active version, or the edit stamp, is asked for), without waiting for the TTL.
 */

let store: Store
beforeEach(() => { store = memoryStore() })
afterEach(() => store.close())

const square = (x: number): Grid['polygon'] => [[x, 30], [x + 0.01, 30], [x + 0.01, 30.01], [x, 30.01]]
const V1 = (): Grid[] => [aGrid({ id: 'g-1', code: '330102001001001', polygon: square(120), managerIds: ['u-a'] }), aGrid({ id: 'g-2', code: '330102001001002', polygon: square(120.01) })]
const V2 = (): Grid[] => [aGrid({ id: 'g-1', code: '330102001001001', polygon: square(120) }), aGrid({ id: 'g-3', code: '330102001001003', polygon: square(120.01) })]
const inSecond = { lng: 120.015, lat: 30.005 }
const audit = (id: string) => ({ id, at: isoAt(1), kind: 'grid' as const, action: 'import', actorId: 'u-admin', targetId: 'grids:v2', reason: '调整', summary: '导入' })

describe('directory cache', () => {
  it('sees a version switched to elsewhere on its next read, and keeps retired grids for names only', async () => {
    await store.putGrids(V1())
    const here = createDirectoryCache(store, manualClock(), { versionCheckMs: 0 })
    const before = await here.get()
    expect(before.gridVersion).toBe(1)
    expect(before.index.locate(inSecond)).toMatchObject({ kind: 'grid', grid: { id: 'g-2' } })

    // Another process imports version 2 (through the store: this cache is not told).
    expect(await store.importGridVersion({
      expectedActive: 1, record: { version: 2, createdAt: isoAt(1), createdBy: 'u-admin', createdByName: '刘主任', source: 'v2', gridCount: 2, reason: '调整' },
      grids: V2(), retired: [V1()[1]], audit: audit('au-1')
    })).toBe(true)
    const after = await here.get()
    expect(after.gridVersion).toBe(2)
    expect(after.index.locate(inSecond)).toMatchObject({ kind: 'grid', grid: { id: 'g-3' } })
    expect(after.grids.map((g) => g.id)).toEqual(['g-1', 'g-3'])
    expect(after.gridsById.get('g-2')?.name).toBe(V1()[1].name)
    expect([...after.activeGridIds].sort()).toEqual(['g-1', 'g-3'])
  })

  it('with a stamp, sees an edit stamped elsewhere; without one it keeps its copy until invalidated', async () => {
    await store.putGrids(V1())
    const clock = manualClock()
    const stamped = createDirectoryCache(store, clock, { versionCheckMs: 0, stamp: () => store.incrementCounter(DIRECTORY_STAMP, 0) })
    const plain = createDirectoryCache(store, clock, { versionCheckMs: 0 })
    expect((await stamped.get()).gridsById.get('g-2')?.managerIds).toEqual([])
    expect((await plain.get()).gridsById.get('g-2')?.managerIds).toEqual([])

    await store.putGrids([{ ...V1()[1], managerIds: ['u-b'] }])
    const elsewhere = createDirectoryCache(store, clock)
    await directoryChanged(store, elsewhere)
    expect((await stamped.get()).gridsById.get('g-2')?.managerIds).toEqual(['u-b'])
    expect((await plain.get()).gridsById.get('g-2')?.managerIds).toEqual([])
    plain.invalidate()
    expect((await plain.get()).gridsById.get('g-2')?.managerIds).toEqual(['u-b'])
  })

  it('asks the store at most every versionCheckMs', async () => {
    await store.putGrids(V1())
    const asked = jest.spyOn(store, 'activeGridVersion')
    const cache = createDirectoryCache(store, manualClock(), { versionCheckMs: 60_000 })
    await cache.get()
    const afterLoad = asked.mock.calls.length
    await Promise.all([cache.get(), cache.get(), cache.get()])
    await cache.get()
    expect(asked.mock.calls.length - afterLoad).toBe(1)
  })
})
