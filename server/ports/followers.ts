import type { Page, Ticket } from '../../core/types'
import type { PageQuery } from './paging'

/** +1 on an existing report instead of filing a duplicate. */
export interface FollowerStore {
  /** Add a follower and bump ticket.followers in one step; false when already following (nothing changes). */
  follow (ticketId: string, userId: string, at: string): Promise<boolean>
  isFollowing (ticketId: string, userId: string): Promise<boolean>
  /** Follower user ids, oldest first. */
  listFollowers (ticketId: string, q: PageQuery): Promise<Page<string>>
  /** Tickets this user follows, most recently followed first. */
  listFollowed (userId: string, q: PageQuery): Promise<Page<Ticket>>
}
