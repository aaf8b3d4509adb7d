import type { AggCell, DistinctMark } from '../../../core/indicators/aggregates'
import type { Certificate, Signup, User, VolunteerEvent, VolunteerProfile } from '../../../core/types'
import { acceptedOffer, isOfferLapsed, lapsedSignup, offeredSignup, offersToMake, type OfferPolicy, waitingInOrder } from '../../../core/volunteer/offers'
import { cancelledSignup, holdsSeat, isLiveSignup, seatedSignup, seatOutcome } from '../../../core/volunteer/seats'
import { StoreError } from '../../ports/errors'
import type { OfferResult, SeatOutcome, SignupMessage, VolunteerStore } from '../../ports/volunteer'
import { groupCommit, parseDoc, type Db, type Sql } from './db'
import type { AggregateOps } from './aggregates'
import type { MessageOps } from './messages'
import { conditions, readPage } from './paging'

const gone = (eventId: string) => new StoreError('NOT_FOUND', '活动不存在或已被删除', { eventId })

export function volunteerStore (db: Db, sql: Sql, messages: MessageOps, aggregates: AggregateOps): VolunteerStore {
  const upsertEvent = db.prepare(`INSERT INTO events (id, start_at, organizer_id, doc) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET start_at = excluded.start_at, organizer_id = excluded.organizer_id,
      doc = json_set(excluded.doc, '$.taken', json_extract(events.doc, '$.taken'))`)
  const eventById = db.prepare('SELECT doc FROM events WHERE id = ?').pluck()
  const setEventDoc = db.prepare('UPDATE events SET doc = ? WHERE id = ?')
  const signupOf = db.prepare('SELECT doc FROM signups WHERE event_id = ? AND user_id = ?').pluck()
  const putSignup = db.prepare(`INSERT INTO signups (id, event_id, user_id, status, created_at, doc) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (event_id, user_id) DO UPDATE SET id = excluded.id, status = excluded.status, created_at = excluded.created_at, doc = excluded.doc`)
  const ofEventIn = db.prepare(`SELECT doc FROM signups WHERE event_id = ? AND status IN (SELECT value FROM json_each(?)) ORDER BY created_at, id`).pluck()
  const rewriteSignup = db.prepare(`UPDATE signups SET doc = ? WHERE event_id = ? AND user_id = ? AND status = ?
    AND json_extract(doc, '$.version') = ?`)
  const waiting = db.prepare(`SELECT event_id AS id, COUNT(*) AS n FROM signups
    WHERE status = 'waitlisted' AND event_id IN (SELECT value FROM json_each(?)) GROUP BY event_id`)
  const placeOf = db.prepare(`SELECT COUNT(*) FROM signups w, signups me
    WHERE me.event_id = ? AND me.user_id = ? AND me.status = 'waitlisted'
      AND w.event_id = me.event_id AND w.status = 'waitlisted' AND (w.created_at, w.id) <= (me.created_at, me.id)`).pluck()
  const volunteerOf = db.prepare('SELECT doc FROM volunteers WHERE user_id = ?').pluck()
  const insertVolunteer = db.prepare('INSERT INTO volunteers (user_id, doc) VALUES (?, ?) ON CONFLICT DO NOTHING')
  const userById = db.prepare('SELECT doc FROM users WHERE id = ?').pluck()
  const setUserDoc = db.prepare('UPDATE users SET doc = ? WHERE id = ?')
  const addRole = db.prepare('INSERT INTO user_roles (role, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING')
  const insertCertificate = db.prepare('INSERT INTO certificates (id, user_id, issued_at, doc) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
  const certificateById = db.prepare('SELECT doc FROM certificates WHERE id = ?').pluck()

  const writeSignup = (s: Signup) => putSignup.run(s.id, s.eventId, s.userId, s.status, s.createdAt, JSON.stringify(s))
  const readEvent = (id: string) => parseDoc<VolunteerEvent>(eventById.get(id))
  const writeEvent = (e: VolunteerEvent) => setEventDoc.run(JSON.stringify(e), e.id)
  const signupsIn = (eventId: string, statuses: readonly Signup['status'][]) =>
    (ofEventIn.all(eventId, JSON.stringify(statuses)) as string[]).map((d) => JSON.parse(d) as Signup)

  // Offers inside the caller's transaction: lapse what ran out, then offer free seats in arrival order.
  const settle = (event: VolunteerEvent, policy: OfferPolicy, offerMessage: SignupMessage): OfferResult & { event: VolunteerEvent } => {
    let taken = event.taken
    const lapsed = signupsIn(event.id, ['offered']).filter((s) => isOfferLapsed(s, policy.now)).map(lapsedSignup)
    for (const s of lapsed) { writeSignup(s); taken-- }
    const offered: Signup[] = []
    if (policy.offerUntil !== null) {
      for (const s of offersToMake({ capacity: event.capacity, taken }, waitingInOrder(signupsIn(event.id, ['waitlisted'])))) {
        const o = offeredSignup(s, policy.offerUntil)
        writeSignup(o)
        messages.insert(offerMessage(o))
        offered.push(o)
        taken++
      }
    }
    const after = { ...event, taken }
    if (taken !== event.taken) writeEvent(after)
    return { lapsed, offered, event: after }
  }

  const unit = groupCommit(db)

  // core decides the outcome from what this transaction reads; the transaction makes it atomic.
  const take = unit((signup: Signup): { outcome: SeatOutcome; signup: Signup | null } => {
    const event = readEvent(signup.eventId)
    if (event === null) throw gone(signup.eventId)
    const previous = parseDoc<Signup>(signupOf.get(signup.eventId, signup.userId))
    const outcome = seatOutcome(event, previous)
    if (outcome === 'duplicate') return { outcome, signup: previous }
    if (outcome === 'full') return { outcome, signup: null }
    const stored = seatedSignup(signup, previous, outcome)
    if (outcome === 'confirmed') writeEvent({ ...event, taken: event.taken + 1 })
    writeSignup(stored)
    return { outcome, signup: stored }
  })

  const cancel = unit(({ eventId, userId, policy, offerMessage }: { eventId: string; userId: string; policy: OfferPolicy; offerMessage: SignupMessage }) => {
    const previous = parseDoc<Signup>(signupOf.get(eventId, userId))
    const event = readEvent(eventId)
    if (event === null) throw gone(eventId)
    if (previous === null || !isLiveSignup(previous)) {
      const { lapsed, offered } = settle(event, policy, offerMessage)
      return { cancelled: null, lapsed, offered }
    }
    const cancelled = cancelledSignup(previous)
    writeSignup(cancelled)
    const freed = holdsSeat(previous) ? { ...event, taken: event.taken - 1 } : event
    if (freed !== event) writeEvent(freed)
    const { lapsed, offered } = settle(freed, policy, offerMessage)
    return { cancelled, lapsed, offered }
  })

  const settleOne = db.transaction((eventId: string, policy: OfferPolicy, offerMessage: SignupMessage): OfferResult => {
    const event = readEvent(eventId)
    if (event === null) throw gone(eventId)
    const { lapsed, offered } = settle(event, policy, offerMessage)
    return { lapsed, offered }
  })

  const accept = db.transaction((eventId: string, userId: string, nowIso: string): Signup | null => {
    const s = parseDoc<Signup>(signupOf.get(eventId, userId))
    const accepted = s && acceptedOffer(s, nowIso)
    if (!accepted) return null
    writeSignup(accepted)
    return accepted
  })

  const cancelWhole = db.transaction((eventId: string, reason: string, nowIso: string, message: SignupMessage) => {
    const event = readEvent(eventId)
    if (event === null || event.status === 'cancelled') return null
    const cancelled = signupsIn(eventId, ['confirmed', 'waitlisted', 'offered']).map(cancelledSignup)
    for (const s of cancelled) {
      writeSignup(s)
      messages.insert(message(s))
    }
    const after: VolunteerEvent = { ...event, status: 'cancelled', cancelReason: reason, taken: 0, updatedAt: nowIso }
    writeEvent(after)
    return { event: after, cancelled }
  })

  const register = db.transaction((profile: VolunteerProfile, cells: readonly AggCell[]): VolunteerProfile => {
    const user = parseDoc<User>(userById.get(profile.userId))
    if (user === null) throw new StoreError('NOT_FOUND', '用户不存在', { userId: profile.userId })
    if (insertVolunteer.run(profile.userId, JSON.stringify(profile)).changes === 1) {
      aggregates.add(cells)
      if (!user.roles.includes('volunteer')) {
        setUserDoc.run(JSON.stringify({ ...user, roles: [...user.roles, 'volunteer'] }), user.id)
        addRole.run('volunteer', user.id)
      }
    }
    return parseDoc<VolunteerProfile>(volunteerOf.get(profile.userId)) as VolunteerProfile
  })

  // Attendance and the participation it counts (a check-in marks the person), as one step.
  const rewrite = db.transaction((next: Signup, expectedVersion: number, marks: readonly DistinctMark[]): boolean => {
    if (rewriteSignup.run(JSON.stringify(next), next.eventId, next.userId, next.status, expectedVersion).changes !== 1) return false
    aggregates.mark(marks)
    return true
  })

  return {
    putEvent: async (event) => { upsertEvent.run(event.id, event.startAt, event.organizerId, JSON.stringify(event)) },
    getEvent: async (id) => readEvent(id),
    listEvents: async (q) => {
      const c = conditions()
      if (q.fromIso !== undefined) c.add('start_at >= ?', q.fromIso)
      if (q.toIso !== undefined) c.add('start_at < ?', q.toIso)
      if (q.organizerId !== undefined) c.add('organizer_id = ?', q.organizerId)
      return readPage<VolunteerEvent>(sql, { table: 'events', ...c, sortColumn: 'start_at', direction: 'ASC' }, q)
    },
    takeSeat: take,
    getSignup: async (eventId, userId) => parseDoc<Signup>(signupOf.get(eventId, userId)),
    cancelSignup: (eventId, userId, policy, offerMessage) => cancel({ eventId, userId, policy, offerMessage }),
    settleOffers: async (eventId, policy, offerMessage) => settleOne.immediate(eventId, policy, offerMessage),
    acceptOffer: async (eventId, userId, nowIso) => accept.immediate(eventId, userId, nowIso),
    updateSignup: async (next, expectedVersion, marks) => rewrite.immediate(next, expectedVersion, marks ?? []),
    cancelEvent: async (eventId, reason, nowIso, message) => cancelWhole.immediate(eventId, reason, nowIso, message),
    listSignups: async (q) => {
      const c = conditions()
      if (q.eventId !== undefined) c.add('event_id = ?', q.eventId)
      if (q.userId !== undefined) c.add('user_id = ?', q.userId)
      if (q.statuses !== undefined) c.add('status IN (SELECT value FROM json_each(?))', JSON.stringify(q.statuses))
      return readPage<Signup>(sql, { table: 'signups', ...c, sortColumn: 'created_at', direction: 'ASC' }, q)
    },
    waitlistLengths: async (eventIds) => {
      const out: Record<string, number> = Object.fromEntries(eventIds.map((id) => [id, 0]))
      for (const r of waiting.all(JSON.stringify(eventIds)) as Array<{ id: string; n: number }>) out[r.id] = r.n
      return out
    },
    waitlistPosition: async (eventId, userId) => {
      const n = placeOf.get(eventId, userId) as number
      return n > 0 ? n : null
    },
    getVolunteer: async (userId) => parseDoc<VolunteerProfile>(volunteerOf.get(userId)),
    listVolunteers: async (q) => readPage<VolunteerProfile>(sql, { table: '(SELECT user_id AS id, doc FROM volunteers)', where: [], params: [], sortColumn: 'id', direction: 'ASC' }, q),
    registerVolunteer: async (profile, cells) => register.immediate(profile, cells ?? []),
    addCertificate: async (c) => insertCertificate.run(c.number, c.userId, c.issuedAt, JSON.stringify(c)).changes === 1,
    getCertificate: async (number) => parseDoc<Certificate>(certificateById.get(number)),
    listCertificates: async (q) => readPage<Certificate>(sql, { table: 'certificates', where: ['user_id = ?'], params: [q.userId], sortColumn: 'issued_at', direction: 'DESC' }, q)
  }
}
