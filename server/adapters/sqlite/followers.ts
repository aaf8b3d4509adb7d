import type { Ticket } from '../../../core/types'
import type { FollowerStore } from '../../ports/followers'
import { parseDoc, type Db } from './db'
import { clampLimit, decodeCursor, encodeCursor } from './paging'

/** Synchronous follow, for use inside another seam's transaction (it must run inside one). */
export interface FollowerOps {
  /** Add the follower and bump ticket.followers; false when already following. */
  follow (ticketId: string, userId: string, at: string): boolean
}

export function followerOps (db: Db): FollowerOps {
  const insert = db.prepare('INSERT INTO ticket_followers (ticket_id, user_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
  const bump = db.prepare(`UPDATE tickets SET doc = json_set(doc, '$.followers', json_extract(doc, '$.followers') + 1) WHERE id = ?`)
  return {
    follow (ticketId, userId, at) {
      if (insert.run(ticketId, userId, at).changes === 0) return false
      bump.run(ticketId)
      return true
    }
  }
}

/** Followers in their own table; ticket.followers is bumped in the same transaction as the insert. */
export function followerStore (db: Db, ops: FollowerOps): FollowerStore {
  const exists = db.prepare('SELECT 1 FROM ticket_followers WHERE ticket_id = ? AND user_id = ?').pluck()
  const followers = db.prepare(`SELECT user_id AS id, at FROM ticket_followers WHERE ticket_id = ? AND (at, user_id) > (?, ?)
    ORDER BY at, user_id LIMIT ?`)
  const followed = db.prepare(`SELECT f.ticket_id AS id, f.at, t.doc FROM ticket_followers f JOIN tickets t ON t.id = f.ticket_id
    WHERE f.user_id = ? AND (f.at, f.ticket_id) < (?, ?) ORDER BY f.at DESC, f.ticket_id DESC LIMIT ?`)

  const follow = db.transaction((ticketId: string, userId: string, at: string): boolean => ops.follow(ticketId, userId, at))

  return {
    follow: async (ticketId, userId, at) => follow.immediate(ticketId, userId, at),
    isFollowing: async (ticketId, userId) => exists.get(ticketId, userId) !== undefined,
    listFollowers: async (ticketId, q) => {
      const limit = clampLimit(q.limit)
      const [afterAt, afterId] = q.cursor ? decodeCursor(q.cursor) : ['', '']
      const rows = followers.all(ticketId, afterAt, afterId, limit + 1) as Array<{ id: string; at: string }>
      const page = rows.slice(0, limit)
      const last = page[page.length - 1]
      return { items: page.map((r) => r.id), next: rows.length > limit && last ? encodeCursor(last.at, last.id) : null }
    },
    listFollowed: async (userId, q) => {
      const limit = clampLimit(q.limit)
      const [beforeAt, beforeId] = q.cursor ? decodeCursor(q.cursor) : ['\uffff', '\uffff']
      const rows = followed.all(userId, beforeAt, beforeId, limit + 1) as Array<{ id: string; at: string; doc: string }>
      const page = rows.slice(0, limit)
      const last = page[page.length - 1]
      return {
        items: page.map((r) => parseDoc<Ticket>(r.doc) as Ticket),
        next: rows.length > limit && last ? encodeCursor(last.at, last.id) : null
      }
    }
  }
}
