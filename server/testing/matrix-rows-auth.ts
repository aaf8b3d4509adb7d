import type { ActionName } from '../../core/api'
import type { Result } from '../../core/errors'
import { sessionIdOf } from '../session-token'
import type { TestApp } from './app'
import type { Cast, CallerKey } from './matrix'
import { DESK_UA, freshDeskSession, freshSignIn } from './signin'

/**
 * Valid payloads of the desk sign-in (server/handlers/auth.ts) for the authorization matrix: every cell gets its own
 * request, written straight to the store (auth.request's per-address limit would stop a matrix's worth of them).
 */

/** The part of matrix-rows.ts' World and ValidRow these rows use (typed here, so the two files do not import each other). */
interface World { app: TestApp; cast: Cast }
interface ValidRow {
  given (w: World, caller: CallerKey): Promise<{ payload: Record<string, unknown> }>
  allowed? (w: World, given: { payload: Record<string, unknown> }, result: Result<unknown>): Promise<void>
}

const data = <T>(r: Result<unknown>): T => (r as { ok: true; data: T }).data
const fresh = (w: World) => freshSignIn(w.app.store, w.app.clock)
/** A row of the phone's side: a fresh request's QR; `check` looks at the request the cell was about. */
const scanRow = (check: (w: World, requestId: string) => Promise<void>): ValidRow => ({
  given: async (w) => ({ payload: { qr: (await fresh(w)).qr } }),
  allowed: async (w, given) => check(w, String(given.payload.qr).split('.')[1])
})

export const AUTH_ROWS: Record<ActionName<'auth'>, ValidRow> = {
  request: {
    given: async () => ({ payload: { userAgent: DESK_UA } }),
    // Only the secret's hash is stored: the QR's secret is nowhere in the request.
    async allowed (w, _given, result) {
      const view = data<{ requestId: string; secret: string; qr: string }>(result)
      const stored = await w.app.store.getSignInRequest(view.requestId)
      expect(stored).toMatchObject({ state: 'pending', userAgent: DESK_UA })
      expect(JSON.stringify(stored)).not.toContain(view.secret)
      expect(view.qr).toBe(`WMS1.${view.requestId}.${view.secret}`)
    }
  },
  poll: {
    async given (w) {
      const r = await fresh(w)
      return { payload: { requestId: r.requestId, secret: r.secret } }
    },
    async allowed (_w, _given, result) {
      expect(data<{ state: string }>(result)).toMatchObject({ state: 'pending', scanned: false })
    }
  },
  describe: scanRow(async (w, requestId) => {
    expect((await w.app.store.getSignInRequest(requestId))?.scannedAt).toBe(w.app.clock.now())
  }),
  confirm: scanRow(async (w, requestId) => {
    const r = await w.app.store.getSignInRequest(requestId)
    expect(r).toMatchObject({ state: 'confirmed' })
    // The desk becomes the person who confirmed, with their roles.
    const person = await w.app.store.getUser(r!.userId!)
    expect(await w.app.store.getSession(r!.sessionId!)).toMatchObject({ kind: 'desk', userId: person!.id, roles: person!.roles })
  }),
  cancel: scanRow(async (w, requestId) => {
    expect((await w.app.store.getSignInRequest(requestId))?.state).toBe('cancelled')
  }),
  sessions: { given: async () => ({ payload: { limit: 5 } }) },
  endSession: {
    // One of the caller's own live sessions (callers without an account name one nobody holds).
    async given (w, caller) {
      const userId = w.cast.userId[caller]
      if (!userId) return { payload: { id: sessionIdOf(`nobody-${caller}`) } }
      return { payload: { id: (await freshDeskSession(w.app.store, w.app.clock, userId)).session.id } }
    },
    async allowed (w, { payload }) {
      expect(await w.app.store.getSession(String(payload.id))).toMatchObject({ endReason: 'revoked_by_user', endedAt: w.app.clock.now() })
    }
  },
  // WeChat's own sign-in has no session to end: answered, nothing changes.
  signOut: {
    given: async () => ({ payload: {} }),
    async allowed (_w, _given, result) {
      expect(data(result)).toEqual({ ended: false })
    }
  }
}
