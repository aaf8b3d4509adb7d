import type { Store } from '../../ports/store'
import { aMessage, aReportEvent, aSurvey, aSurveyResponse, aTicket, isoAt } from '../../../core/testing/builders'
import { aChange, aFiling } from './unit-builders'
import { readAllPages } from './pages'

/** What 随手拍 needs beyond plain tickets: retries, nearby duplicates, overdue lists, followers, read messages. */
export function reportsContract (store: () => Store): void {
  describe('report lookups', () => {
    it('finds a ticket by its reporter and client request id', async () => {
      const t = aTicket({ reporterId: 'u-r', clientRequestId: 'req-abc-123' })
      await store().fileReport(aFiling(t))
      expect(await store().getTicketByRequest('u-r', 'req-abc-123')).toEqual(t)
      expect(await store().getTicketByRequest('u-other', 'req-abc-123')).toBeNull()
    })

    it('filters by category, by a lng/lat box and by the overdue flag', async () => {
      const inBox = aTicket({ categoryId: 'c-ad', location: { lng: 113.0, lat: 28.1 }, overdue: true })
      const outside = aTicket({ categoryId: 'c-ad', location: { lng: 113.2, lat: 28.1 } })
      const other = aTicket({ categoryId: 'c-trash', location: { lng: 113.0, lat: 28.1 } })
      await store().importTickets([inBox, outside, other], [])
      const within = { minLng: 112.99, minLat: 28.09, maxLng: 113.01, maxLat: 28.11 }
      expect((await store().listTickets({ categoryId: 'c-ad', within })).items.map((t) => t.id)).toEqual([inBox.id])
      expect((await store().listTickets({ overdue: true })).items.map((t) => t.id)).toEqual([inBox.id])
      expect((await store().listTickets({ overdue: false })).items.map((t) => t.id).sort()).toEqual([outside.id, other.id].sort())
    })

    it('keeps the overdue flag filterable after an update', async () => {
      const t = aTicket()
      await store().importTickets([t], [])
      await store().changeTicket(aChange(t, { patch: { overdue: true }, event: aReportEvent(t, { action: 'markOverdue' }) }))
      expect((await store().listTickets({ overdue: true })).items.map((x) => x.id)).toEqual([t.id])
    })

    it('filters survey responses by person', async () => {
      const s = aSurvey()
      await store().putSurvey(s)
      await store().addResponse(aSurveyResponse({ surveyId: s.id, userId: 'u-1' }))
      await store().addResponse(aSurveyResponse({ surveyId: s.id, userId: 'u-2' }))
      expect((await store().listResponses({ surveyId: s.id, userId: 'u-2' })).items.map((r) => r.userId)).toEqual(['u-2'])
      expect((await store().listResponses({ surveyId: s.id, userId: 'u-3' })).items).toEqual([])
    })
  })

  describe('followers', () => {
    it('adds a follower once and counts them on the ticket', async () => {
      const t = aTicket()
      await store().importTickets([t], [])
      expect(await store().follow(t.id, 'u-1', isoAt(1))).toBe(true)
      expect(await store().follow(t.id, 'u-1', isoAt(2))).toBe(false)
      const results = await Promise.all(['u-2', 'u-3', 'u-4'].map((u, i) => store().follow(t.id, u, isoAt(3 + i))))
      expect(results).toEqual([true, true, true])
      expect((await store().getTicket(t.id))!.followers).toBe(4)
      expect(await store().isFollowing(t.id, 'u-3')).toBe(true)
      expect(await store().isFollowing(t.id, 'u-9')).toBe(false)
      const pages = await readAllPages((cursor) => store().listFollowers(t.id, { cursor, limit: 3 }))
      expect(pages.flat()).toEqual(['u-1', 'u-2', 'u-3', 'u-4'])
    })

    it('lists the tickets a person follows, most recently followed first', async () => {
      const a = aTicket()
      const b = aTicket()
      await store().importTickets([a, b], [])
      await store().follow(a.id, 'u-1', isoAt(1))
      await store().follow(b.id, 'u-1', isoAt(2))
      const pages = await readAllPages((cursor) => store().listFollowed('u-1', { cursor, limit: 1 }))
      expect(pages.flat().map((t) => t.id)).toEqual([b.id, a.id])
    })
  })

  describe('message read state', () => {
    it('counts unread messages and marks some or all read', async () => {
      for (const [id, m] of [['m-1', 1], ['m-2', 2], ['m-3', 3]] as const) await store().addMessage(aMessage({ id, userId: 'u-1', at: isoAt(m), read: false }))
      await store().addMessage(aMessage({ id: 'm-x', userId: 'u-2', at: isoAt(4), read: false }))
      expect(await store().countUnreadMessages('u-1')).toBe(3)
      expect(await store().markMessagesRead('u-1', ['m-2', 'm-x'])).toBe(1)
      expect(await store().countUnreadMessages('u-1')).toBe(2)
      expect((await store().listMessages({ userId: 'u-1' })).items.find((m) => m.id === 'm-2')!.read).toBe(true)
      expect(await store().markMessagesRead('u-1')).toBe(2)
      expect(await store().countUnreadMessages('u-1')).toBe(0)
      expect(await store().countUnreadMessages('u-2')).toBe(1)
    })
  })
}

/** Content-safety reviews of photos: stored per file, settled by the trace id WeChat pushes back. */
export function photoReviewContract (store: () => Store): void {
  describe('photo reviews', () => {
    const pending = (fileId: string, traceId: string | null) => ({ fileId, ownerId: 'u-1', status: 'pending' as const, traceId, at: isoAt(1) })

    it('stores reviews by file id and settles one by its trace id', async () => {
      const ticket = aTicket({ photos: ['f-a', 'f-b'] })
      expect((await store().fileReport(aFiling(ticket, { photoReviews: [pending('f-a', 'trace-a'), pending('f-b', 'trace-b')] }))).outcome).toBe('filed')
      expect((await store().getPhotoReviews(['f-b', 'f-a', 'f-none'])).map((r) => r.fileId).sort()).toEqual(['f-a', 'f-b'])
      expect(await store().getPhotoReviews([])).toEqual([])
      const settled = await store().settlePhotoReview('trace-b', 'rejected', isoAt(5))
      expect(settled).toEqual({ ...pending('f-b', 'trace-b'), status: 'rejected', at: isoAt(5) })
      expect((await store().getPhotoReviews(['f-b']))[0].status).toBe('rejected')
      expect((await store().getPhotoReviews(['f-a']))[0].status).toBe('pending')
      expect(await store().settlePhotoReview('trace-unknown', 'passed', isoAt(6))).toBeNull()
    })

    it('records a processed photo\'s review on its own, replaces it for the same file, and settles it by its trace id', async () => {
      await store().putPhotoReview(pending('f-p', 'trace-p1'))
      await store().putPhotoReview(pending('f-q', null))
      expect(await store().getPhotoReviews(['f-p', 'f-q'])).toEqual([pending('f-p', 'trace-p1'), pending('f-q', null)])
      await store().putPhotoReview({ ...pending('f-p', 'trace-p2'), ownerId: 'u-2' })
      expect(await store().getPhotoReviews(['f-p'])).toEqual([{ ...pending('f-p', 'trace-p2'), ownerId: 'u-2' }])
      expect(await store().settlePhotoReview('trace-p1', 'passed', isoAt(3))).toBeNull()
      expect(await store().settlePhotoReview('trace-p2', 'passed', isoAt(4))).toMatchObject({ fileId: 'f-p', status: 'passed', at: isoAt(4) })
      expect((await store().getPhotoReviews(['f-p']))[0]).toMatchObject({ ownerId: 'u-2', status: 'passed' })
    })
  })
}
