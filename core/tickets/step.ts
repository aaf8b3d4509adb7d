import type { Role, Ticket, TicketEvent, TicketState } from '../types'
import { transitionPatch, type TransitionInput } from './apply'
import type { Actor, Transition } from './workflow'

/** The role an event records for the person who took a step: the capacity in which they were allowed to take it. */
export function actingRole (by: readonly Actor[], roles: readonly Role[]): Role {
  if (by.includes('admin') && roles.includes('admin')) return 'admin'
  if (by.includes('assignee') && roles.includes('grid_manager')) return 'grid_manager'
  return 'citizen'
}

export interface Step {
  patch: Partial<Ticket>
  event: TicketEvent
}

/**
 * One workflow step as data: what changes on the ticket (transitionPatch) and the timeline entry that records it.
 * The live handlers and the demo seed both build their steps here, so the demo shows only histories the product
 * can produce.
 */
export function stepOf (
  t: Transition,
  ticket: Ticket,
  input: TransitionInput,
  who: { id: string; roles: readonly Role[] } | 'system',
  eventId: string,
  now: string,
  note?: string
): Step {
  const actorId = who === 'system' ? 'system' : who.id
  const actorRole = who === 'system' ? 'system' : actingRole(t.by, who.roles)
  return {
    patch: transitionPatch(t, ticket, input, now),
    event: {
      id: eventId, ticketId: ticket.id, action: t.action, fromState: ticket.state, toState: t.to,
      actorId, actorRole, note: note || input.note || t.label, at: now
    }
  }
}

/** The timer's flag on a ticket past its deadline: not a transition (the state stays), but a timeline entry. */
export function overdueStep (ticket: Pick<Ticket, 'id' | 'state'>, eventId: string, now: string): Step {
  const state: TicketState = ticket.state
  return {
    patch: { overdue: true, updatedAt: now },
    event: {
      id: eventId, ticketId: ticket.id, action: 'markOverdue', fromState: state, toState: state,
      actorId: 'system', actorRole: 'system', note: '已超过处置时限，督办提醒', at: now
    }
  }
}

/** The office's 督办 as a step: the state stays; the ticket counts the urge and the timeline records it. */
export function urgeStep (
  ticket: Pick<Ticket, 'id' | 'state' | 'urgeCount'>,
  who: { id: string },
  eventId: string,
  now: string,
  note: string
): Step {
  const state: TicketState = ticket.state
  return {
    patch: { urgeCount: (ticket.urgeCount ?? 0) + 1, urgedAt: now, overdue: true, updatedAt: now },
    event: {
      id: eventId, ticketId: ticket.id, action: 'urge', fromState: state, toState: state,
      actorId: who.id, actorRole: 'admin', note: note.trim() || '已超过处理时限，请尽快处理', at: now
    }
  }
}
