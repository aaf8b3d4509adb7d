import type { Ticket } from '../../../core/types'
import { aReportEvent, aTicketEvent, isoAt } from '../../../core/testing/builders'
import type { ReportFiling, TicketChange } from '../../ports/tickets'

/** Builders of the store's units of work (the port's shapes, beside the contract suite that uses them). */

/** The rate keys a filing of this reporter counts on (any two keys do: the store only adds to them). */
export function rateKeys (reporterId: string): [string, string] {
  return [`rate:${reporterId}:hour`, `rate:${reporterId}:day`]
}

/** A filing of `ticket` with its report event, counted on the reporter's rate keys and always admitted. */
export function aFiling (ticket: Ticket, o: Partial<ReportFiling> = {}): ReportFiling {
  return {
    ticket,
    event: aReportEvent(ticket),
    rate: { keys: rateKeys(ticket.reporterId), admit: () => true },
    photoReviews: [],
    messages: [],
    ...o
  }
}

/** A workflow step on `ticket` at its current version, with an event and nothing else unless given. */
export function aChange (ticket: Ticket, o: Partial<TicketChange> = {}): TicketChange {
  return {
    id: ticket.id,
    expectedVersion: ticket.version,
    patch: {},
    event: aTicketEvent({ ticketId: ticket.id, action: 'dispatch', fromState: ticket.state, toState: 'dispatched', at: isoAt(5) }),
    photoReviews: [],
    follows: null,
    messages: [],
    ...o
  }
}
