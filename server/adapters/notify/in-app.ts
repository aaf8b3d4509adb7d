import type { Clock, Ids } from '../../ports/clock'
import type { Notifier } from '../../ports/notifier'
import type { Store } from '../../ports/store'

/** The in-app message list: the local adapter, and the first half of every other one. */
export function createInAppNotifier (store: Store, clock: Clock, ids: Ids): Notifier {
  return {
    async send (userIds, notice) {
      const at = clock.now()
      for (const userId of new Set(userIds)) {
        await store.addMessage({ id: ids.next('m'), userId, ticketId: notice.ticketId, title: notice.title, body: notice.body, read: false, at })
      }
    }
  }
}
