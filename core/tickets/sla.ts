import type { Ticket } from '../types'
import { stateKind } from './workflow'

const HOUR_MS = 3_600_000

/** Deadline from the category's 工作时限, counted from when the ticket was filed. */
export function deadlineFor (createdAtIso: string, timeLimitHours: number): string {
  return new Date(Date.parse(createdAtIso) + timeLimitHours * HOUR_MS).toISOString()
}

/**
 * Overdue = past its deadline while the work is still the handler's or the office's: open, and not resolved and
 * waiting for the resident's check (the 核查 wait has its own window and queue).
 */
export function isOverdue (ticket: Pick<Ticket, 'state' | 'deadline'>, nowIso: string): boolean {
  return stateKind(ticket.state) === 'open' && ticket.state !== 'resolved' && Date.parse(nowIso) > Date.parse(ticket.deadline)
}

/** Closed (fixed or otherwise) no later than its deadline. */
export function closedOnTime (ticket: Pick<Ticket, 'closedAt' | 'deadline'>): boolean {
  return ticket.closedAt !== null && Date.parse(ticket.closedAt) <= Date.parse(ticket.deadline)
}
