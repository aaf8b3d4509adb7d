/**
 * Signed-in sessions that are not WeChat's own: the local gateway's dev login (demo accounts, loopback only) and the
 * office's desktop sessions (scan to sign in). A session is found by the SHA-256 of its token, so a stolen database
 * holds no usable token; it ends when idle too long, when the person ends it, or when a role it depended on is revoked.
 */

export type SessionKind = 'dev' | 'desk'

export interface Session {
  /** SHA-256 (hex) of the token the browser holds; the token itself is never stored. */
  id: string
  kind: SessionKind
  userId: string
  createdAt: string
  lastSeenAt: string
  /** The session ends at this instant unless used again (then it moves on by the idle time). */
  expiresAt: string
  /** Where it was opened: the browser's description, for 我的 → 桌面登录. */
  userAgent: string
  /** The roles the person held when signing in (revoking one of them ends the session). */
  roles: string[]
  endedAt: string | null
  /** Why it ended: 'signout', 'revoked_by_user', 'role_revoked', 'expired' … */
  endReason: string | null
}

/** Token bytes: 256 bits of randomness, far past guessing. */
export const SESSION_TOKEN_BYTES = 32

/** Touch a session at most this often (a read per call, a write per minute). */
export const TOUCH_EVERY_MS = 60_000

/** A dev-login session (local gateway, demo accounts) ends after this long unused where no setting says otherwise. */
export const DEV_SESSION_IDLE_HOURS = 8

/** Is a use at `nowIso` worth recording (the last recorded use is at least TOUCH_EVERY_MS old)? */
export function touchDue (s: Pick<Session, 'lastSeenAt'>, nowIso: string): boolean {
  return Date.parse(nowIso) - Date.parse(s.lastSeenAt) >= TOUCH_EVERY_MS
}

/**
 * The expiry after a use at `nowIso`: the session keeps the idle span it was opened with, so changing the setting
 * later applies to new sign-ins rather than cutting short (or stretching) the ones already open.
 */
export function expiryAfterUse (s: Pick<Session, 'lastSeenAt' | 'expiresAt'>, nowIso: string): string {
  const idleMs = Math.max(0, Date.parse(s.expiresAt) - Date.parse(s.lastSeenAt))
  return new Date(Date.parse(nowIso) + idleMs).toISOString()
}

/** Is the session usable at `nowIso`? */
export function sessionLive (s: Pick<Session, 'endedAt' | 'expiresAt'>, nowIso: string): boolean {
  return s.endedAt === null && Date.parse(s.expiresAt) > Date.parse(nowIso)
}

/** When a session used at `nowIso` now expires. */
export function idleExpiry (nowIso: string, idleHours: number): string {
  return new Date(Date.parse(nowIso) + idleHours * 3_600_000).toISOString()
}
