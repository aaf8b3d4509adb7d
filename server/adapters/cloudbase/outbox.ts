import type { Db } from './client'
import { COLLECTIONS as C } from './collections'
import type { AggregateOps } from './aggregates'
import type { FollowerOps } from './followers'
import type { MessageOps } from './messages'
import { inBatches } from './paging'
import type { PhotoReviewOps } from './photo-reviews'
import { OUTBOX, OUTBOX_ID, type Outbox } from './ticket-doc'

/** The other seams' writes a ticket's unit of work brings with it. */
export interface UnitOps {
  messages: MessageOps
  photoReviews: PhotoReviewOps
  followers: FollowerOps
  aggregates: AggregateOps
}

/** How many message inserts run at once. */
const MESSAGE_WIDTH = 10

export type Flush = (ticketId: string, outbox: Outbox) => Promise<void>

/**
 * Write what a committed unit carries, then clear its outbox. Every step is idempotent (insert by id, duplicate =
 * done; reviews put once; followers counted per unit), so the writer, a concurrent writer of the same ticket and
 * recover() may all flush the same outbox, in any interleaving, and each piece lands once. The clear is conditional
 * on the unit's version: an outbox a later unit already replaced is never touched.
 */
export function outboxFlusher (db: Db, ops: UnitOps): Flush {
  return async (ticketId, outbox) => {
    await db.insert(C.ticketEvents, outbox.event.id, outbox.event)
    for (const r of outbox.photoReviews) await ops.photoReviews.putOnce(r)
    if (outbox.follows) await ops.followers.carry(outbox.follows, outbox.event.id)
    await inBatches(outbox.messages, MESSAGE_WIDTH, ops.messages.insert)
    await ops.aggregates.applyOnce(outbox.event.id, outbox.effects)
    if (outbox.audit) await db.insert(C.audit, outbox.audit.id, outbox.audit)
    await db.update(C.tickets, { _id: ticketId, version: outbox.version }, { [OUTBOX]: null, [OUTBOX_ID]: null })
  }
}
