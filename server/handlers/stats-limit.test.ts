import { asEffects, recountAll } from '../../core/indicators/recount'
import { aTicket, isoAt } from '../../core/testing/builders'
import { ok, openTestApp, type TestApp } from '../testing/app'

/**
 * The indicator reads no raw row: past the 20,000 rows where the old recount stopped with LIMIT_EXCEEDED, the figures
 * come out exact from the aggregates, and the store is read the same two times whatever the data's size.
 */
describe('stats.headline beyond the old guard', () => {
  let app: TestApp
  beforeAll(async () => { app = await openTestApp({ seed: false }) })
  afterAll(async () => { await app.close() })

  it('answers exact ticket figures for 25,000 tickets, without reading a ticket', async () => {
    const closed = Array.from({ length: 5_000 }, (_, i) => aTicket({ id: `t-a-${i}`, clientRequestId: `req-a-${i}`, state: 'fixed', closedAt: '2026-11-19T00:00:00.000Z' }))
    const open = Array.from({ length: 20_000 }, (_, i) => aTicket({ id: `t-b-${i}`, clientRequestId: `req-b-${i}`, state: 'dispatched', overdue: i % 4 === 0 }))
    const tickets = [...closed, ...open]
    const effects = asEffects(recountAll({ surveys: new Map(), responses: [], tickets, signups: [], volunteers: [], gridCodeOf: () => null }))
    await app.store.importTickets(tickets, [], effects)
    const listed = jest.spyOn(app.store, 'listTickets')
    const year = isoAt(0).slice(0, 4)
    const h = ok(await app.anonymous('stats', 'headline', { fromDay: `${year}-01-01`, toDay: `${year}-12-31` }))
    expect(h.closeRate).toMatchObject({ numerator: 5_000, denominator: 10_000 })
    expect(h.openTickets).toBe(20_000)
    expect(h.overdueTickets).toBe(5_000)
    // 参与率's people: the one reporter of all 25,000 tickets counts once.
    expect(new Set(tickets.map((t) => t.reporterId)).size).toBe(1)
    expect(h.participation.numerator).toBe(1)
    expect(listed).not.toHaveBeenCalled()
    listed.mockRestore()
  }, 60_000)
})
