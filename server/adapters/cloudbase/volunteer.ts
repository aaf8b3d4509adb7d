import type { Signup, VolunteerEvent } from '../../../core/types'
import { isLiveSignup, seatOutcome } from '../../../core/volunteer/seats'
import { StoreError } from '../../ports/errors'
import type { VolunteerStore } from '../../ports/volunteer'
import { CloudbaseError, type Command, type Cond, type Db, fromDoc } from './client'
import { COLLECTIONS as C } from './collections'
import { readPage } from './paging'

/** One signup document per person per event (live or cancelled): the document id says so. */
export const signupKey = (s: Pick<Signup, 'eventId' | 'userId'>): string => `${s.eventId}:${s.userId}`

/** Rounds before a person's own concurrent take/cancel requests are reported instead of retried. */
const ATTEMPTS = 3

export function volunteerStore (db: Db): VolunteerStore {
  const getEvent = async (id: string): Promise<VolunteerEvent | null> => {
    const doc = await db.findById(C.events, id)
    return doc ? fromDoc<VolunteerEvent>(doc) : null
  }

  const signupAt = async (key: string): Promise<Signup | null> => {
    const doc = await db.findById(C.signups, key)
    return doc ? fromDoc<Signup>(doc) : null
  }

  const giveSeatBack = (eventId: string) => db.update(C.events, { _id: eventId }, { taken: db._.inc(-1) })

  /**
   * Write the person's signup document: add it, or take over their cancelled one with a conditional update on the
   * signup id read. False when another request of theirs wrote it first.
   */
  const claim = async (key: string, previous: Signup | null, stored: Signup): Promise<boolean> => {
    if (previous === null) return db.insert(C.signups, key, stored)
    return await db.update(C.signups, { _id: key, id: previous.id, status: 'cancelled' }, { ...stored }) === 1
  }

  return {
    /*
     * New event: add it as given. Existing event: $set every field except `taken`, which only the
     * conditional seat update may change (an organizer editing the title must not reset the seat count).
     */
    async putEvent (event) {
      if (await db.insert(C.events, event.id, event)) return
      const data: Record<string, Command> = {}
      for (const [k, v] of Object.entries(event)) {
        if (k !== 'id' && k !== 'taken' && v !== undefined) data[k] = db._.set(v)
      }
      await db.update(C.events, { _id: event.id }, data)
    },

    getEvent,

    listEvents: (q) => readPage<VolunteerEvent>(db, C.events,
      q.fromIso !== undefined ? [{ startAt: db._.gte(q.fromIso) }] : [], { field: 'startAt', dir: 'asc' }, q),

    /*
     * core's seatOutcome decides from the event and the person's signup document as read; the writes make it hold:
     * 1. a seat: `where({ _id, taken: $lt capacity }).update({ taken: $inc 1 })`; updated 0 means the last seat
     *    went meanwhile, and seatOutcome decides again for a full event (waitlist or full);
     * 2. the signup `signups/${eventId}:${userId}`: added, or — after a cancelled one — replaced only if it is
     *    still that cancelled signup. If another request of the same person wrote first, the seat from step 1 is
     *    given back (`$inc -1`) and their live signup is answered as the duplicate.
     * The seat is taken before the signup is written, so a reader may briefly see one seat fewer, never a
     * confirmed signup without a seat.
     */
    async takeSeat (signup) {
      const key = signupKey(signup)
      for (let round = 0; round < ATTEMPTS; round++) {
        const event = await getEvent(signup.eventId)
        if (!event) throw new StoreError('NOT_FOUND', '活动不存在或已被删除', { eventId: signup.eventId })
        const previous = await signupAt(key)
        let outcome = seatOutcome(event, previous)
        if (outcome === 'duplicate') return { outcome, signup: previous }
        const seated = outcome === 'confirmed' &&
          await db.update(C.events, { _id: event.id, taken: db._.lt(event.capacity) }, { taken: db._.inc(1) }) === 1
        if (outcome === 'confirmed' && !seated) outcome = seatOutcome({ ...event, taken: event.capacity }, previous)
        if (outcome !== 'confirmed' && outcome !== 'waitlisted') return { outcome, signup: null }

        const stored: Signup = { ...signup, status: outcome }
        if (await claim(key, previous, stored)) return { outcome, signup: stored }
        if (seated) await giveSeatBack(event.id)
        const winner = await signupAt(key)
        if (winner && isLiveSignup(winner)) return { outcome: 'duplicate', signup: winner }
      }
      throw new CloudbaseError('SIGNUP_CONTENDED', `CloudBase signup ${key} kept changing during ${ATTEMPTS} attempts`)
    },

    /*
     * 1. `where({ _id, id, status }).update({ status: 'cancelled' })` on the signup as read (a concurrent cancel
     *    or re-signup makes it match nothing, and the round starts again);
     * 2. a confirmed signup gives its seat back with `$inc -1`.
     * Cancelled first, seat second: a reader may briefly see one seat fewer, never more confirmed than seats.
     */
    async cancelSignup (eventId, userId) {
      const key = signupKey({ eventId, userId })
      for (let round = 0; round < ATTEMPTS; round++) {
        const previous = await signupAt(key)
        if (!previous || !isLiveSignup(previous)) return null
        const cancelled = await db.update(C.signups, { _id: key, id: previous.id, status: previous.status }, { status: 'cancelled' }) === 1
        if (!cancelled) continue
        if (previous.status === 'confirmed') await giveSeatBack(eventId)
        return { ...previous, status: 'cancelled' }
      }
      throw new CloudbaseError('SIGNUP_CONTENDED', `CloudBase signup ${key} kept changing during ${ATTEMPTS} attempts`)
    },

    async listSignups (q) {
      const match: Record<string, string> = {}
      if (q.eventId !== undefined) match.eventId = q.eventId
      if (q.userId !== undefined) match.userId = q.userId
      const conds: Cond[] = Object.keys(match).length > 0 ? [match] : []
      return readPage<Signup>(db, C.signups, conds, { field: 'createdAt', dir: 'asc' }, q)
    }
  }
}
