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
  try {
    await deps.store.putUser(user)
  } catch (e) {
    // Two first calls at once (a page's first screen makes several): the openid is unique, so the other one's put
    // stands and this one is refused; both answer the one that stands.
    const standing = await deps.store.getUserByOpenid(openid)
    if (standing) return standing
    throw e
  }
  return (await deps.store.getUserByOpenid(openid)) ?? user
}

/** Signed-in user of a non-public action (the router guarantees it). */
export function requireUser (user: User | null): User {
  if (!user) throw new Error('handler needs a signed-in user')
  return user
}
