import type { AuditEntry } from '../../../core/audit'
import type { Session } from '../../../core/sessions'
import type { SignInRequest } from '../../../core/signin'
import { isoAt } from '../../../core/testing/builders'
import type { Store } from '../../ports/store'

const request = (id: string, o: Partial<SignInRequest> = {}): SignInRequest => ({
  id, secretHash: 'a'.repeat(64), state: 'pending', createdAt: isoAt(0), expiresAt: isoAt(2), userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/131.0',
  scannedAt: null, confirmedAt: null, userId: null, sessionId: null, sealed: null, closedAt: null, ...o
})

const session = (id: string): Session => ({
  id, kind: 'desk', userId: 'u-1', createdAt: isoAt(1), lastSeenAt: isoAt(1), expiresAt: isoAt(3),
  userAgent: 'Chrome 131 · Windows', roles: ['admin'], endedAt: null, endReason: null
})

const audit = (id: string): AuditEntry => ({
  id, at: isoAt(1), kind: 'signin', action: 'signin', actorId: 'u-1', targetId: 'u-1', reason: '', summary: '扫码登录电脑版'
})

export function signInContract (store: () => Store): void {
  describe('desk sign-in requests', () => {
    it('adds, finds by id, and moves only from the state read (the second of two moves from one state writes nothing)', async () => {
      await store().addSignInRequest(request('r-1'))
      expect(await store().getSignInRequest('nope')).toBeNull()
      expect(await store().getSignInRequest('r-1')).toEqual(request('r-1'))
      // A patch without a state change (the phone opened it) keeps it pending.
      expect(await store().moveSignInRequest('r-1', 'pending', { scannedAt: isoAt(1) })).toMatchObject({ state: 'pending', scannedAt: isoAt(1) })
      expect(await store().moveSignInRequest('r-1', 'pending', { state: 'cancelled', closedAt: isoAt(1) })).toMatchObject({ state: 'cancelled' })
      expect(await store().moveSignInRequest('r-1', 'pending', { state: 'expired', closedAt: isoAt(2) })).toBeNull()
      expect(await store().getSignInRequest('r-1')).toMatchObject({ state: 'cancelled', closedAt: isoAt(1), secretHash: 'a'.repeat(64) })
      expect(await store().moveSignInRequest('nope', 'pending', { state: 'expired' })).toBeNull()
      // A second add of the same id leaves the first.
      await store().addSignInRequest(request('r-1', { userAgent: 'other' }))
      expect((await store().getSignInRequest('r-1'))?.state).toBe('cancelled')
    })

    it('confirms once: the request, its session and the audit entry land together, and a second confirmation writes none of them', async () => {
      await store().addSignInRequest(request('r-2'))
      const patch = { state: 'confirmed' as const, confirmedAt: isoAt(1), userId: 'u-1', sessionId: 's-1', sealed: 'sealed' }
      expect(await store().confirmSignIn({ requestId: 'r-2', patch, session: session('s-1'), audit: audit('a-1') })).toMatchObject(patch)
      expect(await store().getSession('s-1')).toEqual(session('s-1'))
      expect((await store().listAudit({ kind: 'signin' })).items.map((e) => e.id)).toEqual(['a-1'])

      expect(await store().confirmSignIn({ requestId: 'r-2', patch: { ...patch, userId: 'u-2', sessionId: 's-2' }, session: session('s-2'), audit: audit('a-2') })).toBeNull()
      expect(await store().getSession('s-2')).toBeNull()
      expect((await store().listAudit({ kind: 'signin' })).items.map((e) => e.id)).toEqual(['a-1'])
      expect(await store().getSignInRequest('r-2')).toMatchObject({ userId: 'u-1', sessionId: 's-1' })

      // Picked up once: confirmed → used empties the seal; a replay finds it used.
      expect(await store().moveSignInRequest('r-2', 'confirmed', { state: 'used', sealed: null, closedAt: isoAt(2) })).toMatchObject({ state: 'used', sealed: null })
      expect(await store().moveSignInRequest('r-2', 'confirmed', { state: 'used', sealed: null, closedAt: isoAt(3) })).toBeNull()
      expect(await store().confirmSignIn({ requestId: 'nope', patch, session: session('s-3'), audit: audit('a-3') })).toBeNull()
      expect(await store().getSession('s-3')).toBeNull()
    })
  })
}
