import type { Rating, Ticket } from '../types'
import { stateKind } from './workflow'

/** How a resident's rating of a fix reads on screen and in timelines. */
export const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' }

/** The ratings offered when a resident checks a fix, best first. */
export const RATING_OPTIONS: ReadonlyArray<{ value: Rating; label: string; icon: string }> = [
  { value: 'satisfied', label: RATING_LABELS.satisfied, icon: '😊' },
  { value: 'basic', label: RATING_LABELS.basic, icon: '🙂' },
  { value: 'unsatisfied', label: RATING_LABELS.unsatisfied, icon: '🙁' }
]

/**
 * The deadline clock is running while the work is the handler's or the office's: open, and not resolved and waiting
 * for the resident's check. The same states `isOverdue` (core/tickets/sla.ts) can flag.
 */
export function deadlineRunning (ticket: Pick<Ticket, 'state'>): boolean {
  return stateKind(ticket.state) === 'open' && ticket.state !== 'resolved'
}

/** A distance as a person reads it: 不到 10 米, 约 80 米, 450 米, 2.4 公里. */
export function distanceLabel (m: number): string {
  if (m < 10) return '不到 10 米'
  if (m < 100) return `约 ${Math.round(m / 10) * 10} 米`
  if (m < 1000) return `${Math.round(m / 10) * 10} 米`
  return `${(m / 1000).toFixed(1)} 公里`
}
