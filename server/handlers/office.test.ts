import { distanceMeters, ringCentroid } from '../../core/routing'
import { ticketNumber } from '../../core/tickets/number'
import type { GcjPoint, Grid } from '../../core/types'
import { readAll } from '../paging'
import { ok, openTestApp, type TestApp } from '../testing/app'

/** The office's tools on the server: merge candidates and the merge guard, dispatch suggestions, 督办. */

let app: TestApp
let mine: Grid
let spot: GcjPoint
let farGrid: Grid
let n = 0

const east = (p: GcjPoint, m: number): GcjPoint => ({ lng: p.lng + m / (111_320 * Math.cos((p.lat * Math.PI) / 180)), lat: p.lat })

beforeAll(async () => {
  app = await openTestApp({ settings: { reportsPerHour: 1000, reportsPerDay: 1000 } })
  const grids = await readAll((q) => app.store.listGrids(q))
  mine = grids.find((g) => g.managerIds[0] === 'u-grid')!
  spot = ringCentroid(mine.polygon)!
  farGrid = grids.find((g) => g.managerIds.length > 0 && !g.managerIds.includes('u-grid') && distanceMeters(spot, ringCentroid(g.polygon)!) > 2_000)!
})
afterAll(() => app.close())

async function file (o: { categoryId?: string; location?: GcjPoint } = {}) {
  const r = await app.as('dev-citizen')('reports', 'submit', {
    clientRequestId: `req-office-${++n}-xyz`, categoryId: o.categoryId ?? 'cat-E02-01', description: '墙上有小广告', location: o.location ?? spot
  })
  return ok(r).ticket
}

const admin = () => app.as('dev-admin')

describe('merge candidates', () => {
  it('offers open tickets of the same category nearby, nearest first, with no doubts to spell out', async () => {
    const original = await file({ location: east(spot, 120) })
    const other = await file({ categoryId: 'cat-E01-01', location: east(spot, 10) })
    const duplicate = await file()
    const { candidates } = ok(await admin()('tickets', 'mergeCandidates', { id: duplicate.id }))
    const ids = candidates.map((c) => c.id)
    expect(ids).toContain(original.id)
    expect(ids).not.toContain(other.id)
    expect(ids).not.toContain(duplicate.id)
    expect(candidates.map((c) => c.distanceM)).toEqual([...candidates.map((c) => c.distanceM)].sort((a, b) => a - b))
    expect(candidates.find((c) => c.id === original.id)).toMatchObject({ number: ticketNumber(original), differences: [], refusal: null, categoryName: '非法小广告' })
  })

  it('finds a ticket by its number anywhere, and spells out another category and a far place', async () => {
    const far = await file({ categoryId: 'cat-E01-01', location: ringCentroid(farGrid.polygon)! })
    const duplicate = await file()
    const { candidates } = ok(await admin()('tickets', 'mergeCandidates', { id: duplicate.id, number: ` ${ticketNumber(far).toLowerCase()} ` }))
    expect(candidates.map((c) => c.id)).toEqual([far.id])
    expect(candidates[0].differences).toEqual([
      '类别不同：本案卷是「非法小广告」，原案卷是「暴露垃圾」',
      expect.stringMatching(/^地点相距 \d+\.\d 公里$/)
    ])
  })

  it('marks a closed ticket found by number as no original, and the merge refuses it', async () => {
    const closed = await file()
    ok(await admin()('tickets', 'act', { id: closed.id, transition: 'reject', note: '无效' }))
    const duplicate = await file()
    const { candidates } = ok(await admin()('tickets', 'mergeCandidates', { id: duplicate.id, number: ticketNumber(closed) }))
    expect(candidates[0].refusal).toMatch(/已结案/)
    const r = await admin()('tickets', 'act', { id: duplicate.id, transition: 'merge', mergedInto: closed.id })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/已结案/) } })
    expect(await app.store.getTicket(duplicate.id)).toMatchObject({ state: 'dispatched', mergedInto: null })
  })

  it('merges into a picked candidate; the duplicate\'s reporter follows the original', async () => {
    const original = await file({ location: east(spot, 30) })
    const duplicate = await app.as('dev-volunteer')('reports', 'submit', { clientRequestId: `req-office-${++n}-vol`, categoryId: 'cat-E02-01', description: '电线杆小广告', location: spot })
    const dup = ok(duplicate).ticket
    const merged = ok(await admin()('tickets', 'act', { id: dup.id, transition: 'merge', mergedInto: original.id }))
    expect(merged).toMatchObject({ state: 'closed', closeReason: 'duplicate', mergedInto: original.id })
    expect(await app.store.isFollowing(original.id, 'u-volunteer')).toBe(true)
  })
})

describe('dispatch suggestions', () => {
  it('suggests the manager of the grid the point falls in first', async () => {
    const t = await file()
    const options = ok(await admin()('tickets', 'dispatchOptions', { id: t.id }))
    expect(options[0]).toMatchObject({ managerId: 'u-grid', gridId: mine.id, inGrid: true, suggested: true, distanceM: 0 })
    expect(options.filter((o) => !o.inGrid).map((o) => o.distanceM)).toEqual(options.filter((o) => !o.inGrid).map((o) => o.distanceM).sort((a, b) => a - b))
    expect(new Set(options.map((o) => o.managerId)).size).toBe(options.length)
  })

  it('outside every grid, suggests the managers of the nearest grids', async () => {
    const outside = await file({ location: { lng: 113.2, lat: 28.4 } })
    expect(outside.state).toBe('triage')
    const options = ok(await admin()('tickets', 'dispatchOptions', { id: outside.id }))
    expect(options.some((o) => o.inGrid)).toBe(false)
    expect(options[0].suggested).toBe(true)
    expect(options[0].distanceM).toBeGreaterThan(0)
    expect(options.map((o) => o.distanceM)).toEqual([...options.map((o) => o.distanceM)].sort((a, b) => a - b))
  })

  it('a dispatch naming only the manager sends the ticket to their grid nearest its point, not their first grid', async () => {
    const gm = (await app.store.getUser('u-grid'))!
    const second = (await app.store.listGrids({ limit: 500 })).items.find((g) => g.id === gm.gridIds[1])!
    const t = await file({ location: ringCentroid(second.polygon)! })
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'handBack', note: '请重新分派' }))
    const sent = ok(await admin()('tickets', 'act', { id: t.id, transition: 'dispatch', assigneeId: 'u-grid' }))
    expect(sent).toMatchObject({ state: 'dispatched', assigneeId: 'u-grid', gridId: second.id })
  })
})

describe('督办', () => {
  it('urges the handler of an overdue ticket: the state stays, the urge is counted, timelined and told', async () => {
    const t = await file()
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'accept' }))
    const early = await admin()('tickets', 'urge', { id: t.id })
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '案卷还没有超过处理时限，无需督办' } })

    app.clock.advanceHours(73)
    expect(ok(await admin()('tickets', 'get', { id: t.id })).ticket.mayUrge).toBe(true)
    expect(ok(await app.as('dev-grid')('tickets', 'get', { id: t.id })).ticket.mayUrge).toBe(false)
    const before = (await app.store.getTicket(t.id))!
    const urged = ok(await admin()('tickets', 'urge', { id: t.id, expectedVersion: before.version, note: '请今天内处理' }))
    expect(urged).toMatchObject({ state: 'accepted', urgeCount: 1, overdue: true, version: before.version + 1, mayUrge: false })

    const timeline = ok(await admin()('tickets', 'get', { id: t.id })).timeline
    expect(timeline[timeline.length - 1]).toMatchObject({ action: 'urge', fromState: 'accepted', toState: 'accepted', actorId: 'u-admin', actorRole: 'admin', note: '请今天内处理' })
    const told = await app.store.listMessages({ userId: 'u-grid', limit: 5 })
    expect(told.items[0]).toMatchObject({ ticketId: t.id, title: '文明办督办', body: `「非法小广告」（编号 ${ticketNumber(t)}）已超过处理时限，文明办督促你尽快处理：请今天内处理` })

    const again = await admin()('tickets', 'urge', { id: t.id })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/刚督办过/) } })
    app.clock.advanceHours(2)
    expect(ok(await admin()('tickets', 'urge', { id: t.id })).urgeCount).toBe(2)
  })

  it('an urged ticket is not flagged again by the timer, so the handler is not told twice', async () => {
    const t = await file()
    app.clock.advanceHours(73)
    ok(await admin()('tickets', 'urge', { id: t.id }))
    ok(await app.system('timer', 'sweep', {}))
    const events = ok(await admin()('tickets', 'get', { id: t.id })).timeline.map((e) => e.action)
    expect(events).toEqual(['submit', 'urge'])
  })
})
