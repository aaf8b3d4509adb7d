import type { Message } from '../../../core/types'
import type { MessageStore } from '../../ports/messages'
import type { Cond, Db } from './client'
import { COLLECTIONS as C } from './collections'
import { readPage } from './paging'

/** Message writes another seam's unit of work brings with it. */
export interface MessageOps {
  /** Add by id: a retried add is a no-op, so a unit may write its messages twice; true when this call added it. */
  insert (message: Message): Promise<boolean>
}

export function messageOps (db: Db): MessageOps {
  return { insert: (m) => db.insert(C.messages, m.id, m) }
}

export function messageStore (db: Db, ops: MessageOps): MessageStore {
  return {
    addMessage: ops.insert,

    listMessages: (q) => readPage<Message>(db, C.messages, [{ userId: q.userId }], { field: 'at', dir: 'desc' }, q),

    // One multi-document `where(...).update({ read: true })`; `updated` counts the ones that were unread.
    async markMessagesRead (userId, ids) {
      if (ids?.length === 0) return 0
      const cond: Cond = ids ? { userId, read: false, id: db._.in(ids) } : { userId, read: false }
      return db.update(C.messages, cond, { read: true })
    },

    countUnreadMessages: (userId) => db.count(C.messages, [{ userId, read: false }])
  }
}
