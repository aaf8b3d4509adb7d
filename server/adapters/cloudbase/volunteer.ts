import type { AggregateOps } from './aggregates'
import type { Certificate, Page, Signup, SignupStatus, VolunteerEvent, VolunteerProfile } from '../../../core/types'
import { acceptedOffer, isOfferLapsed, lapsedSignup, offeredSignup, offersToMake, type OfferPolicy, waitingInOrder } from '../../../core/volunteer/offers'
import { cancelledSignup, holdsSeat, isLiveSignup, seatedSignup, seatOutcome, signupId } from '../../../core/volunteer/seats'
import { StoreError } from '../../ports/errors'
import type { OfferResult, SignupMessage, VolunteerStore } from '../../ports/volunteer'
import { CloudbaseError, type Command, type Cond, type Db, fromDoc } from './client'
import { COLLECTIONS as C } from './collections'
import type { MessageOps } from './messages'
import { inBatches, readPage } from './paging'

/**
 * Seats without a multi-document transaction. Each step is one atomic update of one document, conditional on
 * what was read, and the steps run in the order that keeps the invariant a reader can rely on:
 *
 *   signups holding a seat (confirmed + offered)  ≤  event.taken  ≤  capacity
 *
 * A seat is counted before a signup takes it (`where({ _id, taken: $lt capacity }).update({ taken: $inc 1 })`)
 * and released only after the signup has let go of it, so a reader may briefly see a seat counted that nobody
 * holds yet (or any more), never a seat held that is not counted, and never more than capacity. A seat freed by
 * a cancellation or a lapsed offer is not released and taken again: the request that freed it carries it to the
 * next person waiting (the count stays), so nobody arriving in between can take it ahead of the waitlist.
 *
 * Signups move by compare-and-set on the document as read, `where({ _id, status, version })`, writing the next
 * version core computed; a lost race changes nothing and the loser reads again. What a crash between two steps
 * leaves, and what repairs it:
 * - a seat counted that nobody holds (after the count, before the signup; after a cancel or lapse, before the
 *   seat passed on): one seat too many is taken, never one too few — nobody is overbooked, but the event shows
 *   one seat fewer until `taken` is corrected by hand (no step here can tell such a seat from one still in
 *   flight, so none takes it back);
 * - a free seat while people wait (a give-back in takeSeat, or a crash after a release): the next settleOffers
 *   (the timer's, every sweep) offers it;
 * - an offer written without its message: every settleOffers writes the message of each standing offer again,
 *   a no-op for those already there (message ids are per signup and version);
 * - an event cancelled with signups still live: a second cancelEvent cancels them (and answers null).
 */

const ATTEMPTS = 3
const LIVE: SignupStatus[] = ['confirmed', 'waitlisted', 'offered']
/** Waiting people read per request when looking for whom to offer a seat (a server `get` returns ≤ 1,000). */
const MAX_READ = 1000
/** Requests in flight at once when one call writes many documents. */
const WIDTH = 10

const gone = (eventId: string) => new StoreError('NOT_FOUND', '活动不存在或已被删除', { eventId })
const contended = (key: string) => new CloudbaseError('SIGNUP_CONTENDED', `CloudBase signup ${key} kept changing during ${ATTEMPTS} attempts`)

/** A live signup cancelled, by the person or with the event (the same write the SQLite adapter makes). */

export function volunteerStore (db: Db, messages: MessageOps, aggregates: AggregateOps): VolunteerStore {
  const getEvent = async (id: string): Promise<VolunteerEvent | null> => {
    const doc = await db.findById(C.events, id)
    return doc ? fromDoc<VolunteerEvent>(doc) : null
  }

  const signupAt = async (key: string): Promise<Signup | null> => {
    const doc = await db.findById(C.signups, key)
    return doc ? fromDoc<Signup>(doc) : null
  }

  /** Every field replaced as a whole (`$set` each), so a nested value (appeal, adjustments) never merges into the old one. */
  const setEach = (entity: object): Record<string, Command> => {
    const data: Record<string, Command> = {}
    for (const [k, v] of Object.entries(entity)) if (v !== undefined) data[k] = db._.set(v)
    return data
  }

  /** Compare-and-set: write `next` only if the signup is still the one read (same status and version). */
  const swap = async (read: Signup, next: Signup): Promise<boolean> =>
    await db.update(C.signups, { _id: signupId(read.eventId, read.userId), status: read.status, version: read.version }, setEach(next)) === 1

  /** Count one seat, if one is left of the capacity read. */
  const countSeat = async (event: VolunteerEvent): Promise<boolean> =>
    await db.update(C.events, { _id: event.id, taken: db._.lt(event.capacity) }, { taken: db._.inc(1) }) === 1

  const releaseSeats = async (eventId: string, n: number): Promise<void> => {
    if (n > 0) await db.update(C.events, { _id: eventId }, { taken: db._.inc(-n) })
  }

  /** All of an event's signups in these statuses, in arrival order, page by page. */
  const signupsIn = async (eventId: string, statuses: SignupStatus[]): Promise<Signup[]> => {
    const out: Signup[] = []
    let cursor: string | null = null
    do {
      const page: Page<Signup> = await readPage<Signup>(db, C.signups, [{ eventId, status: db._.in(statuses) }], { field: 'createdAt', dir: 'asc' }, { cursor, limit: 100 })
      out.push(...page.items)
      cursor = page.next
    } while (cursor !== null)
    return out
  }

  const firstWaiting = async (eventId: string, n: number): Promise<Signup[]> =>
    (await db.find(C.signups, [{ eventId, status: 'waitlisted' }], [['createdAt', 'asc'], ['id', 'asc']], Math.min(n, MAX_READ))).map((d) => fromDoc<Signup>(d))

  /**
   * Lapse what ran out, then offer seats to the first people waiting: the `carried` seats this caller freed (still
   * counted) and any seat free. Each offer: a carried seat, or one counted now, then the signup's compare-and-set
   * `waitlisted → offered` (lost: the person moved meanwhile, the seat goes to the next), then its message. Seats
   * carried but not given are released at the end — also when a step fails, so an error leaves no seat counted.
   */
  const settle = async (eventId: string, policy: OfferPolicy, offerMessage: SignupMessage, carried: number): Promise<OfferResult> => {
    const lapsed: Signup[] = []
    const offered: Signup[] = []
    let seats = carried
    try {
      const standing: Signup[] = []
      for (const s of await signupsIn(eventId, ['offered'])) {
        if (!isOfferLapsed(s, policy.now)) {
          standing.push(s)
          continue
        }
        const next = lapsedSignup(s)
        if (await swap(s, next)) {
          lapsed.push(next)
          seats++
        }
      }
      // The repair for an offer whose message a crash lost: a no-op for every message already written.
      await inBatches(standing, WIDTH, (s) => messages.insert(offerMessage(s)))

      const until = policy.offerUntil
      const tried = new Set<string>()
      while (until !== null) {
        const event = await getEvent(eventId)
        if (event === null) break
        // `taken` counts the seats this caller carries: offersToMake sees them as free, with any others free.
        const asFree = { capacity: event.capacity, taken: event.taken - seats }
        const room = asFree.capacity - asFree.taken
        if (room <= 0) break
        const waiting = waitingInOrder(await firstWaiting(eventId, room + tried.size)).filter((s) => !tried.has(`${s.id}@${s.version}`))
        const next = offersToMake(asFree, waiting)
        if (next.length === 0) break
        let full = false
        for (const s of next) {
          if (seats === 0) {
            if (!(await countSeat(event))) {
              full = true
              break
            }
            seats++
          }
          tried.add(`${s.id}@${s.version}`)
          const offer = offeredSignup(s, until)
          if (await swap(s, offer)) {
            seats--
            offered.push(offer)
            await messages.insert(offerMessage(offer))
          }
        }
        if (full) break
      }
    } finally {
      await releaseSeats(eventId, seats)
    }
    return { lapsed, offered }
  }

  /**
   * Cancel one live signup with its event: the message first (its id is per signup and version, so a repeat of
   * this step adds nothing), then the compare-and-set, then the seat it held. Answers the signup as cancelled,
   * also when a concurrent call made exactly this write (a second cancelEvent, or the person cancelling);
   * null when it stopped being live otherwise.
   */
  const cancelWithEvent = async (read: Signup, message: SignupMessage): Promise<Signup | null> => {
    let s = read
    for (let round = 0; round < ATTEMPTS; round++) {
      const cancelled = cancelledSignup(s)
      await messages.insert(message(cancelled))
      if (await swap(s, cancelled)) {
        if (holdsSeat(s)) await releaseSeats(s.eventId, 1)
        return cancelled
      }
      const now = await signupAt(signupId(s.eventId, s.userId))
      if (now === null) return null
      if (!isLiveSignup(now)) return now.status === 'cancelled' && now.version === cancelled.version ? now : null
      s = now
    }
    throw contended(read.id)
  }

  /** Every live signup of the event cancelled, in arrival order; a signup made meanwhile is found by the next read. */
  const cancelAllLive = async (eventId: string, message: SignupMessage): Promise<Signup[]> => {
    const out: Signup[] = []
    for (;;) {
      const batch = (await db.find(C.signups, [{ eventId, status: db._.in(LIVE) }], [['createdAt', 'asc'], ['id', 'asc']], 100))
        .map((d) => fromDoc<Signup>(d))
      if (batch.length === 0) return out
      const done: Array<Signup | null> = new Array(batch.length).fill(null)
      await inBatches(batch.map((s, i) => ({ s, i })), WIDTH, async ({ s, i }) => { done[i] = await cancelWithEvent(s, message) })
      for (const s of done) if (s !== null) out.push(s)
    }
  }

  return {
    /*
     * New event: add it as given. Existing event: $set every field except `taken`, which only the
     * conditional seat update may change (an organizer editing the title must not reset the seat count).
     */
    async putEvent (event) {
      if (await db.insert(C.events, event.id, event)) return
      const fields: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(event)) if (k !== 'id' && k !== 'taken') fields[k] = v
      await db.update(C.events, { _id: event.id }, setEach(fields))
    },

    getEvent,

    listEvents (q) {
      const conds: Cond[] = []
      if (q.fromIso !== undefined) conds.push({ startAt: db._.gte(q.fromIso) })
      if (q.toIso !== undefined) conds.push({ startAt: db._.lt(q.toIso) })
      if (q.organizerId !== undefined) conds.push({ organizerId: q.organizerId })
      return readPage<VolunteerEvent>(db, C.events, conds, { field: 'startAt', dir: 'asc' }, q)
    },

    /*
     * core's seatOutcome decides from the event and the person's signup document as read; the writes make it hold:
     * 1. a seat: `where({ _id, taken: $lt capacity }).update({ taken: $inc 1 })`; updated 0 means the last seat
     *    went meanwhile, and seatOutcome decides again for a full event (waitlist or full);
     * 2. the signup `signups/${eventId}:${userId}` (core's seatedSignup): added, or — after a cancelled or lapsed
     *    one — a compare-and-set on that one's status and version. If another request of the same person wrote
     *    first, the seat from step 1 is given back (`$inc -1`) and their live signup is answered as the duplicate.
     * The seat is counted before the signup is written, so a reader may briefly see one seat fewer, never a
     * confirmed signup without a seat. A seat given back while others were turned to the waitlist is offered
     * by the next settleOffers.
     */
    async takeSeat (signup) {
      const key = signupId(signup.eventId, signup.userId)
      for (let round = 0; round < ATTEMPTS; round++) {
        const event = await getEvent(signup.eventId)
        if (!event) throw gone(signup.eventId)
        const previous = await signupAt(key)
        let outcome = seatOutcome(event, previous)
        if (outcome === 'duplicate') return { outcome, signup: previous }
        const seated = outcome === 'confirmed' && await countSeat(event)
        if (outcome === 'confirmed' && !seated) outcome = seatOutcome({ ...event, taken: event.capacity }, previous)
        if (outcome !== 'confirmed' && outcome !== 'waitlisted') return { outcome, signup: null }

        const stored = seatedSignup(signup, previous, outcome)
        if (previous === null ? await db.insert(C.signups, key, stored) : await swap(previous, stored)) return { outcome, signup: stored }
        if (seated) await releaseSeats(event.id, 1)
        const winner = await signupAt(key)
        if (winner && isLiveSignup(winner)) return { outcome: 'duplicate', signup: winner }
      }
      throw contended(key)
    },

    getSignup: (eventId, userId) => signupAt(signupId(eventId, userId)),

    /*
     * 1. the compare-and-set `→ cancelled` on the signup as read (a concurrent write of the same person makes it
     *    match nothing, and the round starts again);
     * 2. settle, carrying the seat the signup held: it goes to the first person waiting, or is released.
     * Cancelled first, seat second: a reader may briefly see one seat counted that nobody holds.
     */
    async cancelSignup (eventId, userId, policy, offerMessage) {
      if ((await getEvent(eventId)) === null) throw gone(eventId)
      const key = signupId(eventId, userId)
      for (let round = 0; round < ATTEMPTS; round++) {
        const previous = await signupAt(key)
        if (!previous || !isLiveSignup(previous)) return { cancelled: null, ...(await settle(eventId, policy, offerMessage, 0)) }
        const cancelled = cancelledSignup(previous)
        if (!(await swap(previous, cancelled))) continue
        return { cancelled, ...(await settle(eventId, policy, offerMessage, holdsSeat(previous) ? 1 : 0)) }
      }
      throw contended(key)
    },

    async settleOffers (eventId, policy, offerMessage) {
      if ((await getEvent(eventId)) === null) throw gone(eventId)
      return settle(eventId, policy, offerMessage, 0)
    },

    // The offer already holds the seat: accepting is one compare-and-set on the signup, which a lapse races fairly.
    async acceptOffer (eventId, userId, nowIso) {
      const key = signupId(eventId, userId)
      for (let round = 0; round < ATTEMPTS; round++) {
        const s = await signupAt(key)
        const accepted = s && acceptedOffer(s, nowIso)
        if (!s || !accepted) return null
        if (await swap(s, accepted)) return accepted
      }
      throw contended(key)
    },

    // `updated` counts documents changed: a `next` identical to the stored signup (version included) answers false.
    // Attendance first, then the participation it counts (marks are idempotent; a crash between: the reconciliation).
    async updateSignup (next, expectedVersion, marks) {
      const done = await db.update(C.signups, { _id: signupId(next.eventId, next.userId), status: next.status, version: expectedVersion }, setEach(next)) === 1
      if (done && marks && marks.length > 0) await aggregates.mark(marks)
      return done
    },

    /*
     * 1. commit: `where({ _id, status: as read }).update({ status: 'cancelled', cancelReason, updatedAt })` — one
     *    caller wins; from here no seat is offered (core offers only for published events);
     * 2. every live signup: its message, then `→ cancelled` by compare-and-set, then its seat released.
     * A reader may see the event cancelled while some signups are still live. A crash in step 2, or a signup that
     * raced the commit, leaves live signups on a cancelled event: a second call cancels them (messages already
     * written are not written again) and answers null, as it always does for a cancelled event.
     */
    async cancelEvent (eventId, reason, nowIso, message) {
      for (let round = 0; round < ATTEMPTS; round++) {
        const event = await getEvent(eventId)
        if (event === null) return null
        if (event.status === 'cancelled') {
          await cancelAllLive(eventId, message)
          return null
        }
        const won = await db.update(C.events, { _id: eventId, status: event.status }, { status: 'cancelled', cancelReason: reason, updatedAt: nowIso }) === 1
        if (!won) continue
        const cancelled = await cancelAllLive(eventId, message)
        const after = await getEvent(eventId)
        if (after === null) throw new CloudbaseError('EVENT_MISSING', `CloudBase event ${eventId} vanished while it was being cancelled`)
        return { event: after, cancelled }
      }
      throw new CloudbaseError('EVENT_CONTENDED', `CloudBase event ${eventId} kept changing during ${ATTEMPTS} attempts`)
    },

    listSignups (q) {
      const match: Record<string, string | Command> = {}
      if (q.eventId !== undefined) match.eventId = q.eventId
      if (q.userId !== undefined) match.userId = q.userId
      if (q.statuses !== undefined) match.status = db._.in(q.statuses)
      const conds: Cond[] = Object.keys(match).length > 0 ? [match] : []
      return readPage<Signup>(db, C.signups, conds, { field: 'createdAt', dir: 'asc' }, q)
    },

    // One count per event (index eventId, status): a list page asks for at most 100.
    async waitlistLengths (eventIds) {
      const out: Record<string, number> = {}
      for (const id of eventIds) out[id] = 0
      await inBatches(Object.keys(out), WIDTH, async (eventId) => {
        out[eventId] = await db.count(C.signups, [{ eventId, status: 'waitlisted' }])
      })
      return out
    },

    // One count of those waiting up to this person, in (createdAt, id) order: the keyset condition of paging.
    async waitlistPosition (eventId, userId) {
      const mine = await signupAt(signupId(eventId, userId))
      if (mine === null || mine.status !== 'waitlisted') return null
      const upToMine = db._.or([{ createdAt: db._.lt(mine.createdAt) }, { createdAt: mine.createdAt, id: db._.lte(mine.id) }])
      const n = await db.count(C.signups, [{ eventId, status: 'waitlisted' }, upToMine])
      return n > 0 ? n : null
    },

    async getVolunteer (userId) {
      const doc = await db.findById(C.volunteers, userId)
      return doc ? fromDoc<VolunteerProfile>(doc) : null
    },

    /*
     * 1. add `volunteers/${userId}`: the first writer's profile stands (a duplicate write = registered already);
     * 2. `where({ _id: userId, roles: $ne 'volunteer' }).update({ roles: $push 'volunteer' })`: added once however
     *    many calls race, and run by every call, so a crash between 1 and 2 is repaired by the next registration
     *    call (which answers the standing profile). A reader may briefly see the profile before the role.
     */
    async registerVolunteer (profile, cells) {
      if ((await db.findById(C.users, profile.userId)) === null) throw new StoreError('NOT_FOUND', '用户不存在', { userId: profile.userId })
      const added = await db.insert(C.volunteers, profile.userId, profile)
      if (added && cells && cells.length > 0) await aggregates.add(cells)
      await db.update(C.users, { _id: profile.userId, roles: db._.neq('volunteer') }, { roles: db._.push('volunteer') })
      if (added) return profile
      const standing = await db.findById(C.volunteers, profile.userId)
      if (standing === null) throw new CloudbaseError('VOLUNTEER_MISSING', `CloudBase volunteer ${profile.userId} vanished after a duplicate write`)
      return fromDoc<VolunteerProfile>(standing)
    },

    listVolunteers: (q) => readPage<VolunteerProfile>(db, C.volunteers, [], { field: 'userId', dir: 'asc', tie: 'userId' }, q),

    addCertificate: (certificate) => db.insert(C.certificates, certificate.number, certificate),

    async getCertificate (number) {
      const doc = await db.findById(C.certificates, number)
      return doc ? fromDoc<Certificate>(doc) : null
    },

    listCertificates: (q) =>
      readPage<Certificate>(db, C.certificates, [{ userId: q.userId }], { field: 'issuedAt', dir: 'desc', tie: 'number' }, q)
  }
}
