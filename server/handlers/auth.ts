import type { AuditEntry } from '../../core/audit'
import { emptyInput, pageInput } from '../../core/schemas'
import type { Session } from '../../core/sessions'
import { idleExpiry, sessionLive } from '../../core/sessions'
import {
  browserLabel, deskSessionView, endSessionInput, hasOfficeRole, minuteBucket, parseSignInQr, PICKUP_GRACE_MS, POLL_EVERY_MS,
  pollCounterKeys, requestCounterKey, scanCounterKey, scanRefusal, SIGNIN_LIMITS, SIGNIN_TTL_MS, signInPollInput, signInQr,
  signInQrInput, signInRequestInput, signInStatus, UNKNOWN_REQUEST, type SignInRequest
} from '../../core/signin'
import type { User } from '../../core/types'
import { requireUser } from '../caller'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import { action, type ActionsOf, type Ctx } from '../router'
import { newSessionToken, sessionIdOf } from '../session-token'
import { newSignInRequestKeys, seal, secretHashOf, secretMatches, unseal } from '../signin-seal'

/**
 * Scan to sign in at the office's desk (core/signin.ts). The desk's side is anonymous — it asks for a request and
 * polls for it; the phone's side is a signed-in person: look at what asks, confirm or cancel, and manage the
 * desktop sessions they hold. The desk becomes the person who confirmed, with that person's roles, checked on every
 * call as on the phone (someone without an office role simply gets no office rights).
 */

/** Kept in the session and shown in 桌面登录: the raw string is for the curious, the label for everyone. */
const MAX_USER_AGENT = 300

const limited = (retryAt: string, now: string, what: string): AppError => {
  const seconds = Math.max(1, Math.ceil((Date.parse(retryAt) - Date.parse(now)) / 1000))
  return new AppError('RATE_LIMITED', `${what}太频繁，请 ${seconds} 秒后再试`, { retryAt })
}

/** Count one use against each key; past any limit, RATE_LIMITED until the minute ends. Every attempt counts. */
async function countAgainst (deps: Deps, limits: Array<[key: string, max: number]>, now: string, what: string): Promise<void> {
  const counts = await Promise.all(limits.map(([key]) => deps.store.incrementCounter(key, 1)))
  if (counts.some((n, i) => n > limits[i][1])) throw limited(minuteBucket(now).resetsAt, now, what)
}

/** The request these halves name, or null for an unknown id and for a wrong secret alike. */
async function findRequest (deps: Deps, requestId: string, secret: string): Promise<SignInRequest | null> {
  const r = await deps.store.getSignInRequest(requestId)
  return r && secretMatches(secret, r.secretHash) ? r : null
}

/** Bring the stored state up to what the clock says (an expired request's session, never picked up, ends too). */
async function settleExpired (deps: Deps, r: SignInRequest, now: string): Promise<void> {
  if (r.state !== 'pending' && r.state !== 'confirmed') return
  const moved = await deps.store.moveSignInRequest(r.id, r.state, { state: 'expired', sealed: null, closedAt: now })
  if (moved && r.sessionId) await deps.store.endSession(r.sessionId, now, 'not_picked_up')
}

/** Desk sessions cannot confirm (nor look at, nor cancel) a sign-in: that is the phone's, in the person's hand. */
async function refuseDesk (ctx: Ctx): Promise<void> {
  if (!ctx.sessionId) return
  const s = await ctx.deps.store.getSession(ctx.sessionId)
  if (s?.kind === 'desk') throw new AppError('FORBIDDEN', '请用手机上的「文明共建」小程序扫码确认：电脑上的登录不能确认另一台电脑')
}

/** The phone's scan, checked: the caller (not a desk), within the scan limit, a live pending request of this QR. */
async function scanned (ctx: Ctx, qr: string): Promise<{ me: User; r: SignInRequest; secret: string; now: string }> {
  const me = requireUser(ctx.user)
  await refuseDesk(ctx)
  const now = ctx.deps.clock.now()
  await countAgainst(ctx.deps, [[scanCounterKey(me.id, now), SIGNIN_LIMITS.scansPerUser]], now, '扫码')
  const parts = parseSignInQr(qr)
  const r = parts ? await findRequest(ctx.deps, parts.requestId, parts.secret) : null
  if (!parts || !r) throw new AppError('NOT_FOUND', UNKNOWN_REQUEST)
  const state = signInStatus(r, now)
  if (state === 'expired') await settleExpired(ctx.deps, r, now)
  const refusal = scanRefusal(state)
  if (refusal) throw new AppError('CONFLICT', refusal)
  return { me, r, secret: parts.secret, now }
}

/** A request that moved on while we looked: say what it is now. */
async function refusalNow (deps: Deps, id: string, now: string): Promise<AppError> {
  const r = await deps.store.getSignInRequest(id)
  return new AppError('CONFLICT', (r && scanRefusal(signInStatus(r, now))) ?? UNKNOWN_REQUEST)
}

function signInAudit (deps: Deps, o: { action: 'signin' | 'signout' | 'end'; userId: string; session: Session; summary: string; at: string }): AuditEntry {
  return {
    id: deps.ids.next('audit'),
    at: o.at,
    kind: 'signin',
    action: o.action,
    actorId: o.userId,
    targetId: o.userId,
    reason: '',
    summary: o.summary,
    // A prefix of the session's hash ties the entries of one session together; it opens nothing.
    after: { session: o.session.id.slice(0, 12), kind: o.session.kind, browser: browserLabel(o.session.userAgent), roles: o.session.roles }
  }
}

/** What the sealed box carries from the confirmation to the desk's poll. */
interface Pickup { token: string; ticket: string | null }

export const authActions: ActionsOf<'auth'> = {
  request: action({
    input: signInRequestInput,
    access: 'public',
    async run ({ deps, origin }, input) {
      const now = deps.clock.now()
      await countAgainst(deps, [[requestCounterKey(origin.ip, now), SIGNIN_LIMITS.requestsPerIp]], now, '获取二维码')
      const { requestId, secret } = newSignInRequestKeys()
      const expiresAt = new Date(Date.parse(now) + SIGNIN_TTL_MS).toISOString()
      await deps.store.addSignInRequest({
        id: requestId,
        secretHash: secretHashOf(secret),
        state: 'pending',
        createdAt: now,
        expiresAt,
        userAgent: (input.userAgent || origin.userAgent).slice(0, MAX_USER_AGENT),
        scannedAt: null,
        confirmedAt: null,
        userId: null,
        sessionId: null,
        sealed: null,
        closedAt: null
      })
      return { requestId, secret, qr: signInQr(requestId, secret), expiresAt, pollEveryMs: POLL_EVERY_MS }
    }
  }),

  poll: action({
    input: signInPollInput,
    access: 'public',
    async run ({ deps, origin }, { requestId, secret }) {
      const now = deps.clock.now()
      const keys = pollCounterKeys(requestId, origin.ip, now)
      await countAgainst(deps, [[keys.request, SIGNIN_LIMITS.pollsPerRequest], [keys.ip, SIGNIN_LIMITS.pollsPerIp]], now, '查询登录状态')
      const r = await findRequest(deps, requestId, secret)
      if (!r) throw new AppError('NOT_FOUND', UNKNOWN_REQUEST)
      const state = signInStatus(r, now)
      if (state === 'pending') return { state, scanned: r.scannedAt !== null, expiresAt: r.expiresAt }
      if (state === 'expired') {
        await settleExpired(deps, r, now)
        return { state }
      }
      if (state !== 'confirmed') return { state }
      // Handed out exactly once: the poll that moves it to 'used' gets the token, any other poll (a replay) does not.
      const used = await deps.store.moveSignInRequest(r.id, 'confirmed', { state: 'used', sealed: null, closedAt: now })
      if (!used) return { state: 'used' as const }
      const opened = r.sealed ? unseal(secret, r.sealed) : null
      if (!opened || !r.sessionId || !r.userId) throw new AppError('INTERNAL', '登录信息损坏，请刷新页面重新扫码')
      const pickup = JSON.parse(opened) as Pickup
      // From now on the session lives by use: the idle time in force at sign-in.
      await deps.store.touchSession(r.sessionId, now, idleExpiry(now, deps.settings.sessionIdleHours))
      const user = await deps.store.getUser(r.userId)
      if (!user) throw new AppError('NOT_FOUND', '确认登录的账号已不存在，请重新扫码')
      return { state, token: pickup.token, ticket: pickup.ticket, user: { id: user.id, nickname: user.nickname, roles: user.roles } }
    }
  }),

  describe: action({
    input: signInQrInput,
    access: 'signedIn',
    async run (ctx, { qr }) {
      const { me, r, now } = await scanned(ctx, qr)
      if (r.scannedAt === null) await ctx.deps.store.moveSignInRequest(r.id, 'pending', { scannedAt: now })
      return {
        user: { nickname: me.nickname, roles: me.roles },
        officeRights: hasOfficeRole(me.roles),
        browser: browserLabel(r.userAgent),
        userAgent: r.userAgent,
        requestedAt: r.createdAt,
        expiresAt: r.expiresAt
      }
    }
  }),

  confirm: action({
    input: signInQrInput,
    access: 'signedIn',
    async run (ctx, { qr }) {
      const { deps } = ctx
      const { me, r, secret, now } = await scanned(ctx, qr)
      // Before anything is written: on CloudBase a missing private key says so here, and nothing is half done.
      const ticket = deps.customLogin ? deps.customLogin.ticketFor(me.id) : null
      const token = newSessionToken()
      const session: Session = {
        id: sessionIdOf(token),
        kind: 'desk',
        userId: me.id,
        createdAt: now,
        lastSeenAt: now,
        // Until the desk picks the token up; the poll that does gives it the full idle time.
        expiresAt: new Date(Date.parse(r.expiresAt) + PICKUP_GRACE_MS).toISOString(),
        userAgent: r.userAgent,
        roles: [...me.roles],
        endedAt: null,
        endReason: null
      }
      const browser = browserLabel(r.userAgent)
      const done = await deps.store.confirmSignIn({
        requestId: r.id,
        patch: { state: 'confirmed', confirmedAt: now, userId: me.id, sessionId: session.id, sealed: seal(secret, JSON.stringify({ token, ticket } satisfies Pickup)) },
        session,
        audit: signInAudit(deps, { action: 'signin', userId: me.id, session, at: now, summary: `扫码登录电脑版（${browser}）${hasOfficeRole(me.roles) ? '' : '，无文明办权限'}` })
      })
      if (!done) throw await refusalNow(deps, r.id, now)
      return { browser, nickname: me.nickname, officeRights: hasOfficeRole(me.roles) }
    }
  }),

  cancel: action({
    input: signInQrInput,
    access: 'signedIn',
    async run (ctx, { qr }) {
      const { r, now } = await scanned(ctx, qr)
      const moved = await ctx.deps.store.moveSignInRequest(r.id, 'pending', { state: 'cancelled', closedAt: now })
      if (!moved) throw await refusalNow(ctx.deps, r.id, now)
      return { state: 'cancelled' as const }
    }
  }),

  sessions: action({
    input: pageInput,
    access: 'signedIn',
    async run ({ deps, user, sessionId }, q) {
      const me = requireUser(user)
      const now = deps.clock.now()
      const page = await deps.store.listSessions({ userId: me.id, cursor: q.cursor ?? undefined, limit: q.limit })
      return { items: page.items.map((s) => deskSessionView(s, now, sessionId)), next: page.next }
    }
  }),

  endSession: action({
    input: endSessionInput,
    access: 'signedIn',
    async run ({ deps, user, sessionId }, { id }) {
      const me = requireUser(user)
      const now = deps.clock.now()
      const s = await deps.store.getSession(id)
      // Someone else's session is as unknown as one that never was.
      if (!s || s.userId !== me.id) throw new AppError('NOT_FOUND', '没有这个登录，请刷新列表后再试')
      const ended = await deps.store.endSession(id, now, 'revoked_by_user')
      if (sessionLive(s, now)) {
        await deps.store.addAudit(signInAudit(deps, { action: 'end', userId: me.id, session: s, at: now, summary: `在手机上退出电脑版登录（${browserLabel(s.userAgent)}）` }))
      }
      return deskSessionView(ended ?? s, now, sessionId)
    }
  }),

  signOut: action({
    input: emptyInput,
    access: 'signedIn',
    async run ({ deps, user, sessionId }) {
      const me = requireUser(user)
      // WeChat's own sign-in has no session to end: the phone simply stays signed in.
      if (!sessionId) return { ended: false }
      const now = deps.clock.now()
      const s = await deps.store.getSession(sessionId)
      if (!s || s.userId !== me.id || !sessionLive(s, now)) return { ended: false }
      await deps.store.endSession(s.id, now, 'signout')
      if (s.kind === 'desk') {
        await deps.store.addAudit(signInAudit(deps, { action: 'signout', userId: me.id, session: s, at: now, summary: `退出电脑版登录（${browserLabel(s.userAgent)}）` }))
      }
      return { ended: true }
    }
  })
}

