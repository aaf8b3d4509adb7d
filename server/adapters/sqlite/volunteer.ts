import type { Signup, SignupStatus, VolunteerEvent } from '../../../core/types'
import type { SeatOutcome, Store } from '../../ports/store'
import { parseDoc, type Db, type Sql } from './db'
import { conditions, readPage } from './paging'

type VolunteerStore = Pick<Store, 'putEvent' | 'getEvent' | 'listEvents' | 'takeSeat' | 'listSignups'>

function eventNotFound (id: string): Error {
  return Object.assign(new Error(`活动不存在：${id} / Volunteer event not found: ${id}`), { code: 'NOT_FOUND' as const })
}

export function volunteerStore (db: Db, sql: Sql): VolunteerStore {
  const upsertEvent = db.prepare(`INSERT INTO events (id, start_at, doc) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET start_at = excluded.start_at, doc = excluded.doc`)
  const eventById = db.prepare('SELECT doc FROM events WHERE id = ?').pluck()
  const setEventDoc = db.prepare('UPDATE events SET doc = ? WHERE id = ?')
  const signupOf = db.prepare('SELECT doc FROM signups WHERE event_id = ? AND user_id = ?').pluck()
  const dropSignup = db.prepare('DELETE FROM signups WHERE event_id = ? AND user_id = ?')
  const insertSignup = db.prepare(`INSERT INTO signups (id, event_id, user_id, status, created_at, doc)
    VALUES (?, ?, ?, ?, ?, ?)`)

  const take = db.transaction((signup: Signup): { outcome: SeatOutcome; signup: Signup | null } => {
    const previous = parseDoc<Signup>(signupOf.get(signup.eventId, signup.userId))
    if (previous !== null && previous.status !== 'cancelled') return { outcome: 'duplicate', signup: previous }
    const event = parseDoc<VolunteerEvent>(eventById.get(signup.eventId))
    if (event === null) throw eventNotFound(signup.eventId)
    let status: SignupStatus
    if (event.taken < event.capacity) {
      status = 'confirmed'
      setEventDoc.run(JSON.stringify({ ...event, taken: event.taken + 1 }), event.id)
    } else if (event.waitlistEnabled) {
      status = 'waitlisted'
    } else {
      return { outcome: 'full', signup: null }
    }
    if (previous !== null) dropSignup.run(signup.eventId, signup.userId)
    const stored: Signup = { ...signup, status }
    insertSignup.run(stored.id, stored.eventId, stored.userId, stored.status, stored.createdAt, JSON.stringify(stored))
    return { outcome: status, signup: stored }
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
    listSignups: async (q) => {
      const c = conditions()
      if (q.eventId !== undefined) c.add('event_id = ?', q.eventId)
      if (q.userId !== undefined) c.add('user_id = ?', q.userId)
      return readPage<Signup>(sql, { table: 'signups', ...c, sortColumn: 'created_at', direction: 'ASC' }, q)
    }
  }
}
