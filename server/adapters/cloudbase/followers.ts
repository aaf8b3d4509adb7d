import type { Ticket } from '../../../core/types'
import type { Store } from '../../ports/store'
import { type Db, fromDoc } from './client'
import { COLLECTIONS as C } from './collections'
import { readDocs } from './paging'

type FollowerStore = Pick<Store, 'follow' | 'isFollowing' | 'listFollowers' | 'listFollowed'>

/** One follow per person per ticket: the link's document id says so. */
export const followKey = (ticketId: string, userId: string): string => `${ticketId}:${userId}`

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
      const byId = new Map(docs.map((d) => [String(d._id), fromDoc<Ticket>(d)]))
      return { items: ticketIds.flatMap((id) => byId.get(id) ?? []), next: page.next }
    }
  }
}
