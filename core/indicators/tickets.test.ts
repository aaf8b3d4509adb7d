import type { Rating } from '../types'
import { wilsonInterval } from './rate'
import { ticketIndicators, ticketSatisfaction, type TicketFacts } from './tickets'

const day = (d: number, h = 0) => `2024-05-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`
const NOW = day(10)

const ticket = (t: Partial<TicketFacts>): TicketFacts => ({
  state: 'triage',
  createdAt: day(1),
  deadline: day(3),
  closedAt: null,
  reworkCount: 0,
  dispatchedAt: null,
  resolvedAt: null,
  closeReason: null,
  ...t
})

const tickets: TicketFacts[] = [
  // A: fixed on time.
  ticket({ state: 'fixed', closeReason: 'fixed', dispatchedAt: day(1, 2), resolvedAt: day(2), closedAt: day(2, 12) }),
  // B: fixed late after one rework.
  ticket({ state: 'fixed', closeReason: 'fixed', deadline: day(2), dispatchedAt: day(1, 4), resolvedAt: day(3), closedAt: day(4), reworkCount: 1 }),
  // C: closed as a duplicate before its (future) deadline: due because closed.
  ticket({ state: 'closed', closeReason: 'duplicate', createdAt: day(5), deadline: day(20), closedAt: day(5, 6) }),
  // D: open and overdue.
  ticket({ state: 'accepted', deadline: day(9), dispatchedAt: day(1, 6) }),
  // E: open, not due yet, sent back once.
  ticket({ state: 'rework', createdAt: day(8), deadline: day(15), dispatchedAt: day(8), resolvedAt: day(8, 10), reworkCount: 1 }),
  // F: deadline exactly now counts as due.
  ticket({ state: 'triage', createdAt: day(9), deadline: NOW }),
  // G: closed as unable, late, after two reworks.
  ticket({ state: 'closed', closeReason: 'unable', dispatchedAt: day(1, 8), resolvedAt: day(2), closedAt: day(6), reworkCount: 2 })
]

describe('ticketIndicators', () => {
  const ind = ticketIndicators(tickets, NOW)

  it('结案率 = closed / due (deadline ≤ now or closed)', () => {
    // due: A B C D F G; closed: A B C G.
    expect(ind.closeRate).toEqual({ value: 4 / 6, numerator: 4, denominator: 6, ci95: null })
  })

  it('按期结案率 = closed by the deadline / due', () => {
    expect(ind.onTimeCloseRate).toEqual({ value: 2 / 6, numerator: 2, denominator: 6, ci95: null }) // A, C
  })

  it('按期结案率 leaves deferred tickets (缓办) out of both counts: 按期结案 ÷ (应结案 − 缓办)', () => {
    const deferral = { at: day(2), by: 'u-admin', reason: '等待统一采购', originalDeadline: day(3), until: day(9) }
    const withDeferred = [
      ...tickets,
      // H: deferred, then closed by its new deadline: neither on time nor due in this rate.
      ticket({ state: 'fixed', closeReason: 'fixed', deadline: day(9), closedAt: day(8), deferral }),
      // I: deferred and still open past its new deadline: not in the base either.
      ticket({ state: 'accepted', deadline: day(9), deferral })
    ]
    const r = ticketIndicators(withDeferred, NOW)
    expect(r.onTimeCloseRate).toEqual({ value: 2 / 6, numerator: 2, denominator: 6, ci95: null }) // A, C over A B C D F G
    // 结案率 still counts them: due A B C D F G H I, closed A B C G H.
    expect(r.closeRate).toEqual({ value: 5 / 8, numerator: 5, denominator: 8, ci95: null })
  })

  it('返工率 = sent back at least once / verified', () => {
    // verified: A B (fixed), E G (reworked); reworked: B E G.
    expect(ind.reworkRate).toEqual({ value: 3 / 4, numerator: 3, denominator: 4, ci95: null })
  })

  it('解决率 keeps closed-but-not-fixed apart from fixed', () => {
    expect(ind.fixRate).toEqual({ value: 2 / 4, numerator: 2, denominator: 4, ci95: null }) // A B of A B C G
  })

  it('averages hours from the report to dispatch, resolve and close', () => {
    expect(ind.hoursToDispatch).toEqual({ value: (2 + 4 + 6 + 0 + 8) / 5, n: 5 })
    expect(ind.hoursToResolve).toEqual({ value: (24 + 48 + 10 + 24) / 4, n: 4 })
    expect(ind.hoursToClose).toEqual({ value: (36 + 72 + 6 + 120) / 4, n: 4 })
  })

  it('moves open tickets into "due" as time passes', () => {
    expect(ticketIndicators(tickets, day(16)).closeRate.denominator).toBe(7)
    expect(ticketIndicators(tickets, day(2)).closeRate.denominator).toBe(4) // A B C G are closed
  })

  it('is all null with no tickets', () => {
    const empty = { value: null, numerator: 0, denominator: 0, ci95: null }
    expect(ticketIndicators([], NOW)).toEqual({
      closeRate: empty,
      onTimeCloseRate: empty,
      reworkRate: empty,
      fixRate: empty,
      hoursToDispatch: { value: null, n: 0 },
      hoursToResolve: { value: null, n: 0 },
      hoursToClose: { value: null, n: 0 }
    })
  })

  it('gives null rates, not NaN, when nothing is due or closed', () => {
    const ind2 = ticketIndicators([ticket({ state: 'dispatched', deadline: day(20), dispatchedAt: day(1, 3) })], NOW)
    expect(ind2.closeRate.value).toBeNull()
    expect(ind2.fixRate.value).toBeNull()
    expect(ind2.reworkRate.value).toBeNull()
    expect(ind2.hoursToDispatch).toEqual({ value: 3, n: 1 })
  })

  it('rejects a now that is not a date', () => {
    expect(() => ticketIndicators(tickets, 'yesterday')).toThrow(RangeError)
  })
})

describe('ticketSatisfaction', () => {
  it('counts satisfied and basic as satisfied, and leaves unrated out', () => {
    const ratings: Array<Rating | null> = ['satisfied', 'basic', 'unsatisfied', 'basic', null]
    expect(ticketSatisfaction(ratings)).toEqual({ value: 3 / 4, numerator: 3, denominator: 4, ci95: wilsonInterval(3, 4) })
  })

  it('is null with no ratings', () => {
    expect(ticketSatisfaction([])).toEqual({ value: null, numerator: 0, denominator: 0, ci95: null })
    expect(ticketSatisfaction([null, null]).value).toBeNull()
  })
})
