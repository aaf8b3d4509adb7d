import type { Ticket, TicketEvent } from '../../../core/types'
import type { FilingResult, ReportFiling, TicketChange, TicketStore } from '../../ports/tickets'
import type { IndicatorEffects } from '../../../core/indicators/aggregates'
import type { AggregateOps } from './aggregates'
import type { AuditOps } from './audit'
import type { CounterOps } from './counters'
import { groupCommit, parseDoc, type Db, type Sql } from './db'
import type { FollowerOps } from './followers'
import type { MessageOps } from './messages'
import { conditions, readPage } from './paging'
import type { PhotoReviewOps } from './photo-reviews'

/** The other seams' writes a ticket's unit of work brings with it. */
export interface TicketUnitOps {
  counters: CounterOps
  messages: MessageOps
  photoReviews: PhotoReviewOps
  followers: FollowerOps
  aggregates: AggregateOps
  audit: AuditOps
}

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

export function ticketStore (db: Db, sql: Sql, ops: TicketUnitOps): TicketStore {
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

  const unit = groupCommit(db)

  // One unit of work per report: the counted attempt, and — when admitted — the ticket, its first event, held
  // photos and messages. A crash leaves all of it or none; a refused attempt still counts.
  const file = unit((f: ReportFiling): FilingResult => {
    const existing = parseDoc<Ticket>(byRequest.get(f.ticket.reporterId, f.ticket.clientRequestId))
    if (existing !== null) return { outcome: 'existing', ticket: existing }
    const counts = f.rate.keys.map((key) => ops.counters.bump(key, 1))
    if (!f.rate.admit(counts)) return { outcome: 'refused', counts }
    const row = ticketRow(f.ticket)
    insertTicket.run(row)
    insertEvent.run(eventRow(f.event))
    for (const r of f.photoReviews) ops.photoReviews.put(r)
    for (const m of f.messages) ops.messages.insert(m)
    ops.aggregates.apply(f.effects)
    return { outcome: 'filed', ticket: JSON.parse(row.doc as string) as Ticket }
  })

  // One unit of work per workflow step: the compare-and-set on the version, its event, and what the step brings.
  const change = unit((c: TicketChange): Ticket | null => {
    const current = parseDoc<Ticket>(byId.get(c.id))
    if (current === null || current.version !== c.expectedVersion) return null
    const next: Ticket = { ...current, ...definedOnly(c.patch), id: c.id, version: c.expectedVersion + 1 }
    if (rewrite.run({ ...ticketRow(next), expected: c.expectedVersion }).changes !== 1) return null
    insertEvent.run(eventRow(c.event))
    for (const r of c.photoReviews) ops.photoReviews.put(r)
    if (c.follows) for (const userId of c.follows.userIds) ops.followers.follow(c.follows.ticketId, userId, c.follows.at)
    for (const m of c.messages) ops.messages.insert(m)
    ops.aggregates.apply(c.effects)
    if (c.audit) ops.audit.add(c.audit)
    return next
  })

  const importAll = db.transaction((tickets: Ticket[], events: TicketEvent[], effects: IndicatorEffects | undefined) => {
    for (const t of tickets) insertTicket.run(ticketRow(t))
    for (const e of events) insertEvent.run(eventRow(e))
    ops.aggregates.apply(effects)
  })

  return {
    fileReport: (filing) => file(filing),
    changeTicket: (c) => change(c),
    // Every unit is one transaction: nothing is ever left half-done.
    recover: async () => 0,
    getTicket: async (id) => parseDoc<Ticket>(byId.get(id)),
    getTicketByRequest: async (reporterId, clientRequestId) => parseDoc<Ticket>(byRequest.get(reporterId, clientRequestId)),
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
    importTickets: async (tickets, events, effects) => { importAll.immediate(tickets, events, effects) }
  }
}
