import type { AuditEntry } from '../../../core/audit'
import type { IndicatorEffects } from '../../../core/indicators/aggregates'
import type { Message, PhotoReview, Ticket, TicketEvent } from '../../../core/types'
import type { TicketChange } from '../../ports/tickets'
import { type Doc, fromDoc } from './client'

/**
 * What a ticket's unit of work writes beyond the ticket itself, kept on the ticket document from the commit point
 * until every piece is written (CloudBase has no multi-document transaction; see README "Units of work").
 */
export interface Outbox {
  /** The version the unit committed: only that version's outbox may be cleared. */
  version: number
  event: TicketEvent
  photoReviews: readonly PhotoReview[]
  follows: TicketChange['follows']
  messages: readonly Message[]
  /** The unit's indicator cells and marks, added once (by the unit's id) when the outbox is flushed. */
  effects?: IndicatorEffects
  /** The office's audit entry of the step (moderation), added by its id. */
  audit?: AuditEntry
}

/**
 * Fields the adapter keeps on a ticket document beside the entity. `outboxId` (the unit's event id, null once
 * flushed) is what recover() queries and indexes: the outbox itself can outgrow MongoDB's index key limit.
 * `followsCounted` lists the units whose carried followers were already added to this ticket's count.
 */
export const OUTBOX = 'outbox'
export const OUTBOX_ID = 'outboxId'
export const FOLLOWS_COUNTED = 'followsCounted'

export function outboxOf (doc: Doc): Outbox | null {
  return (doc[OUTBOX] as Outbox | null | undefined) ?? null
}

/** A stored ticket back to the entity: the adapter's own fields never leave this adapter. */
export function ticketFromDoc (doc: Doc): Ticket {
  const { [OUTBOX]: _outbox, [OUTBOX_ID]: _outboxId, [FOLLOWS_COUNTED]: _counted, ...rest } = doc
  return fromDoc<Ticket>(rest)
}
