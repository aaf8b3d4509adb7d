import type { Ticket } from '../../core/types'
import type { Store } from '../ports/store'
import { aReportEvent, aTicket, aTicketEvent, isoAt } from './builders'
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

  describe('tickets: create and read', () => {
    it('creates a ticket with its first event', async () => {
      const ticket = aTicket()
      const event = aReportEvent(ticket)
      expect(await store().createTicket(ticket, event)).toEqual({ ticket, created: true })
      expect(await store().getTicket(ticket.id)).toEqual(ticket)
      expect((await store().listTicketEvents(ticket.id, {})).items).toEqual([event])
    })

    it('returns null for a missing ticket', async () => {
      expect(await store().getTicket('ticket-missing')).toBeNull()
    })

    it('returns the existing ticket when the same reporter repeats a clientRequestId', async () => {
      const first = aTicket({ reporterId: 'user-r', clientRequestId: 'req-1' })
      await store().createTicket(first, aReportEvent(first))
      const retry = aTicket({ reporterId: 'user-r', clientRequestId: 'req-1', description: '第二次点击' })
      expect(await store().createTicket(retry, aReportEvent(retry))).toEqual({ ticket: first, created: false })
      expect(await store().createTicket(first, aReportEvent(first))).toEqual({ ticket: first, created: false })
      expect(await store().getTicket(retry.id)).toBeNull()
      expect((await store().listTickets({})).items).toEqual([first])
      expect((await store().listTicketEvents(first.id, {})).items).toHaveLength(1)
    })

    it('keeps the same clientRequestId from different reporters apart', async () => {
      const a = aTicket({ reporterId: 'user-a', clientRequestId: 'req-1' })
      const b = aTicket({ reporterId: 'user-b', clientRequestId: 'req-1' })
      expect((await store().createTicket(a, aReportEvent(a))).created).toBe(true)
      expect((await store().createTicket(b, aReportEvent(b))).created).toBe(true)
      expect((await store().listTickets({})).items).toHaveLength(2)
    })

    it('makes exactly one ticket from five concurrent identical submits', async () => {
      const attempts = Array.from({ length: 5 }, () => aTicket({ reporterId: 'user-r', clientRequestId: 'req-tap' }))
      const results = await Promise.all(attempts.map((t) => store().createTicket(t, aReportEvent(t))))
      const created = results.filter((r) => r.created)
      expect(created).toHaveLength(1)
      const winner = created[0]!.ticket
      expect(results.map((r) => r.ticket.id)).toEqual(Array(5).fill(winner.id))
      expect((await store().listTickets({ reporterId: 'user-r' })).items).toEqual([winner])
      expect((await store().listTicketEvents(winner.id, {})).items).toHaveLength(1)
    })

    it('imports tickets with their timelines', async () => {
      const tickets = [aTicket(), aTicket({ state: 'closed', closeReason: 'fixed' })]
      const events = tickets.map((t) => aReportEvent(t))
      await store().importTickets(tickets, events)
      for (const [i, t] of tickets.entries()) {
        expect(await store().getTicket(t.id)).toEqual(t)
        expect((await store().listTicketEvents(t.id, {})).items).toEqual([events[i]])
      }
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

  describe('tickets: conditional update', () => {
    const dispatch = (t: Ticket, n = 1) => aTicketEvent({ id: `${t.id}-ev${n}`, ticketId: t.id, action: 'dispatch', fromState: 'triage', toState: 'dispatched', at: isoAt(5) })

    it('applies the patch, bumps the version and appends the event', async () => {
      const t = aTicket()
      const created = aReportEvent(t)
      await store().createTicket(t, created)
      const patch = { id: 'ticket-renamed', state: 'dispatched' as const, assigneeId: 'u1', dispatchedAt: isoAt(5), updatedAt: isoAt(5) }
      const updated = await store().updateTicket(t.id, 1, patch, dispatch(t))
      const expected = { ...t, ...patch, id: t.id, version: 2 }
      expect(updated).toEqual(expected)
      expect(await store().getTicket(t.id)).toEqual(expected)
      expect(await store().getTicket('ticket-renamed')).toBeNull()
      expect((await store().listTicketEvents(t.id, {})).items).toEqual([created, dispatch(t)])
      expect(ids((await store().listTickets({ states: ['dispatched'], assigneeId: 'u1' })).items)).toEqual([t.id])
      expect((await store().listTickets({ states: ['triage'] })).items).toEqual([])
    })

    it('returns null and changes nothing when the version is stale', async () => {
      const t = aTicket()
      await store().createTicket(t, aReportEvent(t))
      const first = await store().updateTicket(t.id, 1, { state: 'dispatched' }, dispatch(t, 1))
      expect(await store().updateTicket(t.id, 1, { state: 'closed' }, dispatch(t, 2))).toBeNull()
      expect(await store().getTicket(t.id)).toEqual(first)
      expect((await store().listTicketEvents(t.id, {})).items).toHaveLength(2)
    })

    it('returns null for a missing ticket', async () => {
      expect(await store().updateTicket('ticket-missing', 1, { state: 'closed' }, aTicketEvent({ ticketId: 'ticket-missing' }))).toBeNull()
      expect((await store().listTicketEvents('ticket-missing', {})).items).toEqual([])
    })

    it('lets exactly one of two concurrent updates at the same version win', async () => {
      const t = aTicket()
      await store().createTicket(t, aReportEvent(t))
      const results = await Promise.all([
        store().updateTicket(t.id, 1, { assigneeId: 'u1' }, dispatch(t, 1)),
        store().updateTicket(t.id, 1, { assigneeId: 'u2' }, dispatch(t, 2))
      ])
      const winners = results.filter((r): r is Ticket => r !== null)
      expect(winners).toHaveLength(1)
      expect(winners[0]?.version).toBe(2)
      expect(await store().getTicket(t.id)).toEqual(winners[0])
      expect((await store().listTicketEvents(t.id, {})).items).toHaveLength(2)
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
