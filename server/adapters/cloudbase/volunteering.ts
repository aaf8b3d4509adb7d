import type { Signup, VolunteerEvent } from '../../../core/types'
import type { Store } from '../../ports/store'
import { AppError } from '../../errors'
import { type Command, type Cond, type Db, fromDoc } from './client'
import { COLLECTIONS as C } from './collections'
import { readPage } from './paging'

type VolunteerStore = Pick<Store, 'putEvent' | 'getEvent' | 'listEvents' | 'takeSeat' | 'listSignups'>

/** One signup per person per event: the document id says so, and a second add is a duplicate write. */
export const signupKey = (s: Pick<Signup, 'eventId' | 'userId'>): string => `${s.eventId}:${s.userId}`

export function volunteerStore (db: Db): VolunteerStore {
  const getEvent = async (id: string): Promise<VolunteerEvent | null> => {
    const doc = await db.findById(C.events, id)
    return doc ? fromDoc<VolunteerEvent>(doc) : null
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
     * 1. read the event (capacity, waitlist flag) and the person's signup (a retry is a duplicate and
     *    answers the signup already held);
     * 2. seat: `where({ _id, taken: $lt capacity }).update({ taken: $inc 1 })`, updated === 1 → confirmed;
     * 3. add `signups/${eventId}:${userId}`. If that add is a duplicate (a concurrent double tap won),
     *    the seat taken in step 2 is given back with `$inc -1` and the winner's signup is answered.
     * The seat is taken before the signup is written, so a reader may briefly see one seat fewer, never a
     * confirmed signup without a seat.
     */
    async takeSeat (signup) {
      const event = await getEvent(signup.eventId)
      if (!event) throw new AppError('NOT_FOUND', '活动不存在或已被删除')
      const key = signupKey(signup)
      const existing = await db.findById(C.signups, key)
      if (existing) return { outcome: 'duplicate', signup: fromDoc<Signup>(existing) }

      const seated = await db.update(C.events, { _id: event.id, taken: db._.lt(event.capacity) }, { taken: db._.inc(1) }) === 1
      if (!seated && !event.waitlistEnabled) return { outcome: 'full', signup: null }

      const stored: Signup = { ...signup, status: seated ? 'confirmed' : 'waitlisted' }
      if (!(await db.insert(C.signups, key, stored))) {
        if (seated) await db.update(C.events, { _id: event.id }, { taken: db._.inc(-1) })
        const winner = await db.findById(C.signups, key)
        return { outcome: 'duplicate', signup: winner ? fromDoc<Signup>(winner) : null }
      }
      return { outcome: seated ? 'confirmed' : 'waitlisted', signup: stored }
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
