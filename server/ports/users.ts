import type { Page, Role, User } from '../../core/types'
import type { PageQuery } from './paging'

export interface UserStore {
  getUser (id: string): Promise<User | null>
  getUserByOpenid (openid: string): Promise<User | null>
  putUser (user: User): Promise<void>
  listUsers (q: PageQuery & { role?: Role }): Promise<Page<User>>
}
