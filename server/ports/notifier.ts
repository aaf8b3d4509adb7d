import type { Message } from '../../core/types'

/**
 * Tells people outside the app about messages already stored in their in-app list (which is the record: a
 * push that fails loses only the push). On WeChat: a one-time subscribe message; locally the in-app list is
 * the whole delivery, so the local adapter has nothing more to do.
 */
export interface Notifier {
  push (messages: readonly Message[]): Promise<void>
}
