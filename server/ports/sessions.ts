import type { Session } from '../../core/sessions'
import type { Page } from '../../core/types'
import type { PageQuery } from './paging'

/** Sessions (core/sessions.ts), found by the hash of their token. */
export interface SessionStore {
  addSession (s: Session): Promise<void>
  getSession (id: string): Promise<Session | null>
  /** Record a use: lastSeenAt and the new expiry (best effort; a lost touch only ends a session sooner). */
  touchSession (id: string, at: string, expiresAt: string): Promise<void>
  /** End one session unless it has ended already (the first end stands); the session as it stands, null if none. */
  endSession (id: string, at: string, reason: string): Promise<Session | null>
  /** A person's sessions, newest first (live and ended). */
  listSessions (q: PageQuery & { userId: string }): Promise<Page<Session>>
  /** End every live session of a person (of these kinds, or all), as when a role they depended on is revoked; how many. */
  endUserSessions (userId: string, at: string, reason: string): Promise<number>
}
