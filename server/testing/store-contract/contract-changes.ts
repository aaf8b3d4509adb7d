import type { Ticket, TicketEvent } from '../../../core/types'
import type { Store } from '../../ports/store'
import { aMessage, aPhotoReview, aTicket, aTicketEvent, isoAt } from '../../../core/testing/builders'
import { aChange, aFiling } from './unit-builders'
import { ids, readAllPages } from './pages'

/** changeTicket: a compare-and-set on the version that writes its event and what the step brings, or nothing. */
export function changeContract (store: () => Store): void {
  /** File `t`; returns its report event. */
  const file = async (t: Ticket): Promise<TicketEvent> => {
    const filing = aFiling(t)
    await store().fileReport(filing)
    return filing.event
  }
  const followersOf = async (ticketId: string) => (await readAllPages((cursor) => store().listFollowers(ticketId, { cursor, limit: 100 }))).flat()

  /** Everything a change may write, to compare before and after one that must write nothing. */
  const snapshot = async (ticketIds: string[], userIds: string[], fileIds: string[]) => ({
    tickets: await Promise.all(ticketIds.map((id) => store().getTicket(id))),
    events: await Promise.all(ticketIds.map(async (id) => (await store().listTicketEvents(id, { limit: 100 })).items)),
    followers: await Promise.all(ticketIds.map(followersOf)),
    messages: await Promise.all(userIds.map(async (userId) => (await store().listMessages({ userId, limit: 100 })).items)),
    reviews: await store().getPhotoReviews(fileIds)
  })

  describe('tickets: changes', () => {
    it('applies the patch, bumps the version, and writes the event, reviews, carried followers and messages together', async () => {
      const t = aTicket()
      const original = aTicket({ reporterId: 'user-o' })
      const reported = await file(t)
      await file(original)
      await store().follow(original.id, 'u-already', isoAt(1))
      const patch = { id: 'ticket-renamed', version: 99, state: 'closed' as const, closeReason: 'duplicate' as const, mergedInto: original.id, updatedAt: isoAt(5) }
      const review = aPhotoReview()
      const message = aMessage({ userId: t.reporterId, ticketId: t.id, at: isoAt(5) })
      const change = aChange(t, {
        patch,
        event: aTicketEvent({ ticketId: t.id, action: 'merge', fromState: 'triage', toState: 'closed', at: isoAt(5) }),
        photoReviews: [review],
        follows: { ticketId: original.id, userIds: [t.reporterId, 'u-already', 'u-2'], at: isoAt(5) },
        messages: [message]
      })

      const expected = { ...t, ...patch, id: t.id, version: 2 }
      expect(await store().changeTicket(change)).toEqual(expected)
      expect(await store().getTicket(t.id)).toEqual(expected)
      expect(await store().getTicket('ticket-renamed')).toBeNull()
      expect((await store().listTicketEvents(t.id, {})).items).toEqual([reported, change.event])
      expect(await store().getPhotoReviews([review.fileId])).toEqual([review])
      expect((await store().listMessages({ userId: t.reporterId })).items).toEqual([message])
      expect(await store().getTicket(original.id)).toEqual({ ...original, followers: 3 })
      expect(await followersOf(original.id)).toEqual(['u-already', 'u-2', t.reporterId])
      expect(ids((await store().listTickets({ states: ['closed'] })).items)).toEqual([t.id])
      expect(await store().recover()).toBe(0)
    })

    it('writes nothing at all when the version moved: no patch, event, review, follower or message', async () => {
      const t = aTicket()
      const original = aTicket({ reporterId: 'user-o' })
      await file(t)
      await file(original)
      const first = await store().changeTicket(aChange(t, { patch: { state: 'dispatched' } }))
      expect(first?.version).toBe(2)
      const before = await snapshot([t.id, original.id], [t.reporterId, 'u-2'], ['f-stale'])

      const stale = aChange(t, {
        patch: { state: 'closed' },
        photoReviews: [aPhotoReview({ fileId: 'f-stale' })],
        follows: { ticketId: original.id, userIds: ['u-2'], at: isoAt(6) },
        messages: [aMessage({ userId: t.reporterId }), aMessage({ userId: 'u-2' })]
      })
      expect(stale.expectedVersion).toBe(1)
      expect(await store().changeTicket(stale)).toBeNull()
      expect(await snapshot([t.id, original.id], [t.reporterId, 'u-2'], ['f-stale'])).toEqual(before)
      expect((await store().getTicket(original.id))?.followers).toBe(0)
    })

    it('returns null for a missing ticket and writes nothing', async () => {
      const ghost = aTicket({ id: 'ticket-missing' })
      expect(await store().changeTicket(aChange(ghost, { messages: [aMessage({ userId: 'u-ghost' })] }))).toBeNull()
      expect((await store().listTicketEvents('ticket-missing', {})).items).toEqual([])
      expect((await store().listMessages({ userId: 'u-ghost' })).items).toEqual([])
    })

    it('lets exactly one of two concurrent changes at the same version win, and writes only its unit', async () => {
      const t = aTicket()
      const reported = await file(t)
      const changes = ['u-1', 'u-2'].map((assigneeId) => aChange(t, {
        patch: { assigneeId },
        photoReviews: [aPhotoReview({ fileId: `f-${assigneeId}` })],
        messages: [aMessage({ userId: assigneeId })]
      }))
      const results = await Promise.all(changes.map((c) => store().changeTicket(c)))

      const winners = results.filter((r): r is Ticket => r !== null)
      expect(winners).toHaveLength(1)
      const winner = winners[0]!
      const won = changes.find((c) => c.patch.assigneeId === winner.assigneeId)!
      const lost = changes.find((c) => c !== won)!
      expect(winner.version).toBe(2)
      expect(await store().getTicket(t.id)).toEqual(winner)
      expect((await store().listTicketEvents(t.id, {})).items).toEqual([reported, won.event])
      expect((await store().getPhotoReviews(['f-u-1', 'f-u-2'])).map((r) => r.fileId)).toEqual([`f-${winner.assigneeId}`])
      expect((await store().listMessages({ userId: String(winner.assigneeId) })).items).toEqual(won.messages)
      expect((await store().listMessages({ userId: String(lost.patch.assigneeId) })).items).toEqual([])
    })

    it('counts followers carried by a merge once: people already following and repeats are not counted again', async () => {
      const original = aTicket()
      const dupA = aTicket()
      const dupB = aTicket()
      for (const x of [original, dupA, dupB]) await file(x)
      await store().follow(original.id, 'u-1', isoAt(1))
      const merge = (dup: Ticket, userIds: string[], at: number) => aChange(dup, {
        patch: { state: 'closed', closeReason: 'duplicate', mergedInto: original.id },
        follows: { ticketId: original.id, userIds, at: isoAt(at) }
      })

      expect(await store().changeTicket(merge(dupA, ['u-1', 'u-2', 'u-3', 'u-2'], 10))).not.toBeNull()
      expect((await store().getTicket(original.id))?.followers).toBe(3)
      expect(await store().changeTicket(merge(dupB, ['u-3', 'u-4'], 20))).not.toBeNull()
      expect((await store().getTicket(original.id))?.followers).toBe(4)
      expect(await store().follow(original.id, 'u-4', isoAt(30))).toBe(false)
      expect((await followersOf(original.id)).sort()).toEqual(['u-1', 'u-2', 'u-3', 'u-4'])
      expect(await store().isFollowing(original.id, 'u-2')).toBe(true)
      expect((await store().getTicket(original.id))?.version).toBe(original.version)
    })

    it('answers recover() with 0 when nothing is half-done', async () => {
      const t = aTicket()
      await file(t)
      await store().changeTicket(aChange(t, { messages: [aMessage()] }))
      expect(await store().recover()).toBe(0)
    })
  })
}
