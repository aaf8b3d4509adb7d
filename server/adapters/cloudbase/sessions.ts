import type { Session } from '../../../core/sessions'
import type { SessionStore } from '../../ports/sessions'
import { fromDoc, type Db } from './client'
import { COLLECTIONS as C } from './collections'
import { readAll } from '../../paging'
import { readPage } from './paging'

/**
 * One document per session, `_id` = its token's hash. Ending is a conditional update on `endedAt: null`, so of two
 * ends at once the first stands; a touch is conditional on the same, so it never revives an ended session.
 */
export function sessionStore (db: Db): SessionStore {
  const get = async (id: string): Promise<Session | null> => {
    const doc = await db.findById(C.sessions, id)
    return doc ? fromDoc<Session>(doc) : null
  }
  return {
    addSession: async (s) => { await db.insert(C.sessions, s.id, s) },
    getSession: get,
    touchSession: async (id, at, expiresAt) => { await db.update(C.sessions, { _id: id, endedAt: null }, { lastSeenAt: at, expiresAt }) },
    async endSession (id, at, reason) {
      await db.update(C.sessions, { _id: id, endedAt: null }, { endedAt: at, endReason: reason })
      return get(id)
    },
    listSessions: (q) => readPage<Session>(db, C.sessions, [{ userId: q.userId }], { field: 'createdAt', dir: 'desc' }, q),
    async endUserSessions (userId, at, reason) {
      const live = await readAll((p) => readPage<Session>(db, C.sessions, [{ userId, endedAt: null }], { field: 'createdAt', dir: 'desc' }, p), 10_000, '会话')
      let ended = 0
      for (const s of live) ended += await db.update(C.sessions, { _id: s.id, endedAt: null }, { endedAt: at, endReason: reason })
      return ended
    }
  }
}
