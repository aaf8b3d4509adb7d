import type { SignInRequest } from '../../../core/signin'
import type { SignInStore } from '../../ports/signin-requests'
import { fromDoc, type Db } from './client'
import { COLLECTIONS as C } from './collections'

/**
 * One document per desk sign-in request, `_id` = its public id. A move is an update conditional on the state read
 * (`{ _id, state: from }`), so of two at once one changes the document and the other changes nothing. The
 * confirmation moves the request first and only then adds the session and the audit entry: a confirmation that lost
 * the race writes nothing else.
 */
export function signInStore (db: Db): SignInStore {
  const get = async (id: string): Promise<SignInRequest | null> => {
    const doc = await db.findById(C.signinRequests, id)
    return doc ? fromDoc<SignInRequest>(doc) : null
  }
  const move: SignInStore['moveSignInRequest'] = async (id, from, patch) => {
    const changed = await db.update(C.signinRequests, { _id: id, state: from }, { ...patch })
    return changed === 1 ? get(id) : null
  }
  return {
    addSignInRequest: async (r) => { await db.insert(C.signinRequests, r.id, r) },
    getSignInRequest: get,
    moveSignInRequest: move,
    async confirmSignIn (c) {
      const next = await move(c.requestId, 'pending', c.patch)
      if (!next) return null
      await db.insert(C.sessions, c.session.id, c.session)
      await db.insert(C.audit, c.audit.id, c.audit)
      return next
    }
  }
}
