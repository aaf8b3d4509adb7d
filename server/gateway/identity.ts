import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import { expiryAfterUse, sessionLive, touchDue, type Session } from '../../core/sessions'
import type { Identity } from '../deps'
import type { Clock } from '../ports/clock'
import type { Store } from '../ports/store'
import { sessionIdOf, TOKEN_PATTERN } from '../session-token'

/**
 * Who is calling the local gateway. Deployed functions read OPENID from the platform context; here the browser
 * holds a session token (the dev login's, or the desk's scan sign-in) and sends `Authorization: Bearer <token>`.
 * The token is looked up by its hash: an unknown, forged, ended or expired token is simply anonymous, so no header
 * can name a person or create one.
 */
export interface IdentityDeps {
  store: Pick<Store, 'getSession' | 'touchSession' | 'getUser'>
  clock: Clock
  /** Whether dev-login sessions count: the gateway is bound to loopback, or WENMING_DEV_LOGIN=1 said so. */
  devLogin: boolean
}

/** The caller, and the session that vouches for it (null when anonymous): sign-out needs to know which one. */
export interface CallerSession {
  identity: Identity
  session: Session | null
}

const ANONYMOUS: CallerSession = { identity: { kind: 'anonymous' }, session: null }

/**
 * The token from `Authorization: Bearer <token>`; `Dev <token>` is the same, kept so a page or script written
 * before sessions existed still reaches the lookup (its old openid is no token, so it is anonymous now).
 */
export function tokenFrom (req: Pick<IncomingMessage, 'headers'>): string | null {
  const m = /^(?:Bearer|Dev) +(\S+)$/i.exec(req.headers.authorization ?? '')
  return m && TOKEN_PATTERN.test(m[1]) ? m[1] : null
}

/** The one lookup every route uses (API, upload, sign-out): token → live session → its person. */
export async function sessionFrom (req: Pick<IncomingMessage, 'headers'>, deps: IdentityDeps): Promise<CallerSession> {
  const token = tokenFrom(req)
  if (!token) return ANONYMOUS
  const session = await deps.store.getSession(sessionIdOf(token))
  const now = deps.clock.now()
  if (!session || !sessionLive(session, now)) return ANONYMOUS
  if (session.kind === 'dev' && !deps.devLogin) return ANONYMOUS
  const user = await deps.store.getUser(session.userId)
  if (!user) return ANONYMOUS
  if (touchDue(session, now)) {
    // A lost touch only ends the session sooner; the call itself goes on.
    await deps.store.touchSession(session.id, now, expiryAfterUse(session, now)).catch(() => undefined)
  }
  return { identity: { kind: 'user', openid: user.openid }, session }
}

export async function identityFrom (req: Pick<IncomingMessage, 'headers'>, deps: IdentityDeps): Promise<Identity> {
  return (await sessionFrom(req, deps)).identity
}

/** 127.0.0.0/8, ::1 (also as IPv4-mapped) and localhost: only this machine can reach a gateway bound there. */
export function isLoopbackHost (host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1')
  if (h === 'localhost' || h.endsWith('.localhost')) return true
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h
  if (isIP(v4) === 4) return v4.split('.')[0] === '127'
  return isIP(h) === 6 && /^(0{0,4}:){2,7}0{0,3}1$/.test(h)
}

/**
 * Whether the dev login is on for a gateway bound to `host`: on loopback always; elsewhere only when
 * WENMING_DEV_LOGIN=1 says so (then anyone who can reach the address can sign in as any demo account).
 */
export function devLoginMode (host: string, env: Record<string, string | undefined>): 'loopback' | 'forced' | 'off' {
  if (isLoopbackHost(host)) return 'loopback'
  return env.WENMING_DEV_LOGIN === '1' ? 'forced' : 'off'
}
