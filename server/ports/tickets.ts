import type { AuditEntry } from '../../core/audit'
import type { Message, Page, PhotoReview, Ticket, TicketEvent, TicketState } from '../../core/types'
import type { IndicatorEffects } from '../../core/indicators/aggregates'
import type { PageQuery } from './paging'

export interface TicketFilter extends PageQuery {
  gridIds?: string[]
  assigneeId?: string
  reporterId?: string
  states?: TicketState[]
  /** Only tickets created at or after this ISO time. */
  createdFrom?: string
  /** Only tickets created before this ISO time. */
  createdTo?: string
  categoryId?: string
  /** Only tickets whose point lies in this lng/lat box (a prefilter for nearby duplicates). */
  within?: { minLng: number; minLat: number; maxLng: number; maxLat: number }
  overdue?: boolean
}

/**
 * A new report as one unit of work: count the attempt against the reporter's limits, and — if core's `admit`
 * lets it through after counting — file the ticket with its first event, its held photos and its messages.
 * A retry of a filing that went through (same reporter and clientRequestId) changes nothing and answers it.
 */
export interface ReportFiling {
  ticket: Ticket
  event: TicketEvent
  rate: {
    keys: readonly string[]
    /** Given each key's count after this attempt, may it be filed? (core: reportRateDecision) */
    admit (counts: readonly number[]): boolean
  }
  photoReviews: readonly PhotoReview[]
  messages: readonly Message[]
  /** The indicator cells and distinct marks the filing adds (core ticketCells, participationMarks), written with it. */
  effects?: IndicatorEffects
}

export type FilingResult =
  | { outcome: 'filed'; ticket: Ticket }
  | { outcome: 'existing'; ticket: Ticket }
  | { outcome: 'refused'; counts: number[] }

/**
 * One workflow step as one unit of work: apply `patch` only if the ticket is still at `expectedVersion`, bump the
 * version, append the event, and write what the step brings with it (held photos, followers carried to another
 * ticket, messages). Null when someone changed the ticket first: then nothing is written.
 */
export interface TicketChange {
  id: string
  expectedVersion: number
  patch: Partial<Ticket>
  event: TicketEvent
  photoReviews: readonly PhotoReview[]
  follows: { ticketId: string; userIds: readonly string[]; at: string } | null
  messages: readonly Message[]
  /** What the step changes in the indicators (core cellDelta of the ticket's cells after and before), written with it. */
  effects?: IndicatorEffects
  /** The office's record of the step (moderation: 屏蔽, 屏蔽照片), written with it; a retried unit adds it once. */
  audit?: AuditEntry
}

export interface TicketStore {
  fileReport (filing: ReportFiling): Promise<FilingResult>
  changeTicket (change: TicketChange): Promise<Ticket | null>
  getTicket (id: string): Promise<Ticket | null>
  /** The ticket this reporter filed with this clientRequestId, if any (a retry of a submit that went through). */
  getTicketByRequest (reporterId: string, clientRequestId: string): Promise<Ticket | null>
  listTickets (f: TicketFilter): Promise<Page<Ticket>>
  listTicketEvents (ticketId: string, q: PageQuery): Promise<Page<TicketEvent>>
  /**
   * Finish every unit of work a crash left half-done, and say how many. Where the store has transactions there is
   * never one (sqlite answers 0); on CloudBase a unit commits on one document and writes the rest after. The timer
   * runs this on every sweep.
   */
  recover (): Promise<number>
  /** Bulk insert of tickets with their timelines (seeding, imports); ids must be new. One transaction where the store has them. */
  importTickets (tickets: Ticket[], events: TicketEvent[], effects?: IndicatorEffects): Promise<void>
}
