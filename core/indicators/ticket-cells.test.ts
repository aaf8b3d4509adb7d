import { aTicket } from '../testing/builders'
import { mergeCells } from './aggregates'
import { indicatorSet, sumsOf } from './read'
import { bandOf, cellDelta, medianBand, ticketCells } from './ticket-cells'

const CODE = '430111001001001'
const filed = '2026-11-02T02:00:00.000Z'
const h = (n: number) => new Date(Date.parse(filed) + n * 3_600_000).toISOString()

/** Reads the city's figures from the cells of some tickets, as the dashboard does. */
function read (tickets: Parameters<typeof ticketCells>[0][]) {
  const cells = mergeCells(tickets.flatMap((t) => ticketCells(t, CODE))).filter((c) => c.area === '')
  return indicatorSet(sumsOf(cells), new Map(), { grain: null, residentBase: 1000, minSample: 30 })
}

describe('ticket indicators from cells (hand-computed fixtures)', () => {
  const base = { createdAt: filed, deadline: h(48), dispatchedAt: h(1), overdue: false, reworkCount: 0, rating: null, deferral: null }
  const onTime = aTicket({ ...base, id: 'a', state: 'fixed', resolvedAt: h(10), closedAt: h(20), rating: 'satisfied' })
  const late = aTicket({ ...base, id: 'b', state: 'fixed', resolvedAt: h(60), closedAt: h(70), reworkCount: 1, rating: 'unsatisfied' })
  const overdueOpen = aTicket({ ...base, id: 'c', state: 'dispatched', overdue: true })
  const notDue = aTicket({ ...base, id: 'd', state: 'accepted' })
  const deferred = aTicket({ ...base, id: 'e', state: 'accepted', overdue: true, deferral: { at: h(40), by: 'u-admin', reason: '等采购', originalDeadline: h(48), until: h(400) } })

  it('结案率, 按期结案率 (缓办 out of both), 返工率, 整改满意率', () => {
    const r = read([onTime, late, overdueOpen, notDue, deferred])
    // Due: a, b (closed), c and e (marked overdue); d is not due yet.
    expect(r.closeRate).toMatchObject({ numerator: 2, denominator: 4 })
    // 按期结案 ÷ (应结案 − 缓办) = 1 ÷ (4 − 1).
    expect(r.onTimeCloseRate).toMatchObject({ numerator: 1, denominator: 3 })
    // Rework over verified (fixed, or sent back once): b of a, b.
    expect(r.reworkRate).toMatchObject({ numerator: 1, denominator: 2 })
    expect(r.fixSatisfaction).toMatchObject({ numerator: 1, denominator: 2, insufficient: true })
    expect(r).toMatchObject({ openTickets: 3, overdueTickets: 2, deferredTickets: 1 })
  })

  it('mean times and the band the median lies in', () => {
    const r = read([onTime, late])
    expect(r.hoursToClose.mean).toBeCloseTo(45, 10)
    expect(r.hoursToClose.n).toBe(2)
    // 20 h and 70 h: the median (the first observation reaching half) lies in 12–24 h.
    expect(r.hoursToClose.median).toEqual({ low: 12, high: 24 })
    expect(r.hoursToDispatch).toMatchObject({ mean: 1, n: 2, median: { low: 1, high: 2 } })
    expect(medianBand([0, 0, 0])).toBeNull()
    expect(bandOf(0.5)).toBe(0)
    expect(bandOf(2000)).toBe(12)
  })

  it('no tickets: 暂无数据, never 0%', () => {
    const r = read([])
    expect(r.closeRate.value).toBeNull()
    expect(r.hoursToClose).toEqual({ mean: null, n: 0, median: null })
  })

  it('a step adds only what it changes; before + delta equals after', () => {
    const before = notDue
    const after = { ...notDue, state: 'closed' as const, closedAt: h(30) }
    const delta = cellDelta(ticketCells(before, CODE), ticketCells(after, CODE))
    expect(delta.length).toBeGreaterThan(0)
    const rebuilt = mergeCells([...ticketCells(before, CODE), ...delta]).filter((c) => c.n !== 0)
    const expected = mergeCells(ticketCells(after, CODE))
    expect(new Set(rebuilt.map((c) => `${c.metric}|${c.area}|${c.n}`))).toEqual(new Set(expected.map((c) => `${c.metric}|${c.area}|${c.n}`)))
    expect(cellDelta(ticketCells(before, CODE), ticketCells(before, CODE))).toEqual([])
  })

  it('a ticket moved to another grid leaves the old grid and counts in the new one', () => {
    const moved = cellDelta(ticketCells(notDue, CODE), ticketCells(notDue, '430111002001001'))
    expect(moved.filter((c) => c.area === CODE).every((c) => c.n < 0)).toBe(true)
    expect(moved.filter((c) => c.area === '430111002001001').every((c) => c.n > 0)).toBe(true)
    expect(moved.some((c) => c.area === '' || c.area === '430111')).toBe(false)
  })
})
