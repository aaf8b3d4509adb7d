import type { Settings } from '../settings'
import type { Ticket, TicketState } from '../types'
import { isOverdue } from './sla'
import type { TicketAction } from './workflow'

const DAY_MS = 86_400_000

/** What a grid manager's inbox holds: their work, and what waits for the resident's check. */
export const INBOX_STATES = ['dispatched', 'accepted', 'rework', 'resolved'] as const satisfies readonly TicketState[]
export type InboxState = (typeof INBOX_STATES)[number]
export type InboxCounts = Record<InboxState | 'overdue', number>

/** The counters above the inbox: per state, and how many are late. */
export function inboxCounts (tickets: ReadonlyArray<Pick<Ticket, 'state' | 'deadline'>>, nowIso: string): InboxCounts {
  const counts: InboxCounts = { dispatched: 0, accepted: 0, rework: 0, resolved: 0, overdue: 0 }
  for (const t of tickets) {
    if ((INBOX_STATES as readonly string[]).includes(t.state)) counts[t.state as InboxState]++
    if (isOverdue(t, nowIso)) counts.overdue++
  }
  return counts
}

/** A resolved ticket the reporter has left unverified for the office's wait shows in the office's 待核查 queue. */
export function awaitingOfficeCheck (t: Pick<Ticket, 'state' | 'resolvedAt'>, nowIso: string, s: Pick<Settings, 'adminVerifyAfterDays'>): boolean {
  return t.state === 'resolved' && t.resolvedAt !== null && Date.parse(nowIso) - Date.parse(t.resolvedAt) >= s.adminVerifyAfterDays * DAY_MS
}

/** The office's 待核查 queue: longest waiting first. */
export function officeCheckQueue<T extends Pick<Ticket, 'state' | 'resolvedAt' | 'id'>> (tickets: readonly T[], nowIso: string, s: Pick<Settings, 'adminVerifyAfterDays'>): T[] {
  return tickets.filter((t) => awaitingOfficeCheck(t, nowIso, s))
    .sort((a, b) => (a.resolvedAt ?? '').localeCompare(b.resolvedAt ?? '') || a.id.localeCompare(b.id))
}

/** The reporter's verification window has passed: the timer closes the ticket as fixed. */
export function dueForAutoClose (t: Pick<Ticket, 'state' | 'resolvedAt'>, nowIso: string, s: Pick<Settings, 'verifyWindowDays'>): boolean {
  return t.state === 'resolved' && t.resolvedAt !== null && Date.parse(nowIso) - Date.parse(t.resolvedAt) > s.verifyWindowDays * DAY_MS
}

/** What the timer does to one open ticket now: close it, flag it late, or nothing. */
export function sweepAction (
  t: Pick<Ticket, 'state' | 'resolvedAt' | 'deadline' | 'overdue'>,
  nowIso: string,
  s: Pick<Settings, 'verifyWindowDays'>
): Extract<TicketAction, 'autoClose'> | 'markOverdue' | null {
  if (dueForAutoClose(t, nowIso, s)) return 'autoClose'
  if (!t.overdue && isOverdue(t, nowIso)) return 'markOverdue'
  return null
}

/** The timeline note of the timer's automatic close. */
export const autoCloseNote = (s: Pick<Settings, 'verifyWindowDays'>): string => `居民 ${s.verifyWindowDays} 天内未核查，系统自动结案`
