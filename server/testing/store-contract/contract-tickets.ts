import type { Ticket } from '../../../core/types'
import type { Store } from '../../ports/store'
import { aReportEvent, aTicket, aTicketEvent, isoAt } from '../../../core/testing/builders'
import { aFiling, rateKeys } from './unit-builders'
import { byString, ids, readAllPages } from './pages'

const newestFirst = (a: Ticket, b: Ticket): number => byString(b.createdAt, a.createdAt) || byString(b.id, a.id)

/** `n` tickets with ids tp-000…, three sharing each createdAt so the id tie-break matters. */
function manyTickets (n: number): Ticket[] {
  return Array.from({ length: n }, (_, i) => aTicket({ id: `tp-${String(i).padStart(3, '0')}`, createdAt: isoAt(Math.floor(i / 3)) }))
}

/** A fixed scramble (7 is coprime with the lengths used) so no adapter can pass by returning insertion order. */
function scrambled<T> (xs: T[]): T[] {
  return xs.map((_, i) => xs[(i * 7) % xs.length] as T)
}

export function ticketContract (store: () => Store): void {
  const importAll = async (tickets: Ticket[]): Promise<void> =>
    store().importTickets(scrambled(tickets), tickets.map((t) => aReportEvent(t)))

  describe('tickets: read and import', () => {
    it('returns null for a missing ticket', async () => {
      expect(await store().getTicket('ticket-missing')).toBeNull()
      expect(await store().getTicketByRequest('user-nobody', 'req-none')).toBeNull()
    })

    it('imports tickets with their timelines', async () => {
      const tickets = [aTicket(), aTicket({ state: 'closed', closeReason: 'fixed' })]
      const events = tickets.map((t) => aReportEvent(t))
      await store().importTickets(tickets, events)
      for (const [i, t] of tickets.entries()) {
        expect(await store().getTicket(t.id)).toEqual(t)
        expect(await store().getTicketByRequest(t.reporterId, t.clientRequestId)).toEqual(t)
        expect((await store().listTicketEvents(t.id, {})).items).toEqual([events[i]])
      }
    })

    it('answers a filing of an imported request as existing', async () => {
      const t = aTicket()
      await store().importTickets([t], [aReportEvent(t)])
      const retry = aTicket({ reporterId: t.reporterId, clientRequestId: t.clientRequestId })
      expect(await store().fileReport(aFiling(retry))).toEqual({ outcome: 'existing', ticket: t })
      expect(await store().incrementCounter(rateKeys(t.reporterId)[0], 0)).toBe(0)
    })
  })

  describe('tickets: paging', () => {
    it('pages through 250 tickets newest first, 100 at a time, each exactly once', async () => {
      const tickets = manyTickets(250)
      await importAll(tickets)
      const pages = await readAllPages((cursor) => store().listTickets({ cursor, limit: 100 }))
      expect(pages.map((p) => p.length)).toEqual([100, 100, 50])
      expect(pages.flat().map((t) => t.id)).toEqual(ids([...tickets].sort(newestFirst)))
    })

    it('ends without an empty page when the last page is exactly full', async () => {
      await importAll(manyTickets(40))
      const pages = await readAllPages((cursor) => store().listTickets({ cursor, limit: 20 }))
      expect(pages.map((p) => p.length)).toEqual([20, 20])
    })

    it('defaults the page size to 20 and clamps it to 1..100', async () => {
      await importAll(manyTickets(130))
      const first = await store().listTickets({})
      expect(first.items).toHaveLength(20)
      expect(first.next).not.toBeNull()
      expect((await store().listTickets({ limit: 500 })).items).toHaveLength(100)
      expect((await store().listTickets({ limit: 0 })).items).toHaveLength(1)
      expect((await store().listTickets({ limit: -5 })).items).toHaveLength(1)
    })

    it('answers an empty page with next null', async () => {
      expect(await store().listTickets({})).toEqual({ items: [], next: null })
    })
  })

  describe('tickets: filters', () => {
    const a = aTicket({ id: 'f-a', gridId: 'g1', assigneeId: 'u1', reporterId: 'r1', state: 'dispatched', createdAt: isoAt(10) })
    const b = aTicket({ id: 'f-b', gridId: 'g2', assigneeId: null, reporterId: 'r2', state: 'triage', createdAt: isoAt(20) })
    const c = aTicket({ id: 'f-c', gridId: 'g1', assigneeId: 'u2', reporterId: 'r1', state: 'closed', createdAt: isoAt(30) })
    const d = aTicket({ id: 'f-d', gridId: null, assigneeId: null, reporterId: 'r2', state: 'triage', createdAt: isoAt(40) })
    const list = async (f: Parameters<Store['listTickets']>[0]): Promise<string[]> => ids((await store().listTickets(f)).items)

    beforeEach(async () => { await importAll([a, b, c, d]) })

    it('filters by grid, assignee, reporter and state', async () => {
      expect(await list({ gridIds: ['g1'] })).toEqual(['f-c', 'f-a'])
      expect(await list({ gridIds: ['g1', 'g2'] })).toEqual(['f-c', 'f-b', 'f-a'])
      expect(await list({ assigneeId: 'u1' })).toEqual(['f-a'])
      expect(await list({ reporterId: 'r2' })).toEqual(['f-d', 'f-b'])
      expect(await list({ states: ['triage'] })).toEqual(['f-d', 'f-b'])
      expect(await list({ states: ['dispatched', 'closed'] })).toEqual(['f-c', 'f-a'])
    })

    it('treats empty gridIds or states as matching nothing', async () => {
      expect(await list({ gridIds: [] })).toEqual([])
      expect(await list({ states: [] })).toEqual([])
    })

    it('filters createdFrom inclusive and createdTo exclusive', async () => {
      expect(await list({ createdFrom: isoAt(20) })).toEqual(['f-d', 'f-c', 'f-b'])
      expect(await list({ createdTo: isoAt(30) })).toEqual(['f-b', 'f-a'])
      expect(await list({ createdFrom: isoAt(20), createdTo: isoAt(40) })).toEqual(['f-c', 'f-b'])
    })

    it('combines filters and keeps them across pages', async () => {
      expect(await list({ gridIds: ['g1'], states: ['dispatched', 'closed'], createdFrom: isoAt(20) })).toEqual(['f-c'])
      const pages = await readAllPages((cursor) => store().listTickets({ gridIds: ['g1'], cursor, limit: 1 }))
      expect(pages.map(ids)).toEqual([['f-c'], ['f-a']])
    })
  })

  describe('tickets: timeline', () => {
    it('lists a ticket’s events oldest first, paged, ids breaking ties', async () => {
      const t = aTicket()
      const events = ['e-3', 'e-1', 'e-4', 'e-2', 'e-0'].map((id) =>
        aTicketEvent({ id, ticketId: t.id, at: isoAt(id === 'e-0' ? 0 : Number(id.slice(2)) > 2 ? 20 : 10) }))
      const other = aTicket()
      await store().importTickets([t, other], [...events, aReportEvent(other)])
      const pages = await readAllPages((cursor) => store().listTicketEvents(t.id, { cursor, limit: 2 }))
      expect(pages.map(ids)).toEqual([['e-0', 'e-1'], ['e-2', 'e-3'], ['e-4']])
    })
  })
}
