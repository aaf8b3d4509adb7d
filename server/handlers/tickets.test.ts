import { ringCentroid } from '../../core/routing'
import type { Grid } from '../../core/types'
import { readAll } from '../paging'
import { ok, openTestApp, type TestApp } from '../testing/app'
import { demoCast, ticketFactory } from '../testing/matrix'

let app: TestApp
let mine: Grid
let otherManager: string
let n = 0

beforeAll(async () => {
  // Many reports from one resident here; the limits have their own test.
  app = await openTestApp({ settings: { reportsPerHour: 1000, reportsPerDay: 1000 } })
  const grids = await readAll((q) => app.store.listGrids(q))
  mine = grids.find((g) => g.managerIds.includes('u-grid'))!
  const other = grids.find((g) => g.managerIds.length > 0 && !g.managerIds.includes('u-grid'))!
  otherManager = (await app.store.getUser(other.managerIds[0]))!.openid
})
afterAll(() => app.close())

async function fileReport (extra: Record<string, unknown> = {}) {
  const r = await app.as('dev-citizen')('reports', 'submit', {
    clientRequestId: `req-tickets-${++n}-xyz`, categoryId: 'cat-E02-01', description: '墙上有小广告', location: ringCentroid(mine.polygon)!, ...extra
  })
  return ok(r).ticket
}

describe('grid manager inbox', () => {
  it('holds only open tickets of the manager own grids, overdue first then by deadline', async () => {
    const me = (await app.store.getUser('u-grid'))!
    const inbox = ok(await app.as('dev-grid')('tickets', 'inbox', {}))
    expect(inbox.items.length).toBeGreaterThan(0)
    expect(inbox.items.every((t) => me.gridIds.includes(t.gridId!))).toBe(true)
    expect(inbox.items.every((t) => ['dispatched', 'accepted', 'rework', 'resolved'].includes(t.state))).toBe(true)
    const overdueFlags = inbox.items.map((t) => t.overdue)
    expect(overdueFlags).toEqual([...overdueFlags].sort((a, b) => Number(b) - Number(a)))
    const onTime = inbox.items.filter((t) => !t.overdue).map((t) => t.deadline)
    expect(onTime).toEqual([...onTime].sort())
    expect(inbox.counts.overdue).toBe(inbox.items.filter((t) => t.overdue).length)
  })

  it('filters by state', async () => {
    const inbox = ok(await app.as('dev-grid')('tickets', 'inbox', { states: ['accepted'] }))
    expect(inbox.items.every((t) => t.state === 'accepted')).toBe(true)
  })
})

describe('the ticket workflow', () => {
  it('runs report → accept → resolve → confirm with a rating, each step in the timeline', async () => {
    const t = await fileReport()
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'accept' }))
    const noPhoto = await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'resolve', note: '已清理' })
    expect(noPhoto).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请至少上传一张处置后的照片' } })
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'resolve', note: '已清理', afterPhotos: ['f-after-1'] }))
    const done = ok(await app.as('dev-citizen')('tickets', 'act', { id: t.id, transition: 'confirmFixed', rating: 'satisfied' }))
    expect(done).toMatchObject({ state: 'fixed', closeReason: 'fixed', rating: 'satisfied', afterPhotos: ['f-after-1'] })
    const detail = ok(await app.as('dev-citizen')('tickets', 'get', { id: t.id }))
    expect(detail.timeline.map((e) => e.action)).toEqual(['submit', 'accept', 'resolve', 'confirmFixed'])
  })

  it('sends a failed verification back as rework to the same handler', async () => {
    const t = await fileReport()
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'accept' }))
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'resolve', note: '已清理', afterPhotos: ['f-1'] }))
    const back = ok(await app.as('dev-citizen')('tickets', 'act', { id: t.id, transition: 'rejectFix', note: '还有一半没撕掉' }))
    expect(back).toMatchObject({ state: 'rework', reworkCount: 1, assigneeId: 'u-grid' })
  })

  it('lets exactly one of two simultaneous accepts win; the other gets CONFLICT with the current state', async () => {
    const t = await fileReport()
    const [a, b] = await Promise.all([
      app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'accept', expectedVersion: t.version }),
      app.as('dev-admin')('tickets', 'act', { id: t.id, transition: 'accept', expectedVersion: t.version })
    ])
    const results = [a, b]
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const lost = results.find((r) => !r.ok)
    expect(lost).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { state: 'accepted' } } })
  })

  it('lets exactly one of two managers of the same grid accept; the loser gets CONFLICT, the winner becomes the assignee', async () => {
    const second = { id: 'u-grid-second', openid: 'wx-grid-second', nickname: '钱网格', roles: ['citizen', 'grid_manager'] as const, gridIds: [mine.id], createdAt: app.clock.now() }
    await app.store.putUser({ ...second, roles: [...second.roles] })
    await app.store.putGrids([{ ...mine, managerIds: [...mine.managerIds, second.id] }])
    app.deps.directory.invalidate()
    const t = await fileReport()
    expect(t.assigneeId).toBe('u-grid')
    const results = await Promise.all([
      app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'accept', expectedVersion: t.version }),
      app.as('wx-grid-second')('tickets', 'act', { id: t.id, transition: 'accept', expectedVersion: t.version })
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { state: 'accepted' } } })
    const winner = results.findIndex((r) => r.ok) === 0 ? 'u-grid' : 'u-grid-second'
    expect((await app.store.getTicket(t.id))!.assigneeId).toBe(winner)
  })

  it('five identical submits at once file one ticket', async () => {
    const input = { clientRequestId: 'req-five-at-once', categoryId: 'cat-E02-01', description: '墙上有小广告', location: ringCentroid(mine.polygon)! }
    const results = await Promise.all(Array.from({ length: 5 }, () => app.as('dev-citizen')('reports', 'submit', input)))
    expect(new Set(results.map((r) => ok(r).ticket.id)).size).toBe(1)
    expect(results.filter((r) => ok(r).created)).toHaveLength(1)
    expect((await app.store.listTickets({ reporterId: 'u-citizen', limit: 100 })).items.filter((x) => x.clientRequestId === 'req-five-at-once')).toHaveLength(1)
  })

  it('forbids another grid manager, and a citizen acting as handler', async () => {
    const t = await fileReport()
    expect(await app.as(otherManager)('tickets', 'act', { id: t.id, transition: 'accept' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await app.as(otherManager)('tickets', 'get', { id: t.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await app.as('dev-citizen')('tickets', 'act', { id: t.id, transition: 'accept' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('answers CONFLICT for a step the state does not allow, and NOT_FOUND for an unknown ticket', async () => {
    const t = await fileReport()
    expect(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'resolve', note: 'x', afterPhotos: ['f'] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await app.as('dev-grid')('tickets', 'act', { id: 'no-such', transition: 'accept' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('hands a ticket back to triage and the admin dispatches it to a grid', async () => {
    const t = await fileReport()
    expect(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'handBack' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'handBack', note: '属于物业管理范围' }))
    const again = ok(await app.as('dev-admin')('tickets', 'act', { id: t.id, transition: 'dispatch', gridId: mine.id }))
    expect(again).toMatchObject({ state: 'dispatched', assigneeId: 'u-grid', gridId: mine.id })
  })

  it('hides an anonymous reporter even from the handler, but not the exact point', async () => {
    const t = await fileReport({ anonymous: true })
    const asHandler = ok(await app.as('dev-grid')('tickets', 'get', { id: t.id })).ticket
    expect(asHandler.reporterId).toBeNull()
    expect(asHandler.reporterName).toBeNull()
    expect(asHandler.location).not.toBeNull()
    const asAdmin = ok(await app.as('dev-admin')('tickets', 'get', { id: t.id })).ticket
    expect(asAdmin.reporterId).toBeNull()
    const asReporter = ok(await app.as('dev-citizen')('tickets', 'get', { id: t.id })).ticket
    expect(asReporter.reporterId).toBe('u-citizen')
  })
})

describe('timer sweep', () => {
  it('flags overdue tickets and closes resolved ones whose verification window passed', async () => {
    const t = await fileReport()
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'accept' }))
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'resolve', note: '已清理', afterPhotos: ['f'] }))
    const late = await fileReport()
    app.clock.advanceHours(24 * (app.deps.settings.verifyWindowDays + 1))
    const swept = ok(await app.system('timer', 'sweep', {}))
    expect(swept.autoClosed).toBeGreaterThanOrEqual(1)
    expect(swept.overdueMarked).toBeGreaterThanOrEqual(1)
    expect(await app.store.getTicket(t.id)).toMatchObject({ state: 'fixed', closeReason: 'fixed' })
    expect(await app.store.getTicket(late.id)).toMatchObject({ state: 'dispatched', overdue: true })
    const again = ok(await app.system('timer', 'sweep', {}))
    expect(again).toEqual({ overdueMarked: 0, autoClosed: 0, recovered: 0, offersLapsed: 0, offersMade: 0, reminded: 0, aggregatesDrifted: null })
  })
})

describe('缓办 through tickets.defer', () => {
  it('the office defers a dispatched ticket once: deadline moved, handler and reporter told, a second time refused', async () => {
    const app = await openTestApp()
    try {
      const cast = await demoCast(app)
      const t = await ticketFactory(app, cast, 'defer')('dispatched')
      const until = new Date(Date.parse(t.deadline) + 7 * 86_400_000).toISOString()
      const deferred = ok(await app.as('dev-admin')('tickets', 'defer', { id: t.id, until, reason: '需等待雨季过后施工' }))
      expect(deferred).toMatchObject({ deadline: until, state: 'dispatched', mayDefer: false })
      const stored = await app.store.getTicket(t.id)
      expect(stored?.deferral).toMatchObject({ originalDeadline: t.deadline, until, reason: '需等待雨季过后施工', by: 'u-admin' })
      const reporter = await app.store.listMessages({ userId: 'u-citizen', limit: 10 })
      expect(reporter.items.some((m) => m.ticketId === t.id && m.title === '处理时间延后')).toBe(true)
      const again = await app.as('dev-admin')('tickets', 'defer', { id: t.id, until: new Date(Date.parse(until) + 86_400_000).toISOString(), reason: '再等一等' })
      expect(!again.ok && again.error.code).toBe('CONFLICT')
      const gm = await app.as('dev-grid')('tickets', 'defer', { id: t.id, until, reason: '需等待雨季过后施工' })
      expect(!gm.ok && gm.error.code).toBe('FORBIDDEN')
    } finally {
      await app.close()
    }
  })
})
