import type { FilingResult, Store } from '../../ports/store'
import { aMessage, aPhotoReview, aTicket } from '../../../core/testing/builders'
import { aFiling, rateKeys } from './unit-builders'

/** fileReport: the count, the decision and the filing as one unit, once per (reporter, clientRequestId). */
export function filingContract (store: () => Store): void {
  const countOf = (key: string): Promise<number> => store().incrementCounter(key, 0)
  const messagesOf = async (userId: string) => (await store().listMessages({ userId, limit: 100 })).items

  describe('tickets: filing a report', () => {
    it('files the ticket with its first event, held photos and messages, counting each rate key once', async () => {
      const ticket = aTicket({ reporterId: 'user-f' })
      const review = aPhotoReview({ ownerId: 'user-f' })
      const message = aMessage({ userId: 'user-f', ticketId: ticket.id })
      const [hour, day] = rateKeys('user-f')
      await store().incrementCounter(day, 4)
      const asked: number[][] = []
      const filing = aFiling(ticket, {
        photoReviews: [review],
        messages: [message],
        rate: { keys: [hour, day], admit: (counts) => { asked.push([...counts]); return true } }
      })

      expect(await store().fileReport(filing)).toEqual({ outcome: 'filed', ticket })
      expect(asked).toEqual([[1, 5]])
      expect([await countOf(hour), await countOf(day)]).toEqual([1, 5])
      expect(await store().getTicket(ticket.id)).toEqual(ticket)
      expect(await store().getTicketByRequest('user-f', ticket.clientRequestId)).toEqual(ticket)
      expect((await store().listTickets({})).items).toEqual([ticket])
      expect((await store().listTicketEvents(ticket.id, {})).items).toEqual([filing.event])
      expect(await store().getPhotoReviews([review.fileId])).toEqual([review])
      expect(await messagesOf('user-f')).toEqual([message])
      expect(await store().recover()).toBe(0)
    })

    it('answers a retry of a filed request with that ticket, and counts and writes nothing more', async () => {
      const first = aTicket({ reporterId: 'user-r', clientRequestId: 'req-1' })
      await store().fileReport(aFiling(first, { messages: [aMessage({ userId: 'user-r', ticketId: first.id })] }))
      const retry = aTicket({ reporterId: 'user-r', clientRequestId: 'req-1', description: '第二次点击' })
      const retryReview = aPhotoReview()
      let asked = 0
      const result = await store().fileReport(aFiling(retry, {
        photoReviews: [retryReview],
        messages: [aMessage({ userId: 'user-r', ticketId: retry.id })],
        rate: { keys: rateKeys('user-r'), admit: () => { asked++; return true } }
      }))

      expect(result).toEqual({ outcome: 'existing', ticket: first })
      expect(asked).toBe(0)
      expect(await countOf(rateKeys('user-r')[0])).toBe(1)
      expect(await store().getTicket(retry.id)).toBeNull()
      expect((await store().listTickets({})).items).toEqual([first])
      expect((await store().listTicketEvents(first.id, {})).items).toHaveLength(1)
      expect(await store().getPhotoReviews([retryReview.fileId])).toEqual([])
      expect((await messagesOf('user-r')).map((m) => m.ticketId)).toEqual([first.id])
    })

    it('refuses when admit says no: the counting stays and nothing is filed', async () => {
      const ticket = aTicket({ reporterId: 'user-busy' })
      const [hour, day] = rateKeys('user-busy')
      await store().incrementCounter(hour, 5)
      const review = aPhotoReview()
      const filing = aFiling(ticket, {
        photoReviews: [review],
        messages: [aMessage({ userId: 'user-busy', ticketId: ticket.id })],
        rate: { keys: [hour, day], admit: ([h]) => (h ?? 0) <= 5 }
      })

      expect(await store().fileReport(filing)).toEqual({ outcome: 'refused', counts: [6, 1] })
      expect([await countOf(hour), await countOf(day)]).toEqual([6, 1])
      expect(await store().getTicket(ticket.id)).toBeNull()
      expect(await store().getTicketByRequest('user-busy', ticket.clientRequestId)).toBeNull()
      expect((await store().listTickets({})).items).toEqual([])
      expect((await store().listTicketEvents(ticket.id, {})).items).toEqual([])
      expect(await store().getPhotoReviews([review.fileId])).toEqual([])
      expect(await messagesOf('user-busy')).toEqual([])
      expect(await store().recover()).toBe(0)
    })

    it('counts a refused request again each time it is tried, and files it once admitted', async () => {
      const ticket = aTicket({ reporterId: 'user-again', clientRequestId: 'req-again' })
      const keys = ['rate:user-again']
      expect(await store().fileReport(aFiling(ticket, { rate: { keys, admit: () => false } }))).toEqual({ outcome: 'refused', counts: [1] })
      expect(await store().fileReport(aFiling(ticket, { rate: { keys, admit: () => false } }))).toEqual({ outcome: 'refused', counts: [2] })
      const later = aTicket({ reporterId: 'user-again', clientRequestId: 'req-again', description: '一小时后再试' })
      const filing = aFiling(later, { rate: { keys, admit: () => true } })

      expect(await store().fileReport(filing)).toEqual({ outcome: 'filed', ticket: later })
      expect(await countOf('rate:user-again')).toBe(3)
      expect(await store().getTicketByRequest('user-again', 'req-again')).toEqual(later)
      expect((await store().listTicketEvents(later.id, {})).items).toEqual([filing.event])
      expect(await store().fileReport(aFiling(later, { rate: { keys, admit: () => true } }))).toEqual({ outcome: 'existing', ticket: later })
      expect(await countOf('rate:user-again')).toBe(3)
    })

    it('keeps the same clientRequestId from different reporters apart', async () => {
      const a = aTicket({ reporterId: 'user-a', clientRequestId: 'req-1' })
      const b = aTicket({ reporterId: 'user-b', clientRequestId: 'req-1' })
      expect((await store().fileReport(aFiling(a))).outcome).toBe('filed')
      expect((await store().fileReport(aFiling(b))).outcome).toBe('filed')
      expect((await store().listTickets({})).items).toHaveLength(2)
    })

    it('makes exactly one ticket from five concurrent identical submits, counted once', async () => {
      const attempts = Array.from({ length: 5 }, () => aTicket({ reporterId: 'user-tap', clientRequestId: 'req-tap' }))
      const results = await Promise.all(attempts.map((t) =>
        store().fileReport(aFiling(t, { messages: [aMessage({ userId: 'user-tap', ticketId: t.id })] }))))

      const filed = results.filter((r): r is Extract<FilingResult, { outcome: 'filed' }> => r.outcome === 'filed')
      expect(filed).toHaveLength(1)
      const winner = filed[0]!.ticket
      expect(attempts).toContainEqual(winner)
      expect(results.map((r) => r.outcome === 'refused' ? null : r.ticket)).toEqual(Array(5).fill(winner))
      expect((await store().listTickets({ reporterId: 'user-tap' })).items).toEqual([winner])
      expect((await store().listTicketEvents(winner.id, {})).items).toHaveLength(1)
      expect((await messagesOf('user-tap')).map((m) => m.ticketId)).toEqual([winner.id])
      expect(await countOf(rateKeys('user-tap')[0])).toBe(1)
    })
  })
}
