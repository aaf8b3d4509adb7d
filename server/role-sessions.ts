import type { Deps } from './deps'

/**
 * A role this person held was revoked: every session they opened (desk sign-ins, the dev login) ends, so a desk
 * signed in as an office worker does not keep working as one; the person signs in again with what they hold now.
 * The people handlers (admin.revokeRole) call it once the change is stored. How many ended.
 */
export async function endSessionsForRoleChange (deps: Pick<Deps, 'store' | 'clock'>, userId: string): Promise<number> {
  return deps.store.endUserSessions(userId, deps.clock.now(), 'role_revoked')
}
