import type { AggregateOps } from './aggregates'
import type { Ticket, TicketEvent } from '../../../core/types'
import type { CounterStore } from '../../ports/counters'
import type { FilingResult, ReportFiling, TicketFilter, TicketStore } from '../../ports/tickets'
import { CloudbaseError, type Command, type Cond, type Db, type Doc, type Scalar } from './client'
import { COLLECTIONS as C } from './collections'
import type { Flush } from './outbox'
import { chunks, emptyPage, readDocs, readPage } from './paging'
import { OUTBOX, OUTBOX_ID, type Outbox, outboxOf, ticketFromDoc } from './ticket-doc'

/** Documents per `add([...])` request when importing. */
const IMPORT_CHUNK = 100
/** Tickets per page while recover() looks for pending outboxes (an outbox can carry thousands of followers). */
const RECOVER_PAGE = 20
/** Rounds a filing may lose on its reservation before it gives up (each round is a lost conditional update). */
const FILING_ROUNDS = 20

export interface FilingTuning {
  /**
   * How long another attempt of the same request waits for the holder's decision (or, once admitted, its commit)
   * before presuming it dead and finishing in its place. Default 3000 ms.
   */
  filingPatienceMs?: number
}

const DEFAULT_PATIENCE_MS = 3000
const FIRST_POLL_MS = 25
const MAX_POLL_MS = 250

export const ticketKey = (t: Pick<Ticket, 'reporterId' | 'clientRequestId'>): string => `${t.reporterId}:${t.clientRequestId}`

/**
 * `ticket_keys/${reporterId}:${clientRequestId}`: which ticket id a request files under, and how far its filing got.
 * `counting` — `attempt` holds the right to count and decide; `admitted` — the ticket may be inserted (imported
 * keys, written before states existed, count as admitted); `refused` — the next attempt may take it over.
 */
interface Reservation {
  ticketId: string
  at: string
  state?: 'counting' | 'admitted' | 'refused'
  attempt?: string
  /** How many holders were presumed dead and replaced. */
  takeovers?: number
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function ticketStore (db: Db, counters: CounterStore, flush: Flush, aggregates: AggregateOps, tuning: FilingTuning = {}): TicketStore {
  const patienceMs = tuning.filingPatienceMs ?? DEFAULT_PATIENCE_MS

  const getTicket = async (id: string): Promise<Ticket | null> => {
    const doc = await db.findById(C.tickets, id)
    return doc ? ticketFromDoc(doc) : null
  }

  const reservationAt = async (key: string): Promise<Reservation> => {
    const doc = await db.findById(C.ticketKeys, key)
    if (!doc) throw new CloudbaseError('TICKET_KEY_MISSING', `CloudBase ticket key ${key} vanished after a duplicate write`)
    return doc as unknown as Reservation
  }

  /** A ticket already filed for this request: finish its unit if a crash or a writer in flight left it pending. */
  const existing = async (doc: Doc): Promise<FilingResult> => {
    const outbox = outboxOf(doc)
    if (outbox) await flush(String(doc._id), outbox)
    return { outcome: 'existing', ticket: ticketFromDoc(doc) }
  }

  /**
   * The commit point of a filing: add the ticket under the reserved id with its outbox. A duplicate means another
   * attempt of the same request committed first, and this one answers that ticket.
   */
  const commit = async (f: ReportFiling, ticketId: string): Promise<FilingResult> => {
    const ticket: Ticket = { ...f.ticket, id: ticketId }
    const outbox: Outbox = {
      version: ticket.version,
      event: { ...f.event, ticketId },
      photoReviews: f.photoReviews,
      follows: null,
      messages: f.messages.map((m) => (m.ticketId === f.ticket.id ? { ...m, ticketId } : m)),
      ...(f.effects ? { effects: f.effects } : {})
    }
    if (!(await db.insert(C.tickets, ticketId, { ...ticket, [OUTBOX]: outbox, [OUTBOX_ID]: outbox.event.id }))) {
      const doc = await db.findById(C.tickets, ticketId)
      if (!doc) throw new CloudbaseError('TICKET_MISSING', `CloudBase ticket ${ticketId} vanished after a duplicate write`)
      return existing(doc)
    }
    await flush(ticketId, outbox)
    return { outcome: 'filed', ticket }
  }

  /**
   * Holding the reservation (its `attempt` and `ticketId` are this filing's ticket id): count unless already
   * counted, ask admit, record the decision on the reservation — conditional on still holding it — and commit
   * when admitted. A holder that lost the reservation meanwhile (presumed dead by a later attempt) follows that one.
   */
  const decide = async (f: ReportFiling, key: string, counted: number[] | null): Promise<FilingResult> => {
    const counts = counted ?? []
    if (!counted) for (const k of f.rate.keys) counts.push(await counters.incrementCounter(k, 1))
    const held = { _id: key, state: 'counting', attempt: f.ticket.id }
    if (!f.rate.admit(counts)) {
      await db.update(C.ticketKeys, held, { state: 'refused' })
      return { outcome: 'refused', counts }
    }
    if (await db.update(C.ticketKeys, held, { state: 'admitted' }) !== 1) return follow(f, key, counts)
    return commit(f, f.ticket.id)
  }

  /**
   * A filing that does not hold the reservation does what the reservation says. `counted` is set for an attempt
   * that already counted and then lost the reservation: it is never counted twice by its own hand.
   */
  const follow = async (f: ReportFiling, key: string, counted: number[] | null = null): Promise<FilingResult> => {
    const mine = f.ticket.id
    let watching = ''
    let waited = 0
    let poll = FIRST_POLL_MS
    for (let round = 0; round < FILING_ROUNDS;) {
      const r = await reservationAt(key)
      const state = r.state ?? 'admitted'
      if (state === 'refused') {
        if (counted) return { outcome: 'refused', counts: counted }
        // A refused request tried again counts again, like any new attempt: the limit is never bypassed.
        const took = await db.update(C.ticketKeys, { _id: key, state: 'refused' }, { state: 'counting', attempt: mine, ticketId: mine }) === 1
        if (took) return decide(f, key, null)
        round++
        continue
      }
      if (state === 'admitted') {
        const doc = await db.findById(C.tickets, r.ticketId)
        if (doc) return existing(doc)
      }
      // Counting, or admitted but not yet added: the holder is in flight, or died. Each holder and state gets the
      // full patience before it is presumed dead.
      if (`${state}:${r.attempt}` !== watching) {
        watching = `${state}:${r.attempt}`
        waited = 0
        poll = FIRST_POLL_MS
      }
      if (waited < patienceMs) {
        await pause(poll)
        waited += poll
        poll = Math.min(MAX_POLL_MS, poll * 2)
        continue
      }
      // Admitted and never added: finish the filing under the reserved id, without counting it again.
      if (state === 'admitted') return commit(f, r.ticketId)
      // Never decided: count this attempt instead (at worst one attempt is counted twice, never none).
      // `takeovers` makes the update change the document even when the same attempt comes back to it.
      const took = await db.update(C.ticketKeys, { _id: key, state: 'counting', attempt: r.attempt ?? null },
        { attempt: mine, ticketId: mine, takeovers: db._.inc(1) }) === 1
      if (took) return decide(f, key, counted)
      round++
    }
    throw new CloudbaseError('FILING_CONTENDED', `CloudBase ticket key ${key} kept changing during ${FILING_ROUNDS} rounds`)
  }

  return {
    /*
     * A report as ordered, idempotent steps (README "Units of work"):
     * 1. reserve `ticket_keys/${reporterId}:${clientRequestId}` in state `counting` (first writer wins);
     * 2. the holder alone counts each rate key (+1) and asks admit; the decision is written on the reservation;
     * 3. admitted: add the ticket with its outbox — the commit point — then flush the outbox.
     * Every other attempt of the same request follows the reservation: a filed ticket is answered as `existing`,
     * a refused request is taken over and counted again, and a holder in flight is waited for — and, when it seems
     * dead, replaced: an undecided filing is counted by the new attempt, an admitted one is finished uncounted.
     */
    async fileReport (f) {
      const key = ticketKey(f.ticket)
      const reservation: Reservation = { ticketId: f.ticket.id, at: f.ticket.createdAt, state: 'counting', attempt: f.ticket.id }
      if (await db.insert(C.ticketKeys, key, reservation)) return decide(f, key, null)
      return follow(f, key)
    },

    /*
     * One workflow step as ordered, idempotent steps (README "Units of work"):
     * 1. read the ticket; an outbox still pending there (a crash, or a writer in flight) is flushed first, since
     *    this step's commit replaces it;
     * 2. `where({ _id, version: expected }).update({ ...$set patch, version: $inc 1, outbox: $set … })`:
     *    updated === 1 is the commit point, 0 means someone moved the ticket first and nothing is written;
     * 3. flush the outbox: event, held photos, carried followers, messages, then clear it.
     */
    async changeTicket (c) {
      let doc = await db.findById(C.tickets, c.id)
      if (!doc || Number(doc.version) !== c.expectedVersion) return null
      const pending = outboxOf(doc)
      if (pending) {
        await flush(c.id, pending)
        doc = await db.findById(C.tickets, c.id)
        if (!doc || Number(doc.version) !== c.expectedVersion) return null
      }
      const current = ticketFromDoc(doc)
      const changes: Partial<Ticket> = {}
      const data: Record<string, Command> = {}
      for (const [k, v] of Object.entries(c.patch) as Array<[keyof Ticket, unknown]>) {
        if (v === undefined || k === 'id' || k === 'version') continue
        ;(changes as Record<string, unknown>)[k] = v
        data[k] = db._.set(v)
      }
      const version = c.expectedVersion + 1
      const outbox: Outbox = { version, event: c.event, photoReviews: c.photoReviews, follows: c.follows, messages: c.messages, ...(c.effects ? { effects: c.effects } : {}), ...(c.audit ? { audit: c.audit } : {}) }
      data[OUTBOX] = db._.set(outbox)
      data[OUTBOX_ID] = db._.set(c.event.id)
      data.version = db._.inc(1)
      if (await db.update(C.tickets, { _id: c.id, version: c.expectedVersion }, data) !== 1) return null
      await flush(c.id, outbox)
      return { ...current, ...changes, version }
    },

    // Pages by id over the tickets still carrying an outbox; each flush drops its ticket out of the query.
    async recover () {
      let finished = 0
      let cursor: string | null = null
      do {
        const page = await readDocs(db, C.tickets, [{ [OUTBOX_ID]: db._.neq(null) }], { field: 'id', dir: 'asc' }, { cursor, limit: RECOVER_PAGE })
        for (const doc of page.items) {
          const outbox = outboxOf(doc)
          if (!outbox) continue
          await flush(String(doc._id), outbox)
          finished++
        }
        cursor = page.next
      } while (cursor !== null)
      return finished
    },

    getTicket,

    async getTicketByRequest (reporterId, clientRequestId) {
      const [doc] = await db.find(C.tickets, [{ reporterId, clientRequestId }], [], 1)
      return doc ? ticketFromDoc(doc) : null
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
      const page = await readDocs(db, C.tickets, conds, { field: 'createdAt', dir: 'desc' }, f)
      return { items: page.items.map(ticketFromDoc), next: page.next }
    },

    listTicketEvents: (ticketId, q) =>
      readPage<TicketEvent>(db, C.ticketEvents, [{ ticketId }], { field: 'at', dir: 'asc' }, q),

    /*
     * Batched `add([...])`, 100 documents a request: tickets, then their idempotency keys, then events.
     * Not atomic: a failure part-way leaves the earlier chunks in place (ids are new, so a retry of the
     * same import fails loudly on the duplicates instead of doubling them).
     */
    async importTickets (tickets, events, effects) {
      for (const part of chunks(tickets, IMPORT_CHUNK)) {
        await db.insertMany(C.tickets, part.map((t) => ({ ...t, _id: t.id })))
      }
      for (const part of chunks(tickets, IMPORT_CHUNK)) {
        await db.insertMany(C.ticketKeys, part.map((t) => ({ _id: ticketKey(t), ticketId: t.id, at: t.createdAt, state: 'admitted' })))
      }
      for (const part of chunks(events, IMPORT_CHUNK)) {
        await db.insertMany(C.ticketEvents, part.map((e) => ({ ...e, _id: e.id })))
      }
      if (effects) { await aggregates.add(effects.cells); await aggregates.mark(effects.marks) }
    }
  }
}
