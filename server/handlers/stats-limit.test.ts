import { aTicket } from '../../core/testing/builders'
import { openTestApp, type TestApp } from '../testing/app'

describe('stats.headline at its guard', () => {
  let app: TestApp
  beforeAll(async () => { app = await openTestApp({ seed: false }) })
  afterAll(async () => { await app.close() })

  it('answers exact figures below the guard', async () => {
    await app.store.importTickets(Array.from({ length: 50 }, (_, i) => aTicket({ id: `t-a-${i}`, clientRequestId: `req-a-${i}`, state: 'fixed', closedAt: '2026-11-19T00:00:00.000Z' })), [])
    const r = await app.anonymous('stats', 'headline', {})
    expect(r.ok && r.data.closeRate).toMatchObject({ numerator: 50, denominator: 50 })
  })

  it('answers LIMIT_EXCEEDED, never a rate over the first 20,000 tickets, when there are more', async () => {
    const more = Array.from({ length: 20_000 }, (_, i) => aTicket({ id: `t-b-${i}`, clientRequestId: `req-b-${i}`, state: 'dispatched' }))
    await app.store.importTickets(more, [])
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {})
    const r = await app.anonymous('stats', 'headline', {})
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { max: 20_000 } })
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('read stopped at its guard'), expect.anything())
    errors.mockRestore()
  }, 60_000)
})
