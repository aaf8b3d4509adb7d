import type { Message } from '../../../core/types'
import type { Store } from '../../ports/store'
import { CloudbaseError, type Cond, type Db } from './client'
import { COLLECTIONS as C } from './collections'
import { readPage } from './paging'

type MessageStore = Pick<Store, 'addMessage' | 'listMessages' | 'markMessagesRead' | 'countUnreadMessages' | 'incrementCounter'>

/** Compare-and-set rounds before incrementCounter gives up on a key many callers hammer at once. */
const COUNTER_ATTEMPTS = 100

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function messageStore (db: Db): MessageStore {
  return {
    // A retried add of the same message id is a no-op.
    async addMessage (message) {
      await db.insert(C.messages, message.id, message)
    },

    listMessages: (q) => readPage<Message>(db, C.messages, [{ userId: q.userId }], { field: 'at', dir: 'desc' }, q),

    // One multi-document `where(...).update({ read: true })`; `updated` counts the ones that were unread.
    async markMessagesRead (userId, ids) {
      if (ids?.length === 0) return 0
      const cond: Cond = ids ? { userId, read: false, id: db._.in(ids) } : { userId, read: false }
      return db.update(C.messages, cond, { read: true })
    },

    countUnreadMessages: (userId) => db.count(C.messages, [{ userId, read: false }]),

    /*
     * The port must return the value this call produced, and the SDK's update does not return the document
     * (a plain `$inc` then a read can hand two concurrent callers the same total). So: read the value v,
     * then `where({ _id: key, value: v }).update({ value: $inc by })`; updated 1 means nobody moved it in
     * between and the new value is exactly v + by, updated 0 means retry after a short jittered pause.
     * A missing counter is created with `add({ _id: key, value: by })`; a duplicate write there means a
     * concurrent caller created it first, and the loop goes round (never `set`, which would overwrite
     * that caller's count). `by` 0 only reads.
     */
    async incrementCounter (key, by) {
      for (let attempt = 0; attempt < COUNTER_ATTEMPTS; attempt++) {
        const doc = await db.findById(C.counters, key)
        if (!doc) {
          if (by === 0) return 0
          if (await db.insert(C.counters, key, { value: by })) return by
          continue
        }
        const value = Number(doc.value)
        if (by === 0) return value
        if (await db.update(C.counters, { _id: key, value }, { value: db._.inc(by) }) === 1) return value + by
        await pause(Math.random() * Math.min(50, 2 * (attempt + 1)))
      }
      throw new CloudbaseError('COUNTER_CONTENDED', `CloudBase counter ${key} still contended after ${COUNTER_ATTEMPTS} attempts`)
    }
  }
}
