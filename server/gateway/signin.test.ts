import type { Result } from '../../core/errors'
import type { SignInPollView, SignInRequestView } from '../../core/signin'
import { sessionIdOf } from '../session-token'
import { ok } from '../testing/app'
import { DESK_UA } from '../testing/signin'
import { startLoopbackGateway, type LoopbackGateway } from './testing/loopback'

/**
 * The desk's scan sign-in over HTTP, through a real gateway on 127.0.0.1: the token the desk picks up is the
 * session the gateway then finds (server/gateway/identity.ts), the session comes along to the action that ends it,
 * and an ended session is nobody. The rules themselves are tested in server/handlers/auth.test.ts.
 */

const code = (r: Result<unknown>) => r.ok ? 'ok' : r.error.code

describe('scan to sign in at the gateway', () => {
  it('the token works at the gateway as that person; signing out there, or ending it from the phone, makes it nobody', async () => {
    const gw: LoopbackGateway = await startLoopbackGateway()
    try {
      const post = async (fn: string, body: unknown, token?: string) => {
        const res = await fetch(`${gw.base}/api/${fn}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'user-agent': DESK_UA, ...(token ? { authorization: `Bearer ${token}` } : {}) } })
        return res.json() as Promise<Result<unknown>>
      }
      const r = ok(await post('auth', { action: 'request', userAgent: DESK_UA })) as SignInRequestView
      // The phone: the office worker's own (dev-login) session, as the mini-program's call would carry WeChat's.
      const phone = await gw.login('u-admin')
      ok(await post('auth', { action: 'confirm', qr: r.qr }, phone))
      const picked = ok(await post('auth', { action: 'poll', requestId: r.requestId, secret: r.secret })) as Extract<SignInPollView, { state: 'confirmed' }>
      expect(ok(await post('users', { action: 'me' }, picked.token))).toMatchObject({ user: { id: 'u-admin' } })
      expect(code(await post('tickets', { action: 'triage', limit: 1 }, picked.token))).toBe('ok')
      // 我的 → 桌面登录 on the desk itself marks this browser.
      const listed = ok(await post('auth', { action: 'sessions' }, picked.token)) as { items: Array<{ id: string; current: boolean; kind: string }> }
      expect(listed.items.find((s) => s.id === sessionIdOf(picked.token))).toMatchObject({ current: true, kind: 'desk' })
      // The desk cannot confirm another desk's code: the gateway tells the action which session calls.
      const other = ok(await post('auth', { action: 'request', userAgent: DESK_UA })) as SignInRequestView
      expect(code(await post('auth', { action: 'confirm', qr: other.qr }, picked.token))).toBe('FORBIDDEN')
      expect(await gw.app.store.getSignInRequest(other.requestId)).toMatchObject({ state: 'pending' })

      expect(ok(await post('auth', { action: 'signOut' }, picked.token))).toEqual({ ended: true })
      expect(await gw.app.store.getSession(sessionIdOf(picked.token))).toMatchObject({ endReason: 'signout' })
      expect(code(await post('users', { action: 'me' }, picked.token))).toBe('UNAUTHENTICATED')
      // The phone stays signed in; the audit list has the sign-in and the sign-out.
      expect(code(await post('users', { action: 'me' }, phone))).toBe('ok')
      expect((await gw.app.store.listAudit({ kind: 'signin' })).items.map((e) => e.action)).toEqual(['signout', 'signin'])

      // Ended from the phone (我的 → 桌面登录 → 退出): that desk is nobody at its next call.
      ok(await post('auth', { action: 'confirm', qr: other.qr }, phone))
      const second = ok(await post('auth', { action: 'poll', requestId: other.requestId, secret: other.secret })) as Extract<SignInPollView, { state: 'confirmed' }>
      expect(code(await post('users', { action: 'me' }, second.token))).toBe('ok')
      ok(await post('auth', { action: 'endSession', id: sessionIdOf(second.token) }, phone))
      expect(code(await post('users', { action: 'me' }, second.token))).toBe('UNAUTHENTICATED')
      expect(await gw.app.store.getSession(sessionIdOf(second.token))).toMatchObject({ endReason: 'revoked_by_user' })
    } finally {
      await gw.close()
    }
  })
})
