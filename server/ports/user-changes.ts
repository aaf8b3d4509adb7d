import type { AuditEntry } from '../../core/audit'
import type { Message, Page, Role, User } from '../../core/types'
import type { PageQuery } from './paging'

/**
 * The office's change to one person (a role granted or revoked, reporting paused or resumed) as one unit of work:
 * the user, the grids whose managers mirror the user's grids, the audit entry, and the messages it brings.
 */
export interface UserChange {
  /**
   * The user as the change read it: applied only if the stored user's roles, grids and ban are still these (the
   * office's second tab, or another admin, may have changed them meanwhile). Null, and nothing written, if not.
   */
  before: User
  /** The user after (same id and openid; only roles, gridIds, organisation, areaCode and reportBan are written). */
  after: User
  /** Grids whose managerIds gain or lose this user: Grid.managerIds is what routing reads. */
  managerOf: { add: readonly string[]; remove: readonly string[] }
  audit: AuditEntry
  messages: readonly Message[]
}

/** What a search matches: a user id, a phone or volunteer number exactly, or the start of a nickname. */
export interface UserSearch extends PageQuery {
  text: string
  role?: Role
}

export interface UserChangeStore {
  changeUser (change: UserChange): Promise<User | null>
  /**
   * People whose id is `text`, whose phone (their own or their volunteer registration's) or volunteer number is
   * `text`, or whose nickname starts with `text`; of `role` when given. Paged by id.
   */
  findUsers (q: UserSearch): Promise<Page<User>>
}
