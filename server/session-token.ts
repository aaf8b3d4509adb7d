import { createHash, randomBytes } from 'node:crypto'
import { idleExpiry, SESSION_TOKEN_BYTES, type Session, type SessionKind } from '../core/sessions'
import type { SessionStore } from './ports/sessions'

/**
 * Session tokens (core/sessions.ts): the browser holds 256 random bits, the store holds only their SHA-256, so a
 * copied database lets nobody in. The dev login (server/gateway/http.ts) and the desk's scan sign-in make them here
 * and the gateway's identity (server/gateway/identity.ts) looks them up the same way.
 */

/** A new token: 32 random bytes, base64url (43 characters). */
export function newSessionToken (): string {
  return randomBytes(SESSION_TOKEN_BYTES).toString('base64url')
}

/** The session id a token is stored under: SHA-256, hex. */
export function sessionIdOf (token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** What a browser sends as a token (`Authorization: Bearer <token>`): base64url, of a sane length. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/

export interface OpenSession {
  kind: SessionKind
  userId: string
  roles: string[]
  userAgent: string
  /** When it is opened (the clock port's now). */
  at: string
  idleHours: number
}

/** Open a session for a person: store it by its token's hash and hand back the token (shown once, never stored). */
export async function openSession (store: Pick<SessionStore, 'addSession'>, o: OpenSession): Promise<{ token: string; session: Session }> {
  const token = newSessionToken()
  const session: Session = {
    id: sessionIdOf(token),
    kind: o.kind,
    userId: o.userId,
    createdAt: o.at,
    lastSeenAt: o.at,
    expiresAt: idleExpiry(o.at, o.idleHours),
    userAgent: o.userAgent.slice(0, 200),
    roles: [...o.roles],
    endedAt: null,
    endReason: null
  }
  await store.addSession(session)
  return { token, session }
}
