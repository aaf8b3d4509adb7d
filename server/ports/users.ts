import type { Page, Role, User } from '../../core/types'
import type { PageQuery } from './paging'

export interface UserStore {
  getUser (id: string): Promise<User | null>
  getUserByOpenid (openid: string): Promise<User | null>
  /** Create or replace by id (seeding, role changes). */
  putUser (user: User): Promise<void>
  /**
   * A first-time caller: add this user unless one with the same openid exists, and answer the one that stands —
   * two first calls at once (a page's first screen makes several) end with one user, never two.
   */
  createUser (user: User): Promise<User>
  listUsers (q: PageQuery & { role?: Role }): Promise<Page<User>>
}
