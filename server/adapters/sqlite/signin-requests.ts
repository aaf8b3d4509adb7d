import type { SignInRequest } from '../../../core/signin'
import type { SignInStore } from '../../ports/signin-requests'
import type { AuditOps } from './audit'
import { parseDoc, type Db } from './db'

/**
 * One row per desk sign-in request, keyed by its public id, its state in a column so a move is one conditional
 * UPDATE. The confirmation writes the request, the desk session and the audit entry in one transaction.
 */
export function signInStore (db: Db, audit: AuditOps): SignInStore {
  const insert = db.prepare('INSERT INTO signin_requests (id, state, created_at, doc) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
  const byId = db.prepare('SELECT doc FROM signin_requests WHERE id = ?').pluck()
  const write = db.prepare('UPDATE signin_requests SET state = ?, doc = ? WHERE id = ? AND state = ?')
  const addSession = db.prepare('INSERT INTO sessions (id, user_id, created_at, ended, doc) VALUES (?, ?, ?, 0, ?) ON CONFLICT DO NOTHING')
  const move = (id: string, from: SignInRequest['state'], patch: Partial<SignInRequest>): SignInRequest | null => {
    const r = parseDoc<SignInRequest>(byId.get(id))
    if (!r || r.state !== from) return null
    const next: SignInRequest = { ...r, ...patch, id: r.id, secretHash: r.secretHash }
    return write.run(next.state, JSON.stringify(next), id, from).changes === 1 ? next : null
  }
  const moveTx = db.transaction(move)
  const confirmTx = db.transaction((c: Parameters<SignInStore['confirmSignIn']>[0]): SignInRequest | null => {
    const next = move(c.requestId, 'pending', c.patch)
    if (!next) return null
    const s = c.session
    addSession.run(s.id, s.userId, s.createdAt, JSON.stringify(s))
    audit.add(c.audit)
    return next
  })
  return {
    addSignInRequest: async (r) => { insert.run(r.id, r.state, r.createdAt, JSON.stringify(r)) },
    getSignInRequest: async (id) => parseDoc<SignInRequest>(byId.get(id)),
    moveSignInRequest: async (id, from, patch) => moveTx.immediate(id, from, patch),
    confirmSignIn: async (c) => confirmTx.immediate(c)
  }
}
