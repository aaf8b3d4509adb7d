import type { Session } from '../../../core/sessions'
import type { SessionStore } from '../../ports/sessions'
import { parseDoc, type Db, type Sql } from './db'
import { readPage } from './paging'

/** One row per session, keyed by its token's hash; the user's live sessions found by (user_id, ended). */
export function sessionStore (db: Db, sql: Sql): SessionStore {
  const insert = db.prepare('INSERT INTO sessions (id, user_id, created_at, ended, doc) VALUES (?, ?, ?, 0, ?) ON CONFLICT DO NOTHING')
  const byId = db.prepare('SELECT doc FROM sessions WHERE id = ?').pluck()
  const write = db.prepare('UPDATE sessions SET doc = ?, ended = ? WHERE id = ?')
  const liveOf = db.prepare('SELECT doc FROM sessions WHERE user_id = ? AND ended = 0').pluck()
  const end = (s: Session, at: string, reason: string): Session => {
    const next: Session = { ...s, endedAt: at, endReason: reason }
    write.run(JSON.stringify(next), 1, s.id)
    return next
  }
  const endOne = db.transaction((id: string, at: string, reason: string): Session | null => {
    const s = parseDoc<Session>(byId.get(id))
    if (!s || s.endedAt !== null) return s
    return end(s, at, reason)
  })
  const endAll = db.transaction((userId: string, at: string, reason: string): number => {
    const live = (liveOf.all(userId) as string[]).map((d) => JSON.parse(d) as Session)
    for (const s of live) end(s, at, reason)
    return live.length
  })
  const touch = db.transaction((id: string, at: string, expiresAt: string): void => {
    const s = parseDoc<Session>(byId.get(id))
    if (s && s.endedAt === null) write.run(JSON.stringify({ ...s, lastSeenAt: at, expiresAt }), 0, id)
  })
  return {
    addSession: async (s) => { insert.run(s.id, s.userId, s.createdAt, JSON.stringify(s)) },
    getSession: async (id) => parseDoc<Session>(byId.get(id)),
    touchSession: async (id, at, expiresAt) => { touch.immediate(id, at, expiresAt) },
    endSession: async (id, at, reason) => endOne.immediate(id, at, reason),
    listSessions: async (q) => readPage<Session>(sql, { table: 'sessions', where: ['user_id = ?'], params: [q.userId], sortColumn: 'created_at', direction: 'DESC' }, q),
    endUserSessions: async (userId, at, reason) => endAll.immediate(userId, at, reason)
  }
}
