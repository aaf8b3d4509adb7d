import type { User } from '../core/types'
import type { Deps } from './deps'

/** The caller's user record; a first-time WeChat caller becomes a citizen. */
export async function resolveCaller (openid: string, deps: Deps): Promise<User> {
  const found = await deps.store.getUserByOpenid(openid)
  if (found) return found
  const user: User = {
    id: deps.ids.next('u'),
    openid,
    nickname: '微信用户',
    roles: ['citizen'],
    gridIds: [],
    createdAt: deps.clock.now()
  }
  // Two first calls at once (a page's first screen makes several) end with one user: the store answers the one that stands.
  return deps.store.createUser(user)
}

/** Signed-in user of a non-public action (the router guarantees it). */
export function requireUser (user: User | null): User {
  if (!user) throw new Error('handler needs a signed-in user')
  return user
}
