import { z } from 'zod'
import { sessionLive, type Session } from './sessions'
import type { Role } from './types'

/**
 * Scan to sign in at the office's desk (no passwords to leak or forget). The desktop asks for a sign-in request and
 * shows it as a QR code; a person signed in on the phone (WeChat) scans it, sees which browser asks and when, and
 * confirms; the desktop, polling, then receives a session token once and becomes that person, with that person's
 * roles, checked on every call as on the phone.
 *
 * The QR holds `WMS1.<requestId>.<secret>`; the store keeps only the secret's hash, so a copied database confirms
 * nothing and picks nothing up. A request lives two minutes, is confirmed once, and its token is handed out once.
 */

export type SignInState = 'pending' | 'confirmed' | 'used' | 'expired' | 'cancelled'

export interface SignInRequest {
  /** The public half of the QR: 128 random bits, base64url. */
  id: string
  /** SHA-256 (hex) of the secret half; the secret itself is never stored. */
  secretHash: string
  state: SignInState
  createdAt: string
  /** Confirmable until then (the desk shows a new code before it). */
  expiresAt: string
  /** The browser's own description (navigator.userAgent), shown to the phone and in 桌面登录. */
  userAgent: string
  /** When a phone first opened it (the desk then says 已扫码，请在手机上确认). */
  scannedAt: string | null
  confirmedAt: string | null
  /** Who confirmed: the desk becomes this person. */
  userId: string | null
  /** The desk session the confirmation opened (its token's hash). */
  sessionId: string | null
  /**
   * The token (and CloudBase's custom-login ticket) sealed with a key only the secret gives, waiting for the desk's
   * next poll; emptied when handed out. Without the secret, which the store does not hold, it opens nothing.
   */
  sealed: string | null
  /** When the token was handed out (state 'used'), cancelled or found expired. */
  closedAt: string | null
}

/** What a transition may write besides the state: everything but the identity and the secret. */
export type SignInPatch = Partial<Omit<SignInRequest, 'id' | 'secretHash' | 'createdAt' | 'userAgent'>>

/** 128 bits each side of the QR would do; the secret gets 256 (the id is public, the secret is the credential). */
export const REQUEST_ID_BYTES = 16
export const SECRET_BYTES = 32
/** A request is confirmable for two minutes; the desk asks for a new one a little before. */
export const SIGNIN_TTL_MS = 120_000
/** A request confirmed just before expiry may still be picked up this long after (the desk polls every few seconds). */
export const PICKUP_GRACE_MS = 30_000
/** How often the desk polls; the limits below leave room for a slow tab and a retry. */
export const POLL_EVERY_MS = 2_500
/** Refresh the code this long before it expires, so the one on screen can always still be scanned. */
export const REFRESH_BEFORE_MS = 15_000

export const QR_PREFIX = 'WMS1'

/** Polls per clock minute: one request (its desk), one address (an office behind one address has several desks). */
export const SIGNIN_LIMITS = { pollsPerRequest: 30, pollsPerIp: 120, requestsPerIp: 20, scansPerUser: 30 } as const

const b64Length = (bytes: number): number => Math.ceil((bytes * 4) / 3)
const REQUEST_ID_RE = new RegExp(`^[A-Za-z0-9_-]{${b64Length(REQUEST_ID_BYTES)}}$`)
const SECRET_RE = new RegExp(`^[A-Za-z0-9_-]{${b64Length(SECRET_BYTES)}}$`)

/** The QR text of a request. */
export function signInQr (requestId: string, secret: string): string {
  return `${QR_PREFIX}.${requestId}.${secret}`
}

/** A scanned text as a request's two halves; null for anything else (another app's code, a check-in code). */
export function parseSignInQr (text: string): { requestId: string; secret: string } | null {
  const parts = text.trim().split('.')
  if (parts.length !== 3 || parts[0] !== QR_PREFIX) return null
  const [, requestId, secret] = parts
  return REQUEST_ID_RE.test(requestId) && SECRET_RE.test(secret) ? { requestId, secret } : null
}

/** Does this text look like a desk sign-in code (for the phone's scan: which page opens it)? */
export const isSignInQr = (text: string): boolean => parseSignInQr(text) !== null

/**
 * The state as it stands at `nowIso`: a pending request past its expiry, or a confirmed one not picked up within
 * the grace, is expired whatever the stored state says (the store catches up when someone next looks).
 */
export function signInStatus (r: Pick<SignInRequest, 'state' | 'expiresAt'>, nowIso: string): SignInState {
  const now = Date.parse(nowIso)
  const expires = Date.parse(r.expiresAt)
  if (r.state === 'pending' && now >= expires) return 'expired'
  if (r.state === 'confirmed' && now >= expires + PICKUP_GRACE_MS) return 'expired'
  return r.state
}

/** Why the phone may not confirm (or look at, or cancel) a request in this state; null when it may. */
export function scanRefusal (state: SignInState): string | null {
  switch (state) {
    case 'pending': return null
    case 'expired': return '二维码已过期，请在电脑上刷新二维码后重新扫码'
    case 'cancelled': return '这次登录已取消，请在电脑上刷新二维码后重新扫码'
    case 'confirmed':
    case 'used': return '这个二维码已经用过了：每个二维码只能登录一次，请在电脑上刷新后重新扫码'
  }
}

/** The same answer for a request that does not exist and one whose secret is wrong: a guess learns nothing. */
export const UNKNOWN_REQUEST = '没有找到这次登录，请在电脑上刷新二维码后重新扫码'

/** When the counter of the clock minute `nowIso` is in ends (a limited caller may try again then). */
export function minuteBucket (nowIso: string): { minute: number; resetsAt: string } {
  const minute = Math.floor(Date.parse(nowIso) / 60_000) * 60_000
  return { minute, resetsAt: new Date(minute + 60_000).toISOString() }
}

/** The counter keys a poll counts against: its request's and its address's, in this minute. */
export function pollCounterKeys (requestId: string, ip: string, nowIso: string): { request: string; ip: string } {
  const { minute } = minuteBucket(nowIso)
  return { request: `rl:signin:poll:r:${requestId}:${minute}`, ip: `rl:signin:poll:ip:${ip || 'unknown'}:${minute}` }
}

export const requestCounterKey = (ip: string, nowIso: string): string => `rl:signin:req:ip:${ip || 'unknown'}:${minuteBucket(nowIso).minute}`
export const scanCounterKey = (userId: string, nowIso: string): string => `rl:signin:scan:u:${userId}:${minuteBucket(nowIso).minute}`

/**
 * A browser's user-agent as a person reads it: 「Chrome 131 · Windows」, 「微信内置浏览器 · Android」. Unknown parts
 * fall back to 未知浏览器 / 未知系统, never to the raw string (which the sessions list keeps for the curious).
 */
export function browserLabel (ua: string): string {
  const version = (re: RegExp): string => {
    const m = re.exec(ua)
    return m ? ` ${m[1]}` : ''
  }
  const browser = /MicroMessenger/i.test(ua)
    ? '微信内置浏览器'
    : /Edg(e|A|iOS)?\//.test(ua)
      ? `Edge${version(/Edg(?:e|A|iOS)?\/(\d+)/)}`
      : /OPR\/|Opera/.test(ua)
        ? `Opera${version(/OPR\/(\d+)/)}`
        : /Firefox\//.test(ua)
          ? `Firefox${version(/Firefox\/(\d+)/)}`
          : /(Chrome|CriOS|HeadlessChrome|Chromium)\//.test(ua)
            ? `Chrome${version(/(?:HeadlessChrome|Chrome|CriOS|Chromium)\/(\d+)/)}`
            : /Safari\//.test(ua) && /Version\//.test(ua)
              ? `Safari${version(/Version\/(\d+)/)}`
              : '未知浏览器'
  const system = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad|iPod/.test(ua)
        ? 'iOS'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : '未知系统'
  return `${browser} · ${system}`
}

/** Why a desk session ended, as 桌面登录 says it. */
export const END_REASON_LABELS: Record<string, string> = {
  signout: '已在电脑上退出',
  revoked_by_user: '已在手机上退出',
  role_revoked: '角色变更，已自动退出',
  expired: '长时间未使用，已失效',
  not_picked_up: '未完成登录'
}

export const endReasonLabel = (reason: string | null): string | null => reason === null ? null : END_REASON_LABELS[reason] ?? '已退出'

/** Is this person one the office's console is for (a desk session of anyone else simply has no office rights)? */
export const hasOfficeRole = (roles: readonly string[]): boolean => roles.includes('admin')

// ---------------------------------------------------------------------------------------------- inputs

const requestIdField = z.string({ error: '缺少登录编号' }).regex(REQUEST_ID_RE, '登录编号无效，请刷新页面重新获取二维码')
const secretField = z.string({ error: '缺少登录密钥' }).regex(SECRET_RE, '登录密钥无效，请刷新页面重新获取二维码')

/** auth.request (the desk): which browser asks, as it describes itself. */
export const signInRequestInput = z.object({
  userAgent: z.string({ error: '浏览器信息应为文字' }).trim().max(500, '浏览器信息太长').default('')
})

/** auth.poll (the desk): the request it showed, with the secret only it and the QR hold. */
export const signInPollInput = z.object({ requestId: requestIdField, secret: secretField })

/** auth.describe / confirm / cancel (the phone): the scanned text itself. */
export const signInQrInput = z.object({
  qr: z.string({ error: '缺少二维码内容，请重新扫码' }).max(200, '这不是电脑版的登录二维码，请扫电脑上「文明共建」登录页的二维码')
    .refine(isSignInQr, '这不是电脑版的登录二维码，请扫电脑上「文明共建」登录页的二维码')
})

/** auth.endSession: one of my sessions, by the id 桌面登录 lists (its token's hash: it opens nothing). */
export const endSessionInput = z.object({
  id: z.string({ error: '缺少要退出的登录' }).regex(/^[0-9a-f]{64}$/, '要退出的登录编号无效，请刷新列表后再试')
})

// ---------------------------------------------------------------------------------------------- views

export interface SignInRequestView {
  requestId: string
  /** The QR's text (`WMS1.<requestId>.<secret>`): the desk keeps the secret to poll with. */
  qr: string
  secret: string
  expiresAt: string
  pollEveryMs: number
}

export interface SignedInUserView {
  id: string
  nickname: string
  roles: Role[]
}

/** auth.poll: still waiting (scanned or not), over, or — once, to the poll that picks it up — the token. */
export type SignInPollView =
  | { state: 'pending'; scanned: boolean; expiresAt: string }
  | { state: 'expired' | 'cancelled' | 'used' }
  | {
    state: 'confirmed'
    token: string
    user: SignedInUserView
    /** CloudBase's custom-login ticket for @cloudbase/js-sdk (null on the local gateway, whose token is the session). */
    ticket: string | null
  }

/** auth.describe: who is about to be signed in (the caller) and what asks (browser, when, until when). */
export interface SignInDescribeView {
  user: { nickname: string; roles: Role[] }
  officeRights: boolean
  browser: string
  userAgent: string
  requestedAt: string
  expiresAt: string
}

/** One row of 桌面登录. */
export interface DeskSessionView {
  id: string
  kind: Session['kind']
  browser: string
  userAgent: string
  createdAt: string
  lastSeenAt: string
  expiresAt: string
  live: boolean
  endedAt: string | null
  /** Why it ended, in words (null while live). */
  ended: string | null
  /** The session this very call comes from (退出 here signs this browser out). */
  current: boolean
}

export function deskSessionView (s: Session, nowIso: string, currentId: string | null): DeskSessionView {
  const live = sessionLive(s, nowIso)
  return {
    id: s.id,
    kind: s.kind,
    browser: browserLabel(s.userAgent),
    userAgent: s.userAgent,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    live,
    endedAt: s.endedAt,
    ended: live ? null : s.endedAt === null ? END_REASON_LABELS.expired : endReasonLabel(s.endReason),
    current: s.id === currentId
  }
}
