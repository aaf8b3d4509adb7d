import type { IncomingMessage } from 'node:http'
import type { Identity } from '../deps'

/**
 * Local stand-in for WeChat's OPENID: the dev-login token is the demo user's openid, sent as `Authorization: Dev <openid>`.
 * It exists only in this gateway; deployed functions read OPENID from the platform context.
 */
export function identityFrom (req: IncomingMessage): Identity {
  const header = req.headers.authorization ?? ''
  const m = /^Dev ([\w-]{1,64})$/.exec(header)
  return m ? { kind: 'user', openid: m[1] } : { kind: 'anonymous' }
}
