import type { Rating, Ticket } from '../types'
import { closedOnTime } from '../tickets/sla'
import { stateKind } from '../tickets/workflow'
import { censusRate, mean, sampleRate, type Mean, type Rate } from './rate'

/**
 * The 数字城管 evaluation's ticket indicators. They count every ticket in the set (a census, not a
 * sample), so their ci95 is null. Post-fix ratings are opinions of the reporters who chose to rate: a
 * sample, so ticketSatisfaction carries a Wilson interval.
 */

export type TicketFacts = Pick<
  Ticket,
  'state' | 'createdAt' | 'deadline' | 'closedAt' | 'reworkCount' | 'dispatchedAt' | 'resolvedAt' | 'closeReason' | 'deferral'
>

export interface TicketIndicators {
  /** 结案率: closed (kind fixed or closed) / due to close (deadline ≤ now, or already closed). */
  closeRate: Rate
  /** 按期结案率: 按期结案 ÷ (应结案 − 缓办): closed by the deadline, over those due, tickets the office deferred left out of both. */
  onTimeCloseRate: Rate
  /** 返工率: tickets with reworkCount > 0 / verified (now fixed, or sent back at least once). */
  reworkRate: Rate
  /** 解决率: kind fixed / closed, so "closed but not fixed" (duplicate, referred, …) does not pass as fixed. */
  fixRate: Rate
  /** Mean hours from report (createdAt) to dispatchedAt, over tickets that have one. */
  hoursToDispatch: Mean
  /** Mean hours from report to resolvedAt (the latest 处置完成), over tickets that have one. */
  hoursToResolve: Mean
  /** Mean hours from report to closedAt, over closed tickets. */
  hoursToClose: Mean
}

const HOUR_MS = 3_600_000

function hoursSince (fromIso: string, toIso: string | null): number | null {
  if (toIso === null) return null
  const h = (Date.parse(toIso) - Date.parse(fromIso)) / HOUR_MS
  return Number.isFinite(h) ? h : null
}

/** All ticket indicators at `nowIso`, which decides which open tickets are already due. */
export function ticketIndicators (tickets: readonly TicketFacts[], nowIso: string): TicketIndicators {
  const now = Date.parse(nowIso)
  if (!Number.isFinite(now)) throw new RangeError(`nowIso is not a date: ${nowIso}`)
  let due = 0
  let dueNotDeferred = 0
  let closed = 0
  let closedInTime = 0
  let fixed = 0
  let verified = 0
  let reworked = 0
  const toDispatch: number[] = []
  const toResolve: number[] = []
  const toClose: number[] = []

  for (const t of tickets) {
    const kind = stateKind(t.state)
    const isClosed = kind !== 'open'
    const isDue = isClosed || Date.parse(t.deadline) <= now
    if (isDue) due++
    if (isDue && !t.deferral) dueNotDeferred++
    if (isClosed) {
      closed++
      if (!t.deferral && closedOnTime(t)) closedInTime++
      const h = hoursSince(t.createdAt, t.closedAt)
      if (h !== null) toClose.push(h)
    }
    if (kind === 'fixed') fixed++
    if (kind === 'fixed' || t.reworkCount > 0) verified++
    if (t.reworkCount > 0) reworked++
    const d = hoursSince(t.createdAt, t.dispatchedAt)
    if (d !== null) toDispatch.push(d)
    const r = hoursSince(t.createdAt, t.resolvedAt)
    if (r !== null) toResolve.push(r)
  }

  return {
    closeRate: censusRate(closed, due),
    onTimeCloseRate: censusRate(closedInTime, dueNotDeferred),
    reworkRate: censusRate(reworked, verified),
    fixRate: censusRate(fixed, closed),
    hoursToDispatch: mean(toDispatch),
    hoursToResolve: mean(toResolve),
    hoursToClose: mean(toClose)
  }
}

/** 满意率 (second source): 满意 and 基本满意 ratings / all ratings given. Unrated tickets are not in the sample. */
export function ticketSatisfaction (ratings: readonly (Rating | null)[]): Rate {
  let given = 0
  let satisfied = 0
  for (const r of ratings) {
    if (r === null) continue
    given++
    if (r === 'satisfied' || r === 'basic') satisfied++
  }
  return sampleRate(satisfied, given)
}

/** The ratings 整改满意率 counts: those of tickets closed as fixed (a reopened ticket's old rating no longer stands). */
export function countedRatings (tickets: ReadonlyArray<Pick<Ticket, 'state' | 'rating'>>): Rating[] {
  return tickets.flatMap((t) => (t.state === 'fixed' && t.rating ? [t.rating] : []))
}
