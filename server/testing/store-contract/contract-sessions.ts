import type { Session } from '../../../core/sessions'
import { isoAt } from '../../../core/testing/builders'
import type { Store } from '../../ports/store'
import { readAllPages } from './pages'

const session = (id: string, minutes: number, o: Partial<Session> = {}): Session => ({
  id, kind: 'desk', userId: 'u-1', createdAt: isoAt(minutes), lastSeenAt: isoAt(minutes), expiresAt: isoAt(minutes + 480),
  userAgent: 'Chrome 131 · Windows', roles: ['admin'], endedAt: null, endReason: null, ...o
})

export function sessionContract (store: () => Store): void {
  describe('sessions', () => {
    it('adds, finds by hash, touches, ends once (the first end stands), lists newest first, ends all of a person', async () => {
      await store().addSession(session('h-1', 1))
      await store().addSession(session('h-2', 2))
      await store().addSession(session('h-3', 3, { userId: 'u-2' }))
      expect((await store().getSession('h-1'))?.userId).toBe('u-1')
      expect(await store().getSession('nope')).toBeNull()
      await store().touchSession('h-1', isoAt(10), isoAt(490))
      expect(await store().getSession('h-1')).toMatchObject({ lastSeenAt: isoAt(10), expiresAt: isoAt(490) })
      expect(await store().endSession('h-1', isoAt(20), 'signout')).toMatchObject({ endedAt: isoAt(20), endReason: 'signout' })
      expect(await store().endSession('h-1', isoAt(30), 'role_revoked')).toMatchObject({ endedAt: isoAt(20), endReason: 'signout' })
      // A touch never revives an ended session.
      await store().touchSession('h-1', isoAt(40), isoAt(600))
      expect((await store().getSession('h-1'))?.expiresAt).toBe(isoAt(490))
      const mine = (await readAllPages((cursor) => store().listSessions({ userId: 'u-1', cursor, limit: 1 }))).flat()
      expect(mine.map((s) => s.id)).toEqual(['h-2', 'h-1'])
      expect(await store().endUserSessions('u-1', isoAt(50), 'role_revoked')).toBe(1)
      expect(await store().getSession('h-2')).toMatchObject({ endReason: 'role_revoked' })
      expect((await store().getSession('h-3'))?.endedAt).toBeNull()
    })
  })
}
