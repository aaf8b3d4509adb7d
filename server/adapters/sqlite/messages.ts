import type { Message } from '../../../core/types'
import type { MessageStore } from '../../ports/messages'
import type { Db, Sql } from './db'
import { readPage } from './paging'

/** Synchronous message writes, for use inside another seam's transaction. A retried id is a no-op. */
export interface MessageOps {
  /** True when added (false: that id was there). */
  insert (message: Message): boolean
}

export function messageOps (db: Db): MessageOps {
  const insert = db.prepare('INSERT INTO messages (id, user_id, at, read, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
  return { insert: (m) => insert.run(m.id, m.userId, m.at, m.read ? 1 : 0, JSON.stringify(m)).changes === 1 }
}

export function messageStore (db: Db, sql: Sql, ops: MessageOps): MessageStore {
  const readAllOf = db.prepare(`UPDATE messages SET read = 1, doc = json_set(doc, '$.read', json('true')) WHERE user_id = ? AND read = 0`)
  const readSome = db.prepare(`UPDATE messages SET read = 1, doc = json_set(doc, '$.read', json('true'))
    WHERE user_id = ? AND read = 0 AND id IN (SELECT value FROM json_each(?))`)
  const unread = db.prepare('SELECT COUNT(*) FROM messages WHERE user_id = ? AND read = 0').pluck()
  return {
    addMessage: async (m) => ops.insert(m),
    markMessagesRead: async (userId, ids) => (ids === undefined ? readAllOf.run(userId) : readSome.run(userId, JSON.stringify(ids))).changes,
    countUnreadMessages: async (userId) => unread.get(userId) as number,
    listMessages: async (q) =>
      readPage<Message>(sql, { table: 'messages', where: ['user_id = ?'], params: [q.userId], sortColumn: 'at', direction: 'DESC' }, q)
  }
}
