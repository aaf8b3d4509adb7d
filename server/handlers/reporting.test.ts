import { ringCentroid } from '../../core/routing'
import type { GcjPoint, Grid } from '../../core/types'
import { readAll } from '../paging'
import { ok, openTestApp, type TestApp } from '../testing/app'

let app: TestApp
let spot: GcjPoint
let n = 0

beforeEach(async () => {
  app = await openTestApp()
  const grids = await readAll((q) => app.store.listGrids(q))
  spot = ringCentroid(grids.find((g: Grid) => g.managerIds.includes('u-grid'))!.polygon)!
})
afterEach(() => app.close())

const report = (who: string, extra: Record<string, unknown> = {}) => app.as(who)('reports', 'submit', {
  clientRequestId: `req-reporting-${++n}-abc`, categoryId: 'cat-E02-01', description: '灯箱上贴满小广告', location: spot, ...extra
})

describe('per-user report limits', () => {
  it('refuses the 11th report in an hour with RATE_LIMITED and when to retry, and a retry of a filed one costs nothing', async () => {
    const first = ok(await report('dev-citizen', { clientRequestId: 'req-kept-00001' }))
    for (let i = 0; i < 9; i++) ok(await report('dev-citizen'))
    const again = ok(await report('dev-citizen', { clientRequestId: 'req-kept-00001' }))
    expect(again).toMatchObject({ created: false, ticket: { id: first.ticket.id } })
    const refused = await report('dev-citizen')
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { retryAt: '2026-11-20T03:00:00.000Z' } } })
    app.clock.advanceHours(1)
    expect((await report('dev-citizen')).ok).toBe(true)
  })
})

describe('content check', () => {
  it('refuses an abusive description before it counts or lands, but files a report that names an illegal ad', async () => {
    const refused = await report('dev-citizen', { description: '这个网格员是个傻逼' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '问题描述中含有不文明用语，请修改后再提交' } })
    expect((await app.store.listTickets({ reporterId: 'u-citizen', limit: 100 })).items.some((t) => t.description.includes('傻逼'))).toBe(false)
    expect((await report('dev-citizen', { description: '电线杆上贴满了办证小广告' })).ok).toBe(true)
  })
})

describe('nearby duplicates and following', () => {
  it('offers an open report of the same category nearby, and following it counts once', async () => {
    const original = ok(await report('dev-citizen')).ticket
    const near = { lng: spot.lng + 0.0002, lat: spot.lat }
    const offered = ok(await app.as('dev-volunteer')('reports', 'nearby', { categoryId: 'cat-E02-01', location: near }))
    expect(offered[0]).toMatchObject({ id: original.id, following: false, mine: false })
    expect(offered[0].distanceM).toBeGreaterThan(10)
    expect(offered[0].distanceM).toBeLessThan(30)
    expect(ok(await app.as('dev-volunteer')('reports', 'nearby', { categoryId: 'cat-E01-01', location: near }))).toEqual([])

    expect(ok(await app.as('dev-volunteer')('reports', 'follow', { id: original.id }))).toEqual({ followers: 1, following: true })
    expect(ok(await app.as('dev-volunteer')('reports', 'follow', { id: original.id }))).toEqual({ followers: 1, following: true })
    expect(await app.as('dev-citizen')('reports', 'follow', { id: original.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const followed = ok(await app.as('dev-volunteer')('reports', 'followed', {}))
    expect(followed.items.map((t) => t.id)).toEqual([original.id])
    // A follower opens the public view: no exact point, no reporter.
    const seen = ok(await app.as('dev-volunteer')('tickets', 'get', { id: original.id })).ticket
    expect(seen).toMatchObject({ location: null, reporterId: null })
  })
})

describe('messages', () => {
  it('tells the handler of a new ticket, the reporter and followers of progress, and never the actor', async () => {
    const t = ok(await report('dev-citizen')).ticket
    ok(await app.as('dev-volunteer')('reports', 'follow', { id: t.id }))
    expect(ok(await app.as('dev-grid')('users', 'messages', {})).items[0]).toMatchObject({ title: '新的待办案卷', ticketId: t.id, read: false })
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'accept' }))
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'resolve', note: '已清理', afterPhotos: ['f-1'] }))
    const mine = ok(await app.as('dev-citizen')('users', 'messages', {}))
    expect(mine.items.map((m) => m.title)).toEqual(['问题已处理，请核查', '问题已受理'])
    expect(mine.unread).toBe(2)
    expect(ok(await app.as('dev-volunteer')('users', 'messages', {})).items.map((m) => m.title)).toEqual(['问题已处理', '问题已受理'])
    expect(ok(await app.as('dev-grid')('users', 'messages', {})).items.map((m) => m.title)).toEqual(['新的待办案卷'])
    expect(ok(await app.as('dev-citizen')('users', 'readMessages', {}))).toEqual({ unread: 0 })
  })

  it('sends an unroutable report to every admin', async () => {
    ok(await report('dev-citizen', { location: { lng: 112.5, lat: 27.5 } }))
    expect(ok(await app.as('dev-admin')('users', 'messages', {})).items[0].title).toBe('新的待分拣案卷')
  })
})

describe('admin', () => {
  it('merges a duplicate: its reporter and followers follow the original and are told', async () => {
    const original = ok(await report('dev-citizen')).ticket
    const dup = ok(await report('dev-volunteer', { location: { lng: 112.5, lat: 27.5 } })).ticket
    ok(await app.as('dev-organizer')('reports', 'follow', { id: dup.id }))
    const merged = ok(await app.as('dev-admin')('tickets', 'act', { id: dup.id, transition: 'merge', mergedInto: original.id }))
    expect(merged).toMatchObject({ state: 'closed', closeReason: 'duplicate', mergedInto: original.id })
    expect((await app.store.getTicket(original.id))!.followers).toBe(2)
    expect(ok(await app.as('dev-organizer')('users', 'messages', {})).items[0].title).toBe('问题已合并')
    expect(await app.as('dev-admin')('tickets', 'act', { id: dup.id, transition: 'merge', mergedInto: 'nope' })).toMatchObject({ ok: false })
  })

  it('lists overdue tickets and resolved ones the reporter has not verified in time', async () => {
    const t = ok(await report('dev-citizen')).ticket
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'accept' }))
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'resolve', note: '已处理', afterPhotos: ['f'] }))
    expect(ok(await app.as('dev-admin')('tickets', 'verifyQueue', {})).items.map((x) => x.id)).not.toContain(t.id)
    app.clock.advanceHours(24 * app.deps.settings.adminVerifyAfterDays + 1)
    expect(ok(await app.as('dev-admin')('tickets', 'verifyQueue', {})).items.map((x) => x.id)).toContain(t.id)
    ok(await app.system('timer', 'sweep', {}))
    const overdue = ok(await app.as('dev-admin')('tickets', 'overdue', { limit: 100 }))
    expect(overdue.items.length).toBeGreaterThan(0)
    expect(overdue.items.every((x) => x.overdue)).toBe(true)
    expect(ok(await app.as('dev-admin')('users', 'messages', { limit: 100 })).items.some((m) => m.title === '超期督办')).toBe(true)
  })

  it('lists grid managers with their grids for dispatching', async () => {
    const managers = ok(await app.as('dev-admin')('admin', 'managers', {}))
    expect(managers.find((m) => m.id === 'u-grid')!.gridIds.length).toBeGreaterThan(0)
  })
})
