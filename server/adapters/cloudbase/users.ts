import type { User } from '../../../core/types'
import type { UserStore } from '../../ports/users'
import { CloudbaseError, type Db, type Doc, fromDoc } from './client'
import { COLLECTIONS as C } from './collections'
import { readDocs } from './paging'

/** The adapter's own fields on a user document (user-changes.ts): a unit's outbox and the change counter. */
export const USER_OUTBOX = 'userOutbox'
export const USER_REV = 'changeRev'

/** A stored user back to the entity: the adapter's own fields never leave this adapter. */
export function userFromDoc (doc: Doc): User {
  const { [USER_OUTBOX]: _outbox, [USER_REV]: _rev, ...rest } = doc
  return fromDoc<User>(rest)
}

export function userStore (db: Db): UserStore {
  return {
    async getUser (id) {
      const doc = await db.findById(C.users, id)
      return doc ? userFromDoc(doc) : null
    },

    async getUserByOpenid (openid) {
      const [doc] = await db.find(C.users, [{ openid }], [['id', 'asc']], 1)
      return doc ? userFromDoc(doc) : null
    },

    putUser: (user) => db.replace(C.users, user.id, user),

    /*
     * No unique index on a field, so one user per openid rests on a duplicate-key write: reserve
     * `user_openids/${openid}` → userId (first writer wins), then write the user under the reserved id. A loser
     * reads the reservation and answers that user — writing it itself if the winner has not yet (or died between
     * the two steps), so a reservation never stays without its user.
     */
    async createUser (user) {
      let id = user.id
      if (!(await db.insert(C.userOpenids, user.openid, { userId: user.id }))) {
        const reservation = await db.findById(C.userOpenids, user.openid)
        if (!reservation) throw new CloudbaseError('USER_KEY_MISSING', `CloudBase user key ${user.openid} vanished after a duplicate write`)
        id = String(reservation.userId)
        const standing = await db.findById(C.users, id)
        if (standing) return userFromDoc(standing)
      }
      const created: User = { ...user, id }
      if (!(await db.insert(C.users, id, created))) {
        const standing = await db.findById(C.users, id)
        if (standing) return userFromDoc(standing)
      }
      return created
    },

    // `roles: role` matches documents whose roles array contains role.
    async listUsers (q) {
      const page = await readDocs(db, C.users, q.role ? [{ roles: q.role }] : [], { field: 'id', dir: 'asc' }, q)
      return { items: page.items.map(userFromDoc), next: page.next }
    }
  }
}
