import tcb from '@cloudbase/node-sdk'
import { sessionLive, touchDue, expiryAfterUse } from '../../core/sessions'
import type { CustomLogin, Identity } from '../deps'
import { AppError } from '../errors'
import type { Clock } from '../ports/clock'
import type { Store } from '../ports/store'

/**
 * CloudBase custom login for the desk (scan to sign in, core/signin.ts). The auth function, on the phone's
 * confirmation, issues a ticket for our user id; the desk signs in with it through @cloudbase/js-sdk
 * (`auth().customAuthProvider().signIn(ticket)`), and from then on every function it calls sees
 * TCB_CUSTOM_USER_ID = our user id beside (never instead of) WeChat's WX_OPENID, which the phone's calls carry.
 * Both come out as the same person here.
 */

/** The environment variable holding the custom-login private key: the JSON file the console hands out, as it is. */
export const CUSTOM_LOGIN_KEY_ENV = 'WENMING_CUSTOM_LOGIN_KEY'

/** CloudBase's rule for a custom-login uid; our user ids (`u-…`) fit it. */
const UID_RE = /^[a-zA-Z0-9_\-#@~=*(){}[\]:.,<>+]{4,32}$/

/** How long the desk's CloudBase access token lasts before js-sdk refreshes it (our own session decides the rest). */
const REFRESH_MS = 60 * 60 * 1000

const notConfigured = () => new AppError('INTERNAL',
  `电脑版扫码登录尚未配置：请管理员在云函数 auth 的环境变量 ${CUSTOM_LOGIN_KEY_ENV} 中填入云开发控制台下载的自定义登录私钥（见 README「电脑版扫码登录」）`)

interface PrivateKey { private_key_id: string; private_key: string; env_id: string }

function readKey (raw: string | undefined): PrivateKey | null {
  if (!raw || !raw.trim()) return null
  try {
    const k = JSON.parse(raw) as Partial<PrivateKey>
    return typeof k.private_key_id === 'string' && typeof k.private_key === 'string' && typeof k.env_id === 'string'
      ? { private_key_id: k.private_key_id, private_key: k.private_key, env_id: k.env_id }
      : null
  } catch {
    return null
  }
}

/**
 * Tickets signed with the private key in `env[CUSTOM_LOGIN_KEY_ENV]` (never in the repository). A missing or
 * unreadable key is no failure at start: the confirmation that needs a ticket answers what to configure, and
 * nothing is written.
 */
export function customLoginFromEnv (env: Record<string, string | undefined> = process.env): CustomLogin {
  const key = readKey(env[CUSTOM_LOGIN_KEY_ENV])
  let app: ReturnType<typeof tcb.init> | null = null
  return {
    ticketFor (userId) {
      if (!key) throw notConfigured()
      if (!UID_RE.test(userId)) throw new AppError('INTERNAL', `账号编号不能用于云开发自定义登录：${userId.slice(0, 40)}`)
      app ??= tcb.init({ env: key.env_id, credentials: key })
      return app.auth().createTicket(userId, { refresh: REFRESH_MS })
    }
  }
}

/** What of CloudBase's context says who calls (tcb.getCloudbaseContext). */
export interface CloudCaller {
  WX_OPENID?: string
  TCB_CUSTOM_USER_ID?: string
}

/**
 * The person behind a call's context: WeChat's OPENID as always; else a custom-login user id, which counts only
 * while that person holds a live desk session (signing out, 我的 → 桌面登录 → 退出, a revoked role or the idle time
 * end it here too, whatever CloudBase's own login state says). The session used is the newest live one; it is
 * touched as the gateway touches its sessions. Null: not a person (the platform, or nobody).
 */
export async function personFromCloud (caller: CloudCaller, deps: { store: Pick<Store, 'getUser' | 'listSessions' | 'touchSession'>; clock: Clock }): Promise<Identity | null> {
  if (caller.WX_OPENID) return { kind: 'user', openid: caller.WX_OPENID }
  const userId = caller.TCB_CUSTOM_USER_ID
  if (!userId) return null
  const user = await deps.store.getUser(userId)
  if (!user) return { kind: 'anonymous' }
  const now = deps.clock.now()
  const recent = await deps.store.listSessions({ userId, limit: 20 })
  const session = recent.items.find((s) => s.kind === 'desk' && sessionLive(s, now))
  if (!session) return { kind: 'anonymous' }
  if (touchDue(session, now)) await deps.store.touchSession(session.id, now, expiryAfterUse(session, now)).catch(() => undefined)
  return { kind: 'user', openid: user.openid, sessionId: session.id }
}
