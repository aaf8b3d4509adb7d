import type { Session } from '../../core/sessions'
import { SIGNIN_TTL_MS, signInQr, type SignInRequest } from '../../core/signin'
import type { Clock } from '../ports/clock'
import type { Store } from '../ports/store'
import { newSessionToken, sessionIdOf } from '../session-token'
import { newSignInRequestKeys, secretHashOf } from '../signin-seal'

/** A desktop browser's user-agent, as Chrome on Windows sends it. */
export const DESK_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

/**
 * A pending desk sign-in request written straight to the store (as auth.request writes it, without its per-address
 * limit), for tests that need many: its QR text and halves.
 */
export async function freshSignIn (store: Pick<Store, 'addSignInRequest'>, clock: Clock, o: Partial<SignInRequest> = {}): Promise<{ requestId: string; secret: string; qr: string }> {
  const { requestId, secret } = newSignInRequestKeys()
  const now = clock.now()
  await store.addSignInRequest({
    id: requestId, secretHash: secretHashOf(secret), state: 'pending', createdAt: now,
    expiresAt: new Date(Date.parse(now) + SIGNIN_TTL_MS).toISOString(), userAgent: DESK_UA,
    scannedAt: null, confirmedAt: null, userId: null, sessionId: null, sealed: null, closedAt: null, ...o
  })
  return { requestId, secret, qr: signInQr(requestId, secret) }
}

/** A live desk session of this person, written straight to the store: its token and record. */
export async function freshDeskSession (store: Pick<Store, 'addSession'>, clock: Clock, userId: string, roles: string[] = ['citizen']): Promise<{ token: string; session: Session }> {
  const token = newSessionToken()
  const now = clock.now()
  const session: Session = {
    id: sessionIdOf(token), kind: 'desk', userId, createdAt: now, lastSeenAt: now,
    expiresAt: new Date(Date.parse(now) + 8 * 3_600_000).toISOString(), userAgent: DESK_UA, roles, endedAt: null, endReason: null
  }
  await store.addSession(session)
  return { token, session }
}
