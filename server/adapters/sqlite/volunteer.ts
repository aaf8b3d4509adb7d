import type { Signup, VolunteerEvent } from '../../../core/types'
import { isLiveSignup, seatOutcome } from '../../../core/volunteer/seats'
import { StoreError } from '../../ports/errors'
import type { SeatOutcome, VolunteerStore } from '../../ports/volunteer'
import { parseDoc, type Db, type Sql } from './db'
import { conditions, readPage } from './paging'

export function volunteerStore (db: Db, sql: Sql): VolunteerStore {
  const upsertEvent = db.prepare(`INSERT INTO events (id, start_at, doc) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET start_at = excluded.start_at, doc = excluded.doc`)
  const eventById = db.prepare('SELECT doc FROM events WHERE id = ?').pluck()
  const setEventDoc = db.prepare('UPDATE events SET doc = ? WHERE id = ?')
  const signupOf = db.prepare('SELECT doc FROM signups WHERE event_id = ? AND user_id = ?').pluck()
  const putSignup = db.prepare(`INSERT INTO signups (id, event_id, user_id, status, created_at, doc) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (event_id, user_id) DO UPDATE SET id = excluded.id, status = excluded.status, created_at = excluded.created_at, doc = excluded.doc`)
  const writeSignup = (s: Signup) => putSignup.run(s.id, s.eventId, s.userId, s.status, s.createdAt, JSON.stringify(s))
  const seatDelta = (event: VolunteerEvent, by: number) => setEventDoc.run(JSON.stringify({ ...event, taken: event.taken + by }), event.id)

  // core decides the outcome from what this transaction reads; the transaction makes it atomic.
  const take = db.transaction((signup: Signup): { outcome: SeatOutcome; signup: Signup | null } => {
    const event = parseDoc<VolunteerEvent>(eventById.get(signup.eventId))
    if (event === null) throw new StoreError('NOT_FOUND', '活动不存在或已被删除', { eventId: signup.eventId })
    const previous = parseDoc<Signup>(signupOf.get(signup.eventId, signup.userId))
    const outcome = seatOutcome(event, previous)
    if (outcome === 'duplicate') return { outcome, signup: previous }
    if (outcome === 'full') return { outcome, signup: null }
    const stored: Signup = { ...signup, status: outcome }
    if (outcome === 'confirmed') seatDelta(event, 1)
    writeSignup(stored)
    return { outcome, signup: stored }
  })

  const cancel = db.transaction((eventId: string, userId: string): Signup | null => {
    const previous = parseDoc<Signup>(signupOf.get(eventId, userId))
    if (previous === null || !isLiveSignup(previous)) return null
    const event = parseDoc<VolunteerEvent>(eventById.get(eventId))
    if (event === null) throw new StoreError('NOT_FOUND', '活动不存在或已被删除', { eventId })
    if (previous.status === 'confirmed') seatDelta(event, -1)
    const cancelled: Signup = { ...previous, status: 'cancelled' }
    writeSignup(cancelled)
    return cancelled
  })

  return {
    putEvent: async (event) => { upsertEvent.run(event.id, event.startAt, JSON.stringify(event)) },
    getEvent: async (id) => parseDoc<VolunteerEvent>(eventById.get(id)),
    listEvents: async (q) => {
      const c = conditions()
      if (q.fromIso !== undefined) c.add('start_at >= ?', q.fromIso)
      return readPage<VolunteerEvent>(sql, { table: 'events', ...c, sortColumn: 'start_at', direction: 'ASC' }, q)
    },
    takeSeat: async (signup) => take.immediate(signup),
    cancelSignup: async (eventId, userId) => cancel.immediate(eventId, userId),
    listSignups: async (q) => {
      const c = conditions()
      if (q.eventId !== undefined) c.add('event_id = ?', q.eventId)
      if (q.userId !== undefined) c.add('user_id = ?', q.userId)
      return readPage<Signup>(sql, { table: 'signups', ...c, sortColumn: 'created_at', direction: 'ASC' }, q)
    }
  }
}
