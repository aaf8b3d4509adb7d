import type { Notifier } from '../../ports/notifier'
import type { Store } from '../../ports/store'

/** subscribeMessage.send, injected (wx-server-sdk's cloud.openapi in a cloud function). */
export type CallOpenApi = (api: string, body: Record<string, unknown>) => Promise<unknown>

export interface WechatNotifierOptions {
  inApp: Notifier
  store: Pick<Store, 'getUser'>
  callOpenApi: CallOpenApi
  /** The subscribe-message template approved for ticket updates (thing1 = title, thing2 = body, page = ticket). */
  templateId: string
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/**
 * In-app first (the record that never fails), then a one-time subscribe message per person. A person who has not
 * opted in (errcode 43101) or any other send failure only loses the push, never the in-app message.
 */
export function createWechatNotifier (o: WechatNotifierOptions): Notifier {
  return {
    async send (userIds, notice) {
      await o.inApp.send(userIds, notice)
      for (const id of new Set(userIds)) {
        const user = await o.store.getUser(id)
        if (!user) continue
        try {
          await o.callOpenApi('subscribeMessage.send', {
            touser: user.openid,
            templateId: o.templateId,
            page: notice.ticketId ? `packages/citizen/ticket/index?id=${notice.ticketId}` : 'pages/me/index',
            data: { thing1: { value: clip(notice.title, 20) }, thing2: { value: clip(notice.body, 20) } },
            miniprogramState: 'formal'
          })
        } catch {
          // no opt-in or a transient failure: the in-app message already holds it
        }
      }
    }
  }
}
