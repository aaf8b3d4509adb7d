import type { Ticket } from '../types'
import { closedOnTime } from '../tickets/sla'
import { stateKind } from '../tickets/workflow'
import { areasOf } from './areas'
import { chinaDayKey } from './period'
import type { AggCell } from './aggregates'

/**
 * The ticket indicators kept incrementally. A ticket, as it stands, contributes cells to each area it lies in for the
 * China day it was filed; a write adds the difference between the ticket's contribution after and before (so any
 * transition, a reopen, a deferral, a late rating, keeps every cell exact), in the same unit as the write.
 *
 * "Due" is a closed ticket or an open one the timer has marked overdue (Ticket.overdue, set by the sweep the moment it
 * sees the deadline passed): the cells stay additive and free of "now", at the price of the sweep's period.
 */

export const TICKET_COUNTS = [
  'open', 'overdueOpen', 'due', 'dueDeferred', 'deferred', 'closed', 'closedOnTime', 'fixed', 'verified', 'reworked', 'rated'
] as const
export type TicketCount = typeof TICKET_COUNTS[number]

export const DURATIONS = ['dispatch', 'resolve', 'close'] as const
export type Duration = typeof DURATIONS[number]

/** Median bands in hours: [0,1), [1,2), [2,4) … [720, ∞). A median is given as the band it falls in. */
export const HOUR_BANDS: readonly number[] = [0, 1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 336, 720]

export const countMetric = (c: TicketCount) => `t.${c}`
export const durationMetric = (d: Duration) => `t.h.${d}`
export const bandMetric = (d: Duration, band: number) => `t.hb.${d}.${band}`

/** Every ticket metric: what a read sums and the reconciliation recounts. */
export const TICKET_METRICS: readonly string[] = [
  ...TICKET_COUNTS.map(countMetric),
  ...DURATIONS.flatMap((d) => [durationMetric(d), ...HOUR_BANDS.map((_, i) => bandMetric(d, i))])
]

export function bandOf (hours: number): number {
  let band = 0
  for (let i = 0; i < HOUR_BANDS.length; i++) if (hours >= HOUR_BANDS[i]) band = i
  return band
}

export type TicketCellFacts = Pick<Ticket,
  'state' | 'createdAt' | 'deadline' | 'closedAt' | 'reworkCount' | 'dispatchedAt' | 'resolvedAt' | 'closeReason' | 'deferral' | 'overdue' | 'rating'>

const HOUR_MS = 3_600_000
const hours = (from: string, to: string | null | undefined): number | null => {
  if (!to) return null
  const h = (Date.parse(to) - Date.parse(from)) / HOUR_MS
  return Number.isFinite(h) && h >= 0 ? h : null
}

/** The counts and durations one ticket contributes, before they are spread over its areas. */
export function ticketContribution (t: TicketCellFacts): { counts: TicketCount[]; durations: Array<{ d: Duration; hours: number }>; satisfied: boolean } {
  const kind = stateKind(t.state)
  const closed = kind !== 'open'
  const due = closed || t.overdue
  const counts: TicketCount[] = []
  if (!closed) counts.push('open')
  if (!closed && t.overdue) counts.push('overdueOpen')
  if (due) counts.push('due')
  if (due && t.deferral) counts.push('dueDeferred')
  if (t.deferral) counts.push('deferred')
  if (closed) counts.push('closed')
  if (closed && !t.deferral && closedOnTime(t)) counts.push('closedOnTime')
  if (kind === 'fixed') counts.push('fixed')
  if (kind === 'fixed' || t.reworkCount > 0) counts.push('verified')
  if (t.reworkCount > 0) counts.push('reworked')
  // 整改满意率 counts the rating of a ticket closed as fixed (a reopened ticket's old rating no longer stands).
  const rated = t.state === 'fixed' && !!t.rating
  if (rated) counts.push('rated')
  const durations: Array<{ d: Duration; hours: number }> = []
  const add = (d: Duration, h: number | null) => { if (h !== null) durations.push({ d, hours: h }) }
  add('dispatch', hours(t.createdAt, t.dispatchedAt))
  add('resolve', hours(t.createdAt, t.resolvedAt))
  if (closed) add('close', hours(t.createdAt, t.closedAt))
  return { counts, durations, satisfied: rated && (t.rating === 'satisfied' || t.rating === 'basic') }
}

/** The cells a ticket as it stands contributes (for its grid's areas, on the China day it was filed). */
export function ticketCells (t: TicketCellFacts, gridCode: string | null | undefined): AggCell[] {
  const day = chinaDayKey(t.createdAt)
  const { counts, durations, satisfied } = ticketContribution(t)
  const out: AggCell[] = []
  for (const area of areasOf(gridCode)) {
    for (const c of counts) {
      // 'rated' carries the satisfied ones in its sum: 整改满意率 = Σ sum / Σ n.
      const y = c === 'rated' ? (satisfied ? 1 : 0) : 1
      out.push({ metric: countMetric(c), area, day, n: 1, sum: y, sumSq: y })
    }
    for (const { d, hours: h } of durations) {
      out.push({ metric: durationMetric(d), area, day, n: 1, sum: h, sumSq: h * h })
      out.push({ metric: bandMetric(d, bandOf(h)), area, day, n: 1, sum: h, sumSq: h * h })
    }
  }
  return out
}

/** after − before, cell by cell; cells that do not change are left out (a step that moves no indicator writes none). */
export function cellDelta (before: readonly AggCell[], after: readonly AggCell[]): AggCell[] {
  const key = (c: AggCell) => `${c.metric}|${c.area}|${c.day}`
  const by = new Map<string, AggCell>()
  for (const c of after) {
    const k = key(c)
    const had = by.get(k)
    if (had) { had.n += c.n; had.sum += c.sum; had.sumSq += c.sumSq } else by.set(k, { ...c })
  }
  for (const c of before) {
    const k = key(c)
    const had = by.get(k)
    if (had) { had.n -= c.n; had.sum -= c.sum; had.sumSq -= c.sumSq } else by.set(k, { ...c, n: -c.n, sum: -c.sum, sumSq: -c.sumSq })
  }
  return [...by.values()].filter((c) => c.n !== 0 || Math.abs(c.sum) > 1e-12 || Math.abs(c.sumSq) > 1e-12)
}

/** The median's band from per-band counts (null without observations). */
export function medianBand (bandCounts: readonly number[]): { low: number; high: number | null } | null {
  const total = bandCounts.reduce((s, n) => s + n, 0)
  if (total === 0) return null
  let seen = 0
  for (let i = 0; i < bandCounts.length; i++) {
    seen += bandCounts[i]
    if (seen * 2 >= total) return { low: HOUR_BANDS[i], high: HOUR_BANDS[i + 1] ?? null }
  }
  return null
}
