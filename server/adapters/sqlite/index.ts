import type { Store } from '../../ports/store'
import { aggregateOps, aggregateStore } from './aggregates'
import { apiKeyStore } from './api-keys'
import { auditOps, auditStore } from './audit'
import { sessionStore } from './sessions'
import { signInStore } from './signin-requests'
import { categoryStore } from './categories'
import { counterOps, counterStore } from './counters'
import { asLocalError, openDatabase, statementCache } from './db'
import { directoryStore } from './directory'
import { followerOps, followerStore } from './followers'
import { messageOps, messageStore } from './messages'
import { photoReviewOps, photoReviewStore } from './photo-reviews'
import { settingsStore } from './settings'
import { surveyStore } from './surveys'
import { ticketStore } from './tickets'
import { userStore } from './users'
import { userChangeStore } from './user-changes'
import { volunteerStore } from './volunteer'

export type { StoreDamagedError } from './db'
export { MIGRATIONS } from './migrations'

export interface SqliteStoreOptions {
  /** Database file, created with its folder if missing; ':memory:' for a throwaway store. */
  file: string
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>

/** Every method rejects with an Error of this realm (see asLocalError). */
function withLocalErrors (store: Store): Store {
  const wrapped: Record<string, AnyMethod> = {}
  for (const [name, method] of Object.entries(store) as Array<[string, AnyMethod]>) {
    wrapped[name] = async (...args) => {
      try {
        return await method(...args)
      } catch (err) {
        throw asLocalError(err)
      }
    }
  }
  return wrapped as unknown as Store
}

/** The embedded store: one SQLite file in WAL mode, migrated on open. Throws STORE_DAMAGED for a file that is not SQLite. */
export function createSqliteStore (opts: SqliteStoreOptions): Store {
  const db = openDatabase(opts.file)
  const sql = statementCache(db)
  const ops = { counters: counterOps(db), messages: messageOps(db), photoReviews: photoReviewOps(db), followers: followerOps(db), aggregates: aggregateOps(db), audit: auditOps(db) }
  return withLocalErrors({
    ...userStore(db, sql),
    ...userChangeStore(db, sql, ops),
    ...directoryStore(db, sql, ops.audit),
    ...ticketStore(db, sql, ops),
    ...followerStore(db, ops.followers),
    ...photoReviewStore(db, ops.photoReviews),
    ...volunteerStore(db, sql, ops.messages, ops.aggregates),
    ...surveyStore(db, sql, ops.counters, ops.aggregates),
    ...aggregateStore(db, sql, ops.aggregates),
    ...messageStore(db, sql, ops.messages),
    ...counterStore(ops.counters),
    ...apiKeyStore(db, sql),
    ...auditStore(sql, ops.audit),
    ...sessionStore(db, sql),
    ...signInStore(db, ops.audit),
    ...settingsStore(db, sql, ops.audit),
    ...categoryStore(db, ops.audit),
    close: async () => { if (db.open) db.close() }
  })
}
