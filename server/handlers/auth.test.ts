import type { Result } from '../../core/errors'
import { PICKUP_GRACE_MS, SIGNIN_LIMITS, SIGNIN_TTL_MS, type SignInPollView, type SignInRequestView } from '../../core/signin'
import type { CallOrigin, CustomLogin, Identity } from '../deps'
import { AppError } from '../errors'
import { createRouter } from '../router'
import { sessionIdOf } from '../session-token'
import { ok, openTestApp, type TestApp } from '../testing/app'
import { DESK_UA, freshDeskSession, freshSignIn } from '../testing/signin'
import { authActions } from './auth'

/**
 * Scan to sign in at the desk through the real routers over the seeded demo city: the desk's side anonymous (with
 * the address the gateway would report), the phone's as a signed-in person. Every refusal is checked on the store.
 */

const DESK: CallOrigin = { ip: '10.0.0.8', userAgent: DESK_UA }
const admin: Identity = { kind: 'user', openid: 'dev-admin' }
const citizen: Identity = { kind: 'user', openid: 'dev-citizen' }

let app: TestApp
beforeEach(async () => { app = await openTestApp() })
afterEach(() => app.close())

const auth = (identity: Identity, action: string, payload: Record<string, unknown> = {}, origin: CallOrigin = DESK) =>
  app.routers.auth({ action, ...payload }, identity, origin)
const desk = (action: string, payload: Record<string, unknown> = {}, origin: CallOrigin = DESK) => auth({ kind: 'anonymous' }, action, payload, origin)
const minutes = (n: number) => app.clock.set(new Date(Date.parse(app.clock.now()) + n * 60_000).toISOString())
const requestOf = (id: string) => app.store.getSignInRequest(id)
const code = (r: Result<unknown>) => r.ok ? 'ok' : r.error.code
const signinAudit = async () => (await app.store.listAudit({ kind: 'signin' })).items

async function newRequest (): Promise<SignInRequestView> {
  return ok(await desk('request', { userAgent: DESK_UA })) as SignInRequestView
}
const poll = (r: Pick<SignInRequestView, 'requestId' | 'secret'>, origin?: CallOrigin) => desk('poll', { requestId: r.requestId, secret: r.secret }, origin)

describe('scan to sign in: the whole way', () => {
  it('request → the phone looks → confirms → the desk picks up the token once, as that person with their roles', async () => {
    const r = await newRequest()
    expect(r.qr).toBe(`WMS1.${r.requestId}.${r.secret}`)
    expect(r.expiresAt).toBe(new Date(Date.parse(app.clock.now()) + SIGNIN_TTL_MS).toISOString())
    // Only the secret's hash is kept.
    expect(JSON.stringify(await requestOf(r.requestId))).not.toContain(r.secret)
    expect(ok(await poll(r))).toEqual({ state: 'pending', scanned: false, expiresAt: r.expiresAt })

    const seen = ok(await auth(admin, 'describe', { qr: r.qr })) as { user: { nickname: string }; browser: string; officeRights: boolean; requestedAt: string }
    expect(seen).toMatchObject({ user: { nickname: '文明办刘主任' }, browser: 'Chrome 131 · Windows', officeRights: true, requestedAt: app.clock.now() })
    expect(ok(await poll(r))).toMatchObject({ state: 'pending', scanned: true })

    minutes(1)
    expect(ok(await auth(admin, 'confirm', { qr: r.qr }))).toEqual({ browser: 'Chrome 131 · Windows', nickname: '文明办刘主任', officeRights: true })
    const confirmed = await requestOf(r.requestId)
    expect(confirmed).toMatchObject({ state: 'confirmed', userId: 'u-admin', confirmedAt: app.clock.now() })
    // The token waits sealed: not in the store as it is.
    const session = await app.store.getSession(confirmed!.sessionId!)
    expect(session).toMatchObject({ kind: 'desk', userId: 'u-admin', userAgent: DESK_UA, endedAt: null })
    expect(session!.roles).toEqual((await app.store.getUser('u-admin'))!.roles)

    const picked = ok(await poll(r)) as Extract<SignInPollView, { state: 'confirmed' }>
    expect(picked).toMatchObject({ state: 'confirmed', ticket: null, user: { id: 'u-admin', nickname: '文明办刘主任' } })
    expect(sessionIdOf(picked.token)).toBe(session!.id)
    expect(JSON.stringify(await requestOf(r.requestId))).not.toContain(picked.token)
    expect(await requestOf(r.requestId)).toMatchObject({ state: 'used', sealed: null })
    // From the pickup on, the session lives by use: the idle time of the settings (8 h).
    expect((await app.store.getSession(session!.id))!.expiresAt).toBe(new Date(Date.parse(app.clock.now()) + 8 * 3_600_000).toISOString())

    // A replayed poll (the same halves again) gets no token.
    expect(ok(await poll(r))).toEqual({ state: 'used' })
    expect((await signinAudit()).map((e) => [e.action, e.actorId, e.summary])).toEqual([['signin', 'u-admin', '扫码登录电脑版（Chrome 131 · Windows）']])
  })
})

describe('scan to sign in: refused or limited, and the store unchanged', () => {
  it('a replayed confirmation (the same QR confirmed again, by anyone) is refused and opens no second session', async () => {
    const r = await newRequest()
    ok(await auth(admin, 'confirm', { qr: r.qr }))
    const after = await requestOf(r.requestId)
    for (const who of [admin, citizen]) {
      const again = await auth(who, 'confirm', { qr: r.qr })
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已经用过') } })
    }
    expect(await requestOf(r.requestId)).toEqual(after)
    expect((await app.store.listSessions({ userId: 'u-citizen' })).items).toEqual([])
    expect((await signinAudit())).toHaveLength(1)
  })

  it('an expired request cannot be looked at, confirmed or picked up; a confirmation not picked up in time ends its session', async () => {
    const r = await newRequest()
    app.clock.set(new Date(Date.parse(r.expiresAt)).toISOString())
    for (const a of ['describe', 'confirm', 'cancel']) {
      expect(await auth(admin, a, { qr: r.qr })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('过期') } })
    }
    expect(ok(await poll(r))).toEqual({ state: 'expired' })
    expect(await requestOf(r.requestId)).toMatchObject({ state: 'expired', userId: null, sessionId: null })
    expect((await app.store.listSessions({ userId: 'u-admin' })).items).toEqual([])

    const late = await newRequest()
    ok(await auth(admin, 'confirm', { qr: late.qr }))
    const sessionId = (await requestOf(late.requestId))!.sessionId!
    app.clock.set(new Date(Date.parse(late.expiresAt) + PICKUP_GRACE_MS).toISOString())
    expect(ok(await poll(late))).toEqual({ state: 'expired' })
    expect(await requestOf(late.requestId)).toMatchObject({ state: 'expired', sealed: null })
    expect(await app.store.getSession(sessionId)).toMatchObject({ endReason: 'not_picked_up' })
  })

  it('a foreign request (a wrong secret for a real id) answers as if there were none, and changes nothing', async () => {
    const r = await newRequest()
    const other = await newRequest()
    const forged = `WMS1.${r.requestId}.${other.secret}`
    for (const a of ['describe', 'confirm', 'cancel']) {
      expect(await auth(admin, a, { qr: forged })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这次登录，请在电脑上刷新二维码后重新扫码' } })
    }
    expect(await poll({ requestId: r.requestId, secret: other.secret })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await requestOf(r.requestId)).toMatchObject({ state: 'pending', scannedAt: null, userId: null, sessionId: null })
    expect((await app.store.listSessions({ userId: 'u-admin' })).items).toEqual([])
  })

  it('a person without an office role signs the desk in as themselves, with no office rights', async () => {
    const r = await newRequest()
    expect(ok(await auth(citizen, 'describe', { qr: r.qr }))).toMatchObject({ user: { nickname: '张阿姨', roles: ['citizen'] }, officeRights: false })
    expect(ok(await auth(citizen, 'confirm', { qr: r.qr }))).toMatchObject({ officeRights: false })
    const picked = ok(await poll(r)) as Extract<SignInPollView, { state: 'confirmed' }>
    expect(picked.user).toEqual({ id: 'u-citizen', nickname: '张阿姨', roles: ['citizen'] })
    const session = await app.store.getSession(sessionIdOf(picked.token))
    expect(session).toMatchObject({ userId: 'u-citizen', roles: ['citizen'] })
    // The desk as 张阿姨: the office's queue refuses it, her own reports answer.
    const asDesk: Identity = { kind: 'user', openid: 'dev-citizen', sessionId: session!.id }
    expect(code(await app.routers.tickets({ action: 'triage' }, asDesk))).toBe('FORBIDDEN')
    expect(code(await app.routers.reports({ action: 'mine' }, asDesk))).toBe('ok')
    expect((await signinAudit())[0].summary).toBe('扫码登录电脑版（Chrome 131 · Windows），无文明办权限')
  })

  it('a desk session cannot confirm another desk (only the phone can), and nothing is written', async () => {
    const { session } = await freshDeskSession(app.store, app.clock, 'u-admin', ['citizen', 'admin'])
    const r = await newRequest()
    const fromDesk: Identity = { kind: 'user', openid: 'dev-admin', sessionId: session.id }
    for (const a of ['describe', 'confirm', 'cancel']) {
      expect(await auth(fromDesk, a, { qr: r.qr })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('手机') } })
    }
    expect(await requestOf(r.requestId)).toMatchObject({ state: 'pending', scannedAt: null })
    expect((await app.store.listSessions({ userId: 'u-admin' })).items.map((s) => s.id)).toEqual([session.id])
  })

  it('a cancelled request stays cancelled: the desk is told, a later confirmation is refused', async () => {
    const r = await newRequest()
    expect(ok(await auth(admin, 'cancel', { qr: r.qr }))).toEqual({ state: 'cancelled' })
    expect(ok(await poll(r))).toEqual({ state: 'cancelled' })
    expect(await auth(admin, 'confirm', { qr: r.qr })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已取消') } })
    expect(await requestOf(r.requestId)).toMatchObject({ state: 'cancelled', sessionId: null })
  })

  it('brute-force polling is limited per request and per address, wrong secrets included, until the minute ends', async () => {
    const r = await newRequest()
    const wrong = { requestId: r.requestId, secret: (await newRequest()).secret }
    for (let i = 0; i < SIGNIN_LIMITS.pollsPerRequest; i++) expect(code(await poll(wrong))).toBe('NOT_FOUND')
    // The 31st poll of this request, now with the right secret, from another address too: limited.
    for (const origin of [DESK, { ip: '10.0.0.9', userAgent: DESK_UA }]) {
      const limited = await poll(r, origin)
      expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { retryAt: new Date(Math.floor(Date.parse(app.clock.now()) / 60_000) * 60_000 + 60_000).toISOString() } } })
      expect((limited as { error: { message: string } }).error.message).toMatch(/秒后再试/)
    }
    // Confirmed meanwhile, the token stays where it is until the desk may poll again.
    ok(await auth(admin, 'confirm', { qr: r.qr }))
    expect(code(await poll(r))).toBe('RATE_LIMITED')
    expect(await requestOf(r.requestId)).toMatchObject({ state: 'confirmed' })
    minutes(1)
    expect(ok(await poll(r))).toMatchObject({ state: 'confirmed' })

    // Per address: many requests from one address are limited together.
    const many = await Promise.all(Array.from({ length: 5 }, () => freshSignIn(app.store, app.clock)))
    const crowd: CallOrigin = { ip: '10.0.0.50', userAgent: DESK_UA }
    let answered = 0
    for (let i = 0; i < SIGNIN_LIMITS.pollsPerIp; i++) if ((await poll(many[i % many.length], crowd)).ok) answered++
    expect(answered).toBe(SIGNIN_LIMITS.pollsPerIp)
    expect(code(await poll(many[0], crowd))).toBe('RATE_LIMITED')
    // Another address is not held back by this one's count (each of these requests is under its own limit).
    expect(code(await poll(many[0], { ip: '10.0.0.51', userAgent: DESK_UA }))).toBe('ok')
  })

  it('asking for codes is limited per address too', async () => {
    for (let i = 0; i < SIGNIN_LIMITS.requestsPerIp; i++) await newRequest()
    expect(await desk('request', { userAgent: DESK_UA })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(code(await desk('request', { userAgent: DESK_UA }, { ip: '10.0.0.9', userAgent: DESK_UA }))).toBe('ok')
  })
})

describe('my desktop sessions', () => {
  it('lists mine (live and ended), ends one of them from the phone, and leaves someone else\'s alone', async () => {
    const mine = await freshDeskSession(app.store, app.clock, 'u-admin', ['citizen', 'admin'])
    minutes(1)
    const older = await freshDeskSession(app.store, app.clock, 'u-admin', ['citizen', 'admin'])
    await app.store.endSession(older.session.id, app.clock.now(), 'signout')
    const theirs = await freshDeskSession(app.store, app.clock, 'u-citizen')

    const listed = ok(await auth(admin, 'sessions')) as { items: Array<{ id: string; live: boolean; ended: string | null; browser: string }> }
    expect(listed.items.map((s) => [s.id, s.live, s.ended])).toEqual([[older.session.id, false, '已在电脑上退出'], [mine.session.id, true, null]])
    expect(listed.items[0].browser).toBe('Chrome 131 · Windows')

    expect(await auth(admin, 'endSession', { id: theirs.session.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await app.store.getSession(theirs.session.id))?.endedAt).toBeNull()

    expect(ok(await auth(admin, 'endSession', { id: mine.session.id }))).toMatchObject({ id: mine.session.id, live: false, ended: '已在手机上退出' })
    expect(await app.store.getSession(mine.session.id)).toMatchObject({ endReason: 'revoked_by_user', endedAt: app.clock.now() })
    // The desk that held it is nobody now: the gateway's lookup finds an ended session (checked in the gateway's tests).
    expect((await signinAudit()).map((e) => [e.action, e.summary])).toEqual([['end', '在手机上退出电脑版登录（Chrome 131 · Windows）']])
    // Ending it again changes nothing.
    ok(await auth(admin, 'endSession', { id: mine.session.id }))
    expect(await signinAudit()).toHaveLength(1)
  })

  it('a revoked role ends the person\'s desk sessions (they sign in again with what they hold now)', async () => {
    const { session } = await freshDeskSession(app.store, app.clock, 'u-organizer', ['citizen', 'organizer'])
    const revoked = await app.routers.admin({ action: 'revokeRole', userId: 'u-organizer', role: 'organizer', reason: '换届，不再负责组织活动' }, admin)
    expect(code(revoked)).toBe('ok')
    expect(await app.store.getSession(session.id)).toMatchObject({ endReason: 'role_revoked', endedAt: app.clock.now() })
  })
})

describe('on CloudBase: the confirmation issues a custom-login ticket', () => {
  it('hands the ticket to the desk with the token, once', async () => {
    const issued: string[] = []
    const customLogin: CustomLogin = { ticketFor: (userId) => { issued.push(userId); return `key-1/@@/ticket-for-${userId}` } }
    const router = createRouter('auth', authActions, { ...app.deps, customLogin })
    const r = ok(await router({ action: 'request', userAgent: DESK_UA }, { kind: 'anonymous' }, DESK)) as SignInRequestView
    ok(await router({ action: 'confirm', qr: r.qr }, admin, DESK))
    expect(issued).toEqual(['u-admin'])
    expect(JSON.stringify(await requestOf(r.requestId))).not.toContain('ticket-for-')
    expect(ok(await router({ action: 'poll', requestId: r.requestId, secret: r.secret }, { kind: 'anonymous' }, DESK))).toMatchObject({ state: 'confirmed', ticket: 'key-1/@@/ticket-for-u-admin' })
  })

  it('without the private key, confirming says what to configure and writes nothing', async () => {
    const customLogin: CustomLogin = { ticketFor: () => { throw new AppError('INTERNAL', '电脑版扫码登录尚未配置：请管理员在云函数 auth 的环境变量 WENMING_CUSTOM_LOGIN_KEY 中填入私钥') } }
    const router = createRouter('auth', authActions, { ...app.deps, customLogin })
    const r = await freshSignIn(app.store, app.clock)
    expect(await router({ action: 'confirm', qr: r.qr }, admin, DESK)).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('WENMING_CUSTOM_LOGIN_KEY') } })
    expect(await requestOf(r.requestId)).toMatchObject({ state: 'pending', sessionId: null })
    expect((await app.store.listSessions({ userId: 'u-admin' })).items).toEqual([])
    expect(await signinAudit()).toEqual([])
  })
})
