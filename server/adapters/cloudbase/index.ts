import * as tcb from '@cloudbase/node-sdk'
import type { Store } from '../../ports/store'
import { type CloudbaseApp, type Db, createDb } from './client'
import { ALL_COLLECTIONS } from './collections'
import { counterStore } from './counters'
import { directoryStore } from './directory'
import { followerOps, followerStore } from './followers'
import { messageOps, messageStore } from './messages'
import { outboxFlusher } from './outbox'
import { photoReviewOps, photoReviewStore } from './photo-reviews'
import { surveyStore } from './surveys'
import { aggregateOps, aggregateStore } from './aggregates'
import { apiKeyStore } from './api-keys'
import { auditStore } from './audit'
import { sessionStore } from './sessions'
import { signInStore } from './signin-requests'
import { categoryStore } from './categories'
import { settingsStore } from './settings'
import { type FilingTuning, ticketStore } from './tickets'
import { userStore } from './users'
import { userChangeStore } from './user-changes'
import { volunteerStore } from './volunteer'

export { CloudbaseError } from './client'
export { ALL_COLLECTIONS, COLLECTIONS } from './collections'

/** Timing knobs with production defaults; tests shorten them. */
export type CloudbaseTuning = FilingTuning

interface Common extends CloudbaseTuning {
  /** Prepended to every collection name (e.g. a per-run prefix for contract tests). */
  collectionPrefix?: string
}

export type CloudbaseStoreOptions =
  | (Common & { app: CloudbaseApp })
  | (Common & { env: string; secretId?: string; secretKey?: string })

function appOf (opts: CloudbaseStoreOptions): CloudbaseApp {
  if ('app' in opts) return opts.app
  const { env, secretId, secretKey } = opts
  // Inside a cloud function the platform supplies the credentials; elsewhere they must come in pairs.
  return secretId && secretKey ? tcb.init({ env, secretId, secretKey }) : tcb.init({ env })
}

function dbOf (opts: CloudbaseStoreOptions): Db {
  return createDb(appOf(opts), opts.collectionPrefix ?? '')
}

/** The store on the CloudBase document database. See README.md for collections, indexes and limits. */
export function createCloudbaseStore (opts: CloudbaseStoreOptions): Store {
  const db = dbOf(opts)
  const counters = counterStore(db)
  const messages = messageOps(db)
  const aggregates = aggregateOps(db)
  const flush = outboxFlusher(db, { messages, photoReviews: photoReviewOps(db), followers: followerOps(db), aggregates })
  return {
    ...userStore(db),
    ...userChangeStore(db, messages),
    ...directoryStore(db),
    ...ticketStore(db, counters, flush, aggregates, { filingPatienceMs: opts.filingPatienceMs }),
    ...followerStore(db),
    ...photoReviewStore(db),
    ...volunteerStore(db, messages, aggregates),
    ...surveyStore(db, aggregates),
    ...aggregateStore(db),
    ...messageStore(db, messages),
    ...counters,
    ...apiKeyStore(db),
    ...auditStore(db),
    ...sessionStore(db),
    ...signInStore(db),
    ...settingsStore(db),
    ...categoryStore(db),
    // Stateless HTTP: nothing to close.
    close: async () => {}
  }
}

/** Create every collection the store uses (existing ones are left alone); for setup scripts and tests. */
export async function createCloudbaseCollections (opts: CloudbaseStoreOptions): Promise<string[]> {
  const db = dbOf(opts)
  const created: string[] = []
  for (const c of ALL_COLLECTIONS) if (await db.createCollection(c)) created.push(c)
  return created
}

/** Remove every document of every store collection. Destructive: only for a test environment's prefix. */
export async function clearCloudbaseCollections (opts: CloudbaseStoreOptions): Promise<void> {
  if (!opts.collectionPrefix) throw new Error('clearCloudbaseCollections needs a collectionPrefix (refusing to clear live collections)')
  const db = dbOf(opts)
  for (const c of ALL_COLLECTIONS) await db.removeAll(c)
}
