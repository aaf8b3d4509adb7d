import type { Ticket, TicketEvent } from '../../../core/types'
import type { Store, TicketFilter } from '../../ports/store'
import { CloudbaseError, type Command, type Cond, type Db, type Scalar, fromDoc } from './client'
import { COLLECTIONS as C } from './collections'
import { chunks, emptyPage, readPage } from './paging'

type TicketStore = Pick<Store,
  'createTicket' | 'getTicket' | 'getTicketByRequest' | 'updateTicket' | 'listTickets' | 'listTicketEvents' | 'importTickets'>

/** Documents per `add([...])` request when importing. */
const IMPORT_CHUNK = 100

export const ticketKey = (t: Pick<Ticket, 'reporterId' | 'clientRequestId'>): string => `${t.reporterId}:${t.clientRequestId}`

export function ticketStore (db: Db): TicketStore {
  const getTicket = async (id: string): Promise<Ticket | null> => {
    const doc = await db.findById(C.tickets, id)
    return doc ? fromDoc<Ticket>(doc) : null
  }

  const mustGetTicket = async (id: string): Promise<Ticket> => {
    const t = await getTicket(id)
    if (!t) throw new CloudbaseError('TICKET_MISSING', `CloudBase ticket ${id} vanished after a duplicate write`)
    return t
  }

  /** Event `_id`s are the event ids, so a retried append is a no-op rather than a second row. */
  const appendEvent = async (event: TicketEvent): Promise<void> => {
    await db.insert(C.ticketEvents, event.id, event)
  }

  return {
    /*
     * No multi-document transaction, so idempotency rests on two duplicate-key writes:
     * 1. reserve `ticket_keys/${reporterId}:${clientRequestId}` → ticketId (first writer wins);
     * 2. add `tickets/${ticketId}`: whoever inserts it is the creator, everyone else reads it back.
     * A caller that loses step 1 but finds no ticket yet (the winner is in flight or died between the
     * steps) inserts its own copy under the reserved id, so a crash never leaves a key without a ticket.
     */
    async createTicket (ticket, event) {
      const key = ticketKey(ticket)
      let ticketId = ticket.id
      if (!(await db.insert(C.ticketKeys, key, { ticketId, at: ticket.createdAt }))) {
        const reservation = await db.findById(C.ticketKeys, key)
        if (!reservation) throw new CloudbaseError('TICKET_KEY_MISSING', `CloudBase ticket key ${key} vanished after a duplicate write`)
        ticketId = String(reservation.ticketId)
        const existing = await getTicket(ticketId)
        if (existing) return { ticket: existing, created: false }
      }
      const candidate: Ticket = { ...ticket, id: ticketId }
      if (!(await db.insert(C.tickets, ticketId, candidate))) {
        return { ticket: await mustGetTicket(ticketId), created: false }
      }
      await appendEvent({ ...event, ticketId })
      return { ticket: candidate, created: true }
    },

    getTicket,

    async getTicketByRequest (reporterId, clientRequestId) {
      const [doc] = await db.find(C.tickets, [{ reporterId, clientRequestId }], [], 1)
      return doc ? fromDoc<Ticket>(doc) : null
    },

    /*
     * Read, then `where({ _id, version: expected }).update({ ...$set, version: $inc 1 })`: `updated === 1`
     * proves nobody moved the ticket in between, so the new ticket is exactly old + patch. The event is
     * appended after the update (no transaction): if that append fails the error surfaces to the caller.
     */
    async updateTicket (id, expectedVersion, patch, event) {
      const current = await getTicket(id)
      if (!current || current.version !== expectedVersion) return null
      const changes: Partial<Ticket> = {}
      const data: Record<string, Command> = {}
      for (const [k, v] of Object.entries(patch) as Array<[keyof Ticket, unknown]>) {
        if (v === undefined || k === 'id' || k === 'version') continue
        ;(changes as Record<string, unknown>)[k] = v
        data[k] = db._.set(v)
      }
      data.version = db._.inc(1)
      const updated = await db.update(C.tickets, { _id: id, version: expectedVersion }, data)
      if (updated !== 1) return null
      await appendEvent(event)
      return { ...current, ...changes, version: expectedVersion + 1 }
    },

    async listTickets (f: TicketFilter) {
      if (f.gridIds?.length === 0 || f.states?.length === 0) return emptyPage<Ticket>()
      const match: Record<string, Scalar | Command> = {}
      if (f.gridIds) match.gridId = db._.in(f.gridIds)
      if (f.states) match.state = db._.in(f.states)
      if (f.assigneeId !== undefined) match.assigneeId = f.assigneeId
      if (f.reporterId !== undefined) match.reporterId = f.reporterId
      if (f.categoryId !== undefined) match.categoryId = f.categoryId
      if (f.overdue !== undefined) match.overdue = f.overdue
      const conds: Cond[] = Object.keys(match).length > 0 ? [match] : []
      if (f.createdFrom !== undefined) conds.push({ createdAt: db._.gte(f.createdFrom) })
      if (f.createdTo !== undefined) conds.push({ createdAt: db._.lt(f.createdTo) })
      if (f.within) {
        // The box is inclusive on every edge, like SQL BETWEEN.
        const { minLng, minLat, maxLng, maxLat } = f.within
        conds.push({ 'location.lng': db._.gte(minLng) }, { 'location.lng': db._.lte(maxLng) },
          { 'location.lat': db._.gte(minLat) }, { 'location.lat': db._.lte(maxLat) })
      }
      return readPage<Ticket>(db, C.tickets, conds, { field: 'createdAt', dir: 'desc' }, f)
    },

    listTicketEvents: (ticketId, q) =>
      readPage<TicketEvent>(db, C.ticketEvents, [{ ticketId }], { field: 'at', dir: 'asc' }, q),

    /*
     * Batched `add([...])`, 100 documents a request: tickets, then their idempotency keys, then events.
     * Not atomic: a failure part-way leaves the earlier chunks in place (ids are new, so a retry of the
     * same import fails loudly on the duplicates instead of doubling them).
     */
    async importTickets (tickets, events) {
      for (const part of chunks(tickets, IMPORT_CHUNK)) {
        await db.insertMany(C.tickets, part.map((t) => ({ ...t, _id: t.id })))
      }
      for (const part of chunks(tickets, IMPORT_CHUNK)) {
        await db.insertMany(C.ticketKeys, part.map((t) => ({ _id: ticketKey(t), ticketId: t.id, at: t.createdAt })))
      }
      for (const part of chunks(events, IMPORT_CHUNK)) {
        await db.insertMany(C.ticketEvents, part.map((e) => ({ ...e, _id: e.id })))
      }
    }
  }
}
