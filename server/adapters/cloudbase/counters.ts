import type { CounterStore } from '../../ports/counters'
import { CloudbaseError, type Db } from './client'
import { COLLECTIONS as C } from './collections'

/*
 * One atomic `updateAndReturn({ value: $inc by })` per increment: the database adds and hands back the document
 * it produced, so each caller learns its own value with no read-then-compare round and no retry loop. A missing
 * counter is created with `add({ _id: key, value: by })`; a duplicate write there means a concurrent caller
 * created it first, and one more `updateAndReturn` adds on top of theirs (never `set`, which would overwrite
 * their count). So at most 3 requests per call, however many callers share the key.
 */
export function counterStore (db: Db): CounterStore {
  const bump = async (key: string, by: number): Promise<number | null> => {
    const doc = await db.updateAndReturn(C.counters, key, { value: db._.inc(by) })
    return doc ? Number(doc.value) : null
  }

  return {
    async incrementCounter (key, by) {
      // `by` 0 only reads; a counter never counted reads 0 and is not created.
      if (by === 0) {
        const doc = await db.findById(C.counters, key)
        return doc ? Number(doc.value) : 0
      }
      const value = await bump(key, by)
      if (value !== null) return value
      if (await db.insert(C.counters, key, { value: by })) return by
      const after = await bump(key, by)
      if (after !== null) return after
      // Counters are never removed, so a duplicate _id that then matches nothing means the database is broken.
      throw new CloudbaseError('COUNTER_MISSING', `CloudBase counter ${key} was created by another caller but cannot be found`)
    }
  }
}
