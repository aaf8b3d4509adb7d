import type { Ticket, TicketEvent } from '../../../core/types'
import type { Store } from '../../ports/store'
import { parseDoc, type Db, type Sql } from './db'
import { conditions, readPage } from './paging'

type TicketStore = Pick<Store, 'createTicket' | 'getTicket' | 'getTicketByRequest' | 'updateTicket' | 'listTickets' | 'listTicketEvents' | 'importTickets'>

function ticketRow (t: Ticket): Record<string, unknown> {
  return {
    id: t.id,
    reporter_id: t.reporterId,
    client_request_id: t.clientRequestId,
    state: t.state,
    grid_id: t.gridId,
    assignee_id: t.assigneeId,
    created_at: t.createdAt,
    version: t.version,
    category_id: t.categoryId,
    lng: t.location.lng,
    lat: t.location.lat,
    overdue: t.overdue ? 1 : 0,
    doc: JSON.stringify(t)
  }
}

function eventRow (e: TicketEvent): Record<string, unknown> {
  return { id: e.id, ticket_id: e.ticketId, at: e.at, doc: JSON.stringify(e) }
}

/** `Partial` means "fields to change": keys present but undefined are ignored rather than erasing the field. */
function definedOnly (patch: Partial<Ticket>): Partial<Ticket> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Ticket>
}

export function ticketStore (db: Db, sql: Sql): TicketStore {
  const insertTicket = db.prepare(`INSERT INTO tickets
    (id, reporter_id, client_request_id, state, grid_id, assignee_id, created_at, version, category_id, lng, lat, overdue, doc)
    VALUES (@id, @reporter_id, @client_request_id, @state, @grid_id, @assignee_id, @created_at, @version, @category_id, @lng, @lat, @overdue, @doc)`)
  const insertEvent = db.prepare('INSERT INTO ticket_events (id, ticket_id, at, doc) VALUES (@id, @ticket_id, @at, @doc)')
  const byId = db.prepare('SELECT doc FROM tickets WHERE id = ?').pluck()
  const byRequest = db.prepare('SELECT doc FROM tickets WHERE reporter_id = ? AND client_request_id = ?').pluck()
  const rewrite = db.prepare(`UPDATE tickets SET
    reporter_id = @reporter_id, client_request_id = @client_request_id, state = @state, grid_id = @grid_id,
    assignee_id = @assignee_id, created_at = @created_at, version = @version, category_id = @category_id,
    lng = @lng, lat = @lat, overdue = @overdue, doc = @doc
    WHERE id = @id AND version = @expected`)

  const create = db.transaction((ticket: Ticket, event: TicketEvent) => {
    const existing = parseDoc<Ticket>(byRequest.get(ticket.reporterId, ticket.clientRequestId))
    if (existing !== null) return { ticket: existing, created: false }
    const row = ticketRow(ticket)
    insertTicket.run(row)
    insertEvent.run(eventRow(event))
    return { ticket: JSON.parse(row.doc as string) as Ticket, created: true }
  })

  const update = db.transaction((id: string, expectedVersion: number, patch: Partial<Ticket>, event: TicketEvent) => {
    const current = parseDoc<Ticket>(byId.get(id))
    if (current === null || current.version !== expectedVersion) return null
    const next: Ticket = { ...current, ...definedOnly(patch), id, version: expectedVersion + 1 }
    if (rewrite.run({ ...ticketRow(next), expected: expectedVersion }).changes !== 1) return null
    insertEvent.run(eventRow(event))
    return next
  })

  const importAll = db.transaction((tickets: Ticket[], events: TicketEvent[]) => {
    for (const t of tickets) insertTicket.run(ticketRow(t))
    for (const e of events) insertEvent.run(eventRow(e))
  })

  return {
    createTicket: async (ticket, event) => create.immediate(ticket, event),
    getTicket: async (id) => parseDoc<Ticket>(byId.get(id)),
    getTicketByRequest: async (reporterId, clientRequestId) => parseDoc<Ticket>(byRequest.get(reporterId, clientRequestId)),
    updateTicket: async (id, expectedVersion, patch, event) => update.immediate(id, expectedVersion, patch, event),
    listTickets: async (f) => {
      if (f.gridIds?.length === 0 || f.states?.length === 0) return { items: [], next: null }
      const c = conditions()
      if (f.gridIds !== undefined) c.add('grid_id IN (SELECT value FROM json_each(?))', JSON.stringify(f.gridIds))
      if (f.states !== undefined) c.add('state IN (SELECT value FROM json_each(?))', JSON.stringify(f.states))
      if (f.assigneeId !== undefined) c.add('assignee_id = ?', f.assigneeId)
      if (f.reporterId !== undefined) c.add('reporter_id = ?', f.reporterId)
      if (f.createdFrom !== undefined) c.add('created_at >= ?', f.createdFrom)
      if (f.createdTo !== undefined) c.add('created_at < ?', f.createdTo)
      if (f.categoryId !== undefined) c.add('category_id = ?', f.categoryId)
      if (f.overdue !== undefined) c.add('overdue = ?', f.overdue ? 1 : 0)
      if (f.within !== undefined) {
        c.add('lng BETWEEN ? AND ?', f.within.minLng, f.within.maxLng)
        c.add('lat BETWEEN ? AND ?', f.within.minLat, f.within.maxLat)
      }
      return readPage<Ticket>(sql, { table: 'tickets', ...c, sortColumn: 'created_at', direction: 'DESC' }, f)
    },
    listTicketEvents: async (ticketId, q) =>
      readPage<TicketEvent>(sql, { table: 'ticket_events', where: ['ticket_id = ?'], params: [ticketId], sortColumn: 'at', direction: 'ASC' }, q),
    importTickets: async (tickets, events) => { importAll.immediate(tickets, events) }
  }
}
