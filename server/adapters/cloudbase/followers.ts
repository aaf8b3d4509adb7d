import type { FollowerStore } from '../../ports/followers'
import type { TicketChange } from '../../ports/tickets'
import type { Db } from './client'
import { COLLECTIONS as C } from './collections'
import { inBatches, readDocs } from './paging'
import { FOLLOWS_COUNTED, ticketFromDoc } from './ticket-doc'

/** One follow per person per ticket: the link's document id says so. */
export const followKey = (ticketId: string, userId: string): string => `${ticketId}:${userId}`

/** How many link inserts run at once when a unit carries followers. */
const CARRY_WIDTH = 10

/** Follower writes another seam's unit of work brings with it. */
export interface FollowerOps {
  /**
   * Carry followers to `follows.ticketId` for the unit `unitId`, safe to repeat. Each link is added with
   * `by: unitId` (a duplicate = already following, not this unit's to count); then the links this unit made are
   * counted and added to `followers` in one `$inc` guarded by `followsCounted $ne unitId`, which also records the
   * unit. So a flush that dies after some links, or after the `$inc`, is finished by the next flush without
   * counting anyone twice.
   */
  carry (follows: NonNullable<TicketChange['follows']>, unitId: string): Promise<void>
}

export function followerOps (db: Db): FollowerOps {
  return {
    async carry ({ ticketId, userIds, at }, unitId) {
      await inBatches(userIds, CARRY_WIDTH, (userId) =>
        db.insert(C.ticketFollowers, followKey(ticketId, userId), { ticketId, userId, at, by: unitId }))
      const made = await db.count(C.ticketFollowers, [{ ticketId, by: unitId }])
      if (made === 0) return
      await db.update(C.tickets, { _id: ticketId, [FOLLOWS_COUNTED]: db._.neq(unitId) },
        { followers: db._.inc(made), [FOLLOWS_COUNTED]: db._.push(unitId) })
    }
  }
}

export function followerStore (db: Db): FollowerStore {
  return {
    /*
     * Add the link `ticket_followers/${ticketId}:${userId}` (a duplicate write = already following, nothing
     * changes), then `where({ _id: ticketId }).update({ followers: $inc 1 })`. Two requests, no transaction:
     * if the $inc fails after the link went in, the count is one short until a recount. The version is not
     * bumped: a +1 from a citizen must not make a grid manager's conditional update fail.
     */
    async follow (ticketId, userId, at) {
      if (!(await db.insert(C.ticketFollowers, followKey(ticketId, userId), { ticketId, userId, at }))) return false
      await db.update(C.tickets, { _id: ticketId }, { followers: db._.inc(1) })
      return true
    },

    isFollowing: async (ticketId, userId) => (await db.findById(C.ticketFollowers, followKey(ticketId, userId))) !== null,

    async listFollowers (ticketId, q) {
      const page = await readDocs(db, C.ticketFollowers, [{ ticketId }], { field: 'at', dir: 'asc', tie: 'userId' }, q)
      return { items: page.items.map((d) => String(d.userId)), next: page.next }
    },

    /** A page of links, newest first, then one `_id in [...]` read for their tickets (missing ones dropped). */
    async listFollowed (userId, q) {
      const page = await readDocs(db, C.ticketFollowers, [{ userId }], { field: 'at', dir: 'desc', tie: 'ticketId' }, q)
      const ticketIds = page.items.map((d) => String(d.ticketId))
      if (ticketIds.length === 0) return { items: [], next: page.next }
      const docs = await db.find(C.tickets, [{ _id: db._.in(ticketIds) }], [], ticketIds.length)
      const byId = new Map(docs.map((d) => [String(d._id), ticketFromDoc(d)]))
      return { items: ticketIds.flatMap((id) => byId.get(id) ?? []), next: page.next }
    }
  }
}
