import type { Message, Page } from '../../core/types'
import type { PageQuery } from './paging'

/** The in-app message list. Messages about a ticket change are written with the change (see TicketStore). */
export interface MessageStore {
  /** A retried add of the same id is a no-op; true when this call added it (so a push is sent once). */
  addMessage (message: Message): Promise<boolean>
  listMessages (q: PageQuery & { userId: string }): Promise<Page<Message>>
  /** Mark this user's messages read (all of them when ids is omitted); returns how many changed. */
  markMessagesRead (userId: string, ids?: string[]): Promise<number>
  countUnreadMessages (userId: string): Promise<number>
}
