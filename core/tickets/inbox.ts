import type { Ticket } from '../types'
import { isOverdue } from './sla'

/** A grid manager's inbox order: overdue first, then by deadline, oldest first. */
export function sortInbox<T extends Pick<Ticket, 'state' | 'deadline' | 'overdue' | 'id'>> (tickets: T[], nowIso: string): T[] {
  return tickets
    .map((t) => ({ ...t, overdue: isOverdue(t, nowIso) }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id))
}
