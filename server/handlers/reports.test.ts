import { ringCentroid } from '../../core/routing'
import type { GcjPoint, Grid } from '../../core/types'
import { readAll } from '../paging'
import { ok, openTestApp, type TestApp } from '../testing/app'

let app: TestApp
let managed: Grid
let unmanaged: Grid
const OUTSIDE: GcjPoint = { lng: 112.5, lat: 27.5 }

beforeAll(async () => {
  app = await openTestApp()
  const grids = await readAll((q) => app.store.listGrids(q))
  managed = grids.find((g) => g.managerIds.includes('u-grid'))!
  unmanaged = grids.find((g) => g.managerIds.length === 0)!
})
afterAll(() => app.close())

const centre = (g: Grid) => ringCentroid(g.polygon)!
let n = 0
const report = (location: GcjPoint, extra: Record<string, unknown> = {}) => ({
  clientRequestId: `req-test-${++n}-abcdef`, categoryId: 'cat-E02-01', description: '电线杆上贴满了小广告', location, ...extra
})

describe('reports.submit routes every report somewhere', () => {
  it('sends a point inside a managed grid to that grid manager, with the category deadline', async () => {
    const { ticket, created } = ok(await app.as('dev-citizen')('reports', 'submit', report(centre(managed))))
    expect(created).toBe(true)
    expect(ticket).toMatchObject({ state: 'dispatched', gridId: managed.id, assigneeId: 'u-grid' })
    const category = (await app.deps.directory.get()).categoriesById.get('cat-E02-01')
    expect(Date.parse(ticket.deadline) - Date.parse(app.clock.now())).toBe(category!.timeLimitHours * 3_600_000)
  })

  it('puts a point outside every grid into admin triage, never dropping it', async () => {
    const { ticket } = ok(await app.as('dev-citizen')('reports', 'submit', report(OUTSIDE)))
    expect(ticket).toMatchObject({ state: 'triage', gridId: null, assigneeId: null })
    const triage = ok(await app.as('dev-admin')('tickets', 'triage', { limit: 100 }))
    expect(triage.items.map((t) => t.id)).toContain(ticket.id)
  })

  it('puts a point in a grid without a manager into triage too', async () => {
    const { ticket } = ok(await app.as('dev-citizen')('reports', 'submit', report(centre(unmanaged))))
    expect(ticket).toMatchObject({ state: 'triage', gridId: unmanaged.id, assigneeId: null })
  })

  it('makes a retry with the same client request id return the first ticket', async () => {
    const input = report(centre(managed))
    const [a, b] = await Promise.all([app.as('dev-citizen')('reports', 'submit', input), app.as('dev-citizen')('reports', 'submit', input)])
    const ids = [ok(a).ticket.id, ok(b).ticket.id]
    expect(ids[0]).toBe(ids[1])
    expect([ok(a).created, ok(b).created].sort()).toEqual([false, true])
  })

  it('previews who will handle a point before submitting', async () => {
    expect(ok(await app.as('dev-citizen')('reports', 'locate', centre(managed)))).toMatchObject({ grid: { id: managed.id }, handledBy: 'grid', managerNames: ['赵网格'] })
    expect(ok(await app.as('dev-citizen')('reports', 'locate', OUTSIDE))).toEqual({ grid: null, managerNames: [], handledBy: 'triage' })
  })

  it('refuses an unknown category and changes nothing', async () => {
    const before = (await app.store.listTickets({ limit: 100 })).items.length
    const r = await app.as('dev-citizen')('reports', 'submit', report(centre(managed), { categoryId: 'cat-nope' }))
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect((await app.store.listTickets({ limit: 100 })).items.length).toBe(before)
  })

  it('lists my own reports only', async () => {
    const mine = ok(await app.as('dev-citizen')('reports', 'mine', { limit: 100 }))
    expect(mine.items.length).toBeGreaterThan(0)
    expect(mine.items.every((t) => t.reporterId === 'u-citizen')).toBe(true)
  })
})

describe('reports.gridMap', () => {
  it('answers every grid with the city\'s main roads and named places for the offline map', async () => {
    const map = ok(await app.anonymous('reports', 'gridMap', {}))
    expect(map.grids.length).toBe((await readAll((q) => app.store.listGrids(q))).length)
    expect(map.roads.map((r) => r.name)).toEqual(expect.arrayContaining(['韶山路', '劳动路', '二环线', '浏阳河']))
    expect(map.places.map((p) => p.name)).toEqual(expect.arrayContaining(['长沙南站', '省政府', '红星', '雨花亭', '树木岭']))
    expect(map.roads.every((r) => r.line.length >= 2)).toBe(true)
    // Small enough to travel with every map: the features add a few KB at most.
    expect(JSON.stringify({ roads: map.roads, places: map.places }).length).toBeLessThan(4000)
  })
})

describe('reports.nearby widens its radius by how exactly the point was picked', () => {
  // 乱晾晒 (E05-07) has a 30 m duplicate radius and nothing seeded near this point.
  const at = () => centre(unmanaged)
  const east = (p: GcjPoint, m: number) => ({ lng: p.lng + m / (111_320 * Math.cos((p.lat * Math.PI) / 180)), lat: p.lat })
  const nearby = (location: GcjPoint, toleranceM?: number) =>
    app.as('dev-volunteer')('reports', 'nearby', { categoryId: 'cat-E05-07', location, ...(toleranceM === undefined ? {} : { toleranceM }) })

  it('offers a report 150 m away only when the tap was that uncertain, and never beyond the cap', async () => {
    const { ticket } = ok(await app.as('dev-citizen')('reports', 'submit', report(at(), { categoryId: 'cat-E05-07', description: '阳台衣物晾到了人行道上方' })))
    expect(ok(await nearby(east(at(), 150))).map((x) => x.id)).not.toContain(ticket.id)
    expect(ok(await nearby(east(at(), 150), 20)).map((x) => x.id)).not.toContain(ticket.id)
    const offered = ok(await nearby(east(at(), 150), 140))
    expect(offered.map((x) => x.id)).toContain(ticket.id)
    expect(offered.find((x) => x.id === ticket.id)!.distanceM).toBe(150)
    // Even a hopeless tolerance searches at most 30 + 300 m.
    expect(ok(await nearby(east(at(), 320), 10_000)).map((x) => x.id)).toContain(ticket.id)
    expect(ok(await nearby(east(at(), 400), 10_000)).map((x) => x.id)).not.toContain(ticket.id)
  })

  it('refuses a negative or absurd tolerance', async () => {
    expect(await nearby(at(), -1)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await nearby(at(), 20_000)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
