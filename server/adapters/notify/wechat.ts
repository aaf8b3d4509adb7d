import { PAGES, pageLink } from '../../../core/pages'
import type { Notifier } from '../../ports/notifier'
import type { UserStore } from '../../ports/users'

/** subscribeMessage.send, injected (wx-server-sdk's cloud.openapi in a cloud function). */
export type CallOpenApi = (api: string, body: Record<string, unknown>) => Promise<unknown>

export interface WechatNotifierOptions {
  store: Pick<UserStore, 'getUser'>
  callOpenApi: CallOpenApi
  /** The subscribe-message template approved for ticket updates (thing1 = title, thing2 = body, page = ticket). */
  templateId: string
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/**
 * A one-time subscribe message per stored message. The in-app message is already stored (it is the record), so a
 * person who has not opted in (errcode 43101) or any other send failure only loses the push.
 */
export function createWechatNotifier (o: WechatNotifierOptions): Notifier {
  return {
    async push (messages) {
      for (const m of messages) {
        const user = await o.store.getUser(m.userId)
        if (!user) continue
        try {
          await o.callOpenApi('subscribeMessage.send', {
            touser: user.openid,
            templateId: o.templateId,
            page: m.ticketId ? pageLink(PAGES.ticketDetail, { id: m.ticketId }) : pageLink(PAGES.me),
            data: { thing1: { value: clip(m.title, 20) }, thing2: { value: clip(m.body, 20) } },
            miniprogramState: 'formal'
          })
        } catch {
          // no opt-in or a transient failure: the in-app message already holds it
        }
      }
    }
  }
}
