import * as tcb from '@cloudbase/node-sdk'
import type { Message, Signup } from '../../../core/types'
import type { OfferPolicy } from '../../../core/volunteer/offers'
import type { Store } from '../../ports/store'
import { createCloudbaseStore } from './index'
import { aMessage, aResponse, aSignup, aTicket, aTicketEvent, aUser, anEvent, useFakeCloudbase } from './testing/test-support'

const t = useFakeCloudbase()

const T0 = '2025-03-01T08:00:00.000Z'
/** `s` seconds after T0. */
const T = (s: number): string => new Date(Date.parse(T0) + s * 1000).toISOString()
const noOffers: OfferPolicy = { now: T0, offerUntil: null }
const offersUntil = (until: string, now = T0): OfferPolicy => ({ now, offerUntil: until })
const note = (s: Signup): Message => aMessage({ id: `m-offer-${s.id}-${s.version}`, userId: s.userId, ticketId: null, eventId: s.eventId })
const waiting = (userId: string, second: number): Signup => aSignup({ userId, status: 'waitlisted', createdAt: T(second) })
const offeredOf = (s: Signup, until: string): Signup => ({ ...s, status: 'offered', offerExpiresAt: until, version: s.version + 1 })
const eventWrites = () => t.fake.calls.filter((c) => c.collection.endsWith('events') && c.action === 'database.modifyDocument')

/** Another store on the same fake whose collections carry `prefix`: a clean world per crash scenario. */
const storeAt = (prefix: string): Store =>
  createCloudbaseStore({ app: tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' }), collectionPrefix: prefix })

/** What the seat invariant says of a world: holders ≤ taken ≤ capacity (a seat may be counted for nobody, never the reverse). */
const seatsOf = (prefix: string) => {
  const [event] = t.fake.docs(`${prefix}events`)
  const signups = t.fake.docs(`${prefix}signups`) as unknown as Signup[]
  const holders = signups.filter((s) => s.status === 'confirmed' || s.status === 'offered').length
  return { taken: Number(event.taken), capacity: Number(event.capacity), holders }
}

/** Requests a clean run of `run` sends on a fresh world. */
async function requestCount (run: () => Promise<unknown>): Promise<number> {
  const before = t.fake.calls.length
  await run()
  return t.fake.calls.length - before
}

describe('CloudBase store: takeSeat', () => {
  it('counts a seat with where({ _id, taken < capacity }).update({ taken: $inc 1 }), then adds the keyed signup', async () => {
    t.fake.seed('events', [anEvent({ capacity: 2 })])
    const res = await t.store.takeSeat(aSignup({ status: 'waitlisted', version: 9, noShow: true }))
    expect(res).toEqual({ outcome: 'confirmed', signup: aSignup() })
    expect(t.fake.actions()).toEqual(['database.getDocument events', 'database.getDocument signups', 'database.modifyDocument events', 'database.insertDocument signups'])
    expect(t.fake.calls[2]).toMatchObject({ query: { _id: 'e1', taken: { $lt: 2 } }, data: { $inc: { taken: 1 } } })
    expect(t.fake.docs('signups')).toEqual([{ ...aSignup(), _id: 'e1:u1' }])
    expect(t.fake.docs('events')[0].taken).toBe(1)
  })

  it('fills up, then waitlists when enabled, and says full when not', async () => {
    t.fake.seed('events', [anEvent({ capacity: 1, waitlistEnabled: true }), anEvent({ id: 'e2', capacity: 1, taken: 1 })])
    expect((await t.store.takeSeat(aSignup({ userId: 'u1' }))).outcome).toBe('confirmed')
    expect(await t.store.takeSeat(aSignup({ userId: 'u2' }))).toEqual({ outcome: 'waitlisted', signup: aSignup({ userId: 'u2', status: 'waitlisted' }) })
    expect(await t.store.takeSeat(aSignup({ eventId: 'e2', userId: 'u3' }))).toEqual({ outcome: 'full', signup: null })
    expect(t.fake.docs('events').map((e) => e.taken)).toEqual([1, 1])
    expect(t.fake.docs('signups').map((s) => s._id)).toEqual(['e1:u1', 'e1:u2'])
  })

  it('answers duplicate with the signup already held, without touching seats', async () => {
    t.fake.seed('events', [anEvent()])
    const first = await t.store.takeSeat(aSignup())
    t.fake.calls.length = 0
    expect(await t.store.takeSeat(aSignup({ createdAt: T(5) }))).toEqual({ outcome: 'duplicate', signup: first.signup })
    expect(t.fake.actions()).toEqual(['database.getDocument events', 'database.getDocument signups'])
  })

  it('gives the seat back when a concurrent double tap wrote the signup first, and answers that signup', async () => {
    t.fake.seed('events', [anEvent()])
    const other = aSignup({ createdAt: T(1) })
    t.fake.beforeNext('database.insertDocument', () => t.fake.seed('signups', [other]))
    expect(await t.store.takeSeat(aSignup())).toEqual({ outcome: 'duplicate', signup: other })
    expect(t.fake.calls.at(-2)).toMatchObject({ action: 'database.modifyDocument', query: { _id: 'e1' }, data: { $inc: { taken: -1 } } })
    expect(t.fake.docs('events')[0].taken).toBe(0)
  })

  it('refuses an unknown event with StoreError NOT_FOUND', async () => {
    await expect(t.store.takeSeat(aSignup({ eventId: 'nope' }))).rejects.toMatchObject({ name: 'StoreError', code: 'NOT_FOUND' })
  })

  it.each(['cancelled', 'lapsed'] as const)('re-seats a person whose signup was %s by compare-and-set on that signup’s status and version', async (status) => {
    t.fake.seed('events', [anEvent({ capacity: 2 })])
    t.fake.seed('signups', [aSignup({ status, version: 2 })])
    const stored = aSignup({ createdAt: T(60), version: 3 })
    expect(await t.store.takeSeat(aSignup({ createdAt: T(60) }))).toEqual({ outcome: 'confirmed', signup: stored })
    expect(t.fake.calls.at(-1)).toMatchObject({
      action: 'database.modifyDocument', collection: 'signups', query: { _id: 'e1:u1', status, version: 2 }, data: { $set: stored }
    })
    expect(t.fake.docs('signups')).toEqual([{ ...stored, _id: 'e1:u1' }])
    expect(t.fake.docs('events')[0].taken).toBe(1)
  })

  it('gives the seat back when the same person’s other request re-signed first, and answers that signup', async () => {
    t.fake.seed('events', [anEvent()])
    t.fake.seed('signups', [aSignup({ status: 'cancelled', version: 2 })])
    const other = aSignup({ createdAt: T(5), version: 3 })
    t.fake.beforeNext('database.modifyDocument', () => {}) // our seat
    t.fake.beforeNext('database.modifyDocument', () => t.fake.seed('signups', [other]))
    expect(await t.store.takeSeat(aSignup({ createdAt: T(6) }))).toEqual({ outcome: 'duplicate', signup: other })
    expect(t.fake.docs('events')[0].taken).toBe(0)
  })

  it('never counts fewer seats than signups hold, whatever request a crash stops it at', async () => {
    const seed = (p: string) => t.fake.seed(`${p}events`, [anEvent({ capacity: 1 })])
    seed('clean_')
    const total = await requestCount(() => storeAt('clean_').takeSeat(aSignup()))
    for (let n = 0; n < total; n++) {
      const p = `cut${n}_`
      seed(p)
      t.fake.cutAfter(n)
      await expect(storeAt(p).takeSeat(aSignup())).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
      t.fake.heal()
      const seats = seatsOf(p)
      expect(seats.holders).toBeLessThanOrEqual(seats.taken)
      expect(seats.taken).toBeLessThanOrEqual(seats.capacity)
    }
  })
})

describe('CloudBase store: cancelSignup and offers', () => {
  it('cancels by compare-and-set on the signup as read, then releases the seat when no offer is made', async () => {
    t.fake.seed('events', [anEvent({ taken: 1 })])
    t.fake.seed('signups', [aSignup()])
    const cancelled = aSignup({ status: 'cancelled', version: 2 })
    expect(await t.store.cancelSignup('e1', 'u1', noOffers, note)).toEqual({ cancelled, lapsed: [], offered: [] })
    expect(t.fake.actions()).toEqual([
      'database.getDocument events', 'database.getDocument signups', 'database.modifyDocument signups',
      'database.getDocument signups', 'database.modifyDocument events'
    ])
    expect(t.fake.calls[2]).toMatchObject({ query: { _id: 'e1:u1', status: 'confirmed', version: 1 }, data: { $set: cancelled } })
    expect(t.fake.calls[3]).toMatchObject({ query: { eventId: 'e1', status: { $in: ['offered'] } } })
    expect(t.fake.calls[4]).toMatchObject({ query: { _id: 'e1' }, data: { $inc: { taken: -1 } } })
    expect(t.fake.docs('events')[0].taken).toBe(0)
  })

  it('carries a freed seat to the first person waiting: the count never drops, so nobody can take it in between', async () => {
    t.fake.seed('events', [anEvent({ capacity: 1, taken: 1, waitlistEnabled: true })])
    t.fake.seed('signups', [aSignup(), waiting('u3', 2), waiting('u2', 1)])
    const offer = offeredOf(waiting('u2', 1), T(3600))
    expect(await t.store.cancelSignup('e1', 'u1', offersUntil(T(3600)), note)).toEqual({
      cancelled: aSignup({ status: 'cancelled', version: 2 }), lapsed: [], offered: [offer]
    })
    expect(t.fake.calls).toContainEqual(expect.objectContaining({
      collection: 'signups', query: { _id: 'e1:u2', status: 'waitlisted', version: 1 }, data: { $set: offer }
    }))
    expect(eventWrites()).toEqual([])
    expect(t.fake.docs('events')[0].taken).toBe(1)
    expect(t.fake.docs('messages')).toEqual([{ ...note(offer), _id: note(offer).id }])
    expect(t.fake.docs('signups').find((s) => s._id === 'e1:u3')?.status).toBe('waitlisted')
  })

  it('passes the seat to the next person when the first one moved meanwhile', async () => {
    t.fake.seed('events', [anEvent({ capacity: 1, taken: 1, waitlistEnabled: true })])
    t.fake.seed('signups', [aSignup(), waiting('u2', 1), waiting('u3', 2)])
    t.fake.beforeNext('database.modifyDocument', () => {}) // the cancel
    t.fake.beforeNext('database.modifyDocument', () => t.fake.seed('signups', [{ ...waiting('u2', 1), status: 'cancelled', version: 2 }]))
    const res = await t.store.cancelSignup('e1', 'u1', offersUntil(T(3600)), note)
    expect(res.offered).toEqual([offeredOf(waiting('u3', 2), T(3600))])
    expect(eventWrites()).toEqual([])
    expect(t.fake.docs('events')[0].taken).toBe(1)
  })

  it('touches no seat for a waitlisted signup, and answers cancelled null for none or a cancelled one', async () => {
    t.fake.seed('events', [anEvent({ taken: 2 })])
    t.fake.seed('signups', [aSignup({ status: 'waitlisted' }), aSignup({ userId: 'u2', status: 'cancelled', version: 2 })])
    const none = { cancelled: null, lapsed: [], offered: [] }
    expect(await t.store.cancelSignup('e1', 'u1', noOffers, note)).toEqual({ cancelled: aSignup({ status: 'cancelled', version: 2 }), lapsed: [], offered: [] })
    expect(await t.store.cancelSignup('e1', 'u2', noOffers, note)).toEqual(none)
    expect(await t.store.cancelSignup('e1', 'u3', noOffers, note)).toEqual(none)
    expect(eventWrites()).toEqual([])
    expect(t.fake.docs('events')[0].taken).toBe(2)
  })

  it('when a concurrent cancel got there first, answers cancelled null and gives back no second seat', async () => {
    t.fake.seed('events', [anEvent({ taken: 1 })])
    t.fake.seed('signups', [aSignup()])
    t.fake.beforeNext('database.modifyDocument', () => {
      t.fake.seed('signups', [aSignup({ status: 'cancelled', version: 2 })])
      t.fake.seed('events', [anEvent({ taken: 0 })])
    })
    expect(await t.store.cancelSignup('e1', 'u1', noOffers, note)).toEqual({ cancelled: null, lapsed: [], offered: [] })
    expect(t.fake.docs('events')[0].taken).toBe(0)
  })

  it('releases the seat it carries when a later step fails, and the next settleOffers offers it', async () => {
    t.fake.seed('events', [anEvent({ capacity: 1, taken: 1, waitlistEnabled: true })])
    t.fake.seed('signups', [aSignup(), waiting('u2', 1)])
    t.fake.beforeNext('database.modifyDocument', () => {}) // the cancel
    t.fake.beforeNext('database.modifyDocument', () => t.fake.failNext('database.modifyDocument', 'DATABASE_REQUEST_FAILED', 'busy')) // the offer
    await expect(t.store.cancelSignup('e1', 'u1', offersUntil(T(3600)), note)).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
    expect(t.fake.docs('events')[0].taken).toBe(0)
    expect(t.fake.docs('signups').map((s) => [s._id, s.status])).toEqual([['e1:u1', 'cancelled'], ['e1:u2', 'waitlisted']])
    expect((await t.store.settleOffers('e1', offersUntil(T(3600)), note)).offered).toEqual([offeredOf(waiting('u2', 1), T(3600))])
    expect(t.fake.docs('events')[0].taken).toBe(1)
  })

  it('never overbooks nor leaves an offer without its message after the next settle, whatever request a crash stops it at', async () => {
    const seed = (p: string) => {
      t.fake.seed(`${p}events`, [anEvent({ capacity: 1, taken: 1, waitlistEnabled: true })])
      t.fake.seed(`${p}signups`, [aSignup(), waiting('u2', 1), waiting('u3', 2)])
    }
    seed('clean_')
    const total = await requestCount(() => storeAt('clean_').cancelSignup('e1', 'u1', offersUntil(T(3600)), note))
    for (let n = 0; n < total; n++) {
      const p = `cut${n}_`
      seed(p)
      t.fake.cutAfter(n)
      await expect(storeAt(p).cancelSignup('e1', 'u1', offersUntil(T(3600)), note)).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
      t.fake.heal()
      await storeAt(p).settleOffers('e1', offersUntil(T(3600)), note)
      const seats = seatsOf(p)
      expect(seats.holders).toBeLessThanOrEqual(seats.taken)
      expect(seats.taken).toBeLessThanOrEqual(seats.capacity)
      const offers = (t.fake.docs(`${p}signups`) as unknown as Signup[]).filter((s) => s.status === 'offered')
      expect(offers.length).toBeLessThanOrEqual(1)
      expect(t.fake.docs(`${p}messages`).map((m) => m._id)).toEqual(offers.map((s) => note(s).id))
    }
  })
})

describe('CloudBase store: settleOffers and acceptOffer', () => {
  it('lapses an expired offer by compare-and-set and carries its seat to the next person', async () => {
    t.fake.seed('events', [anEvent({ capacity: 1, taken: 1, waitlistEnabled: true })])
    const offer = offeredOf(waiting('u2', 1), T(60))
    t.fake.seed('signups', [offer, waiting('u3', 2)])
    const lapsed: Signup = { ...offer, status: 'lapsed', version: offer.version + 1 }
    expect(await t.store.settleOffers('e1', offersUntil(T(3600), T(60)), note)).toEqual({ lapsed: [lapsed], offered: [offeredOf(waiting('u3', 2), T(3600))] })
    expect(t.fake.calls).toContainEqual(expect.objectContaining({ collection: 'signups', query: { _id: 'e1:u2', status: 'offered', version: 2 }, data: { $set: lapsed } }))
    expect(eventWrites()).toEqual([])
    expect(t.fake.docs('events')[0].taken).toBe(1)
  })

  it('writes each standing offer’s message again (the repair for one a crash lost), adding nothing when it is there', async () => {
    t.fake.seed('events', [anEvent({ capacity: 1, taken: 1, waitlistEnabled: true })])
    const offer = offeredOf(waiting('u2', 1), T(3600))
    t.fake.seed('signups', [offer])
    expect(await t.store.settleOffers('e1', offersUntil(T(7200), T(60)), note)).toEqual({ lapsed: [], offered: [] })
    expect(await t.store.settleOffers('e1', offersUntil(T(7200), T(60)), note)).toEqual({ lapsed: [], offered: [] })
    expect(t.fake.docs('messages')).toEqual([{ ...note(offer), _id: note(offer).id }])
  })

  it('counts a free seat before offering it, and gives it back when nobody can take it', async () => {
    t.fake.seed('events', [anEvent({ capacity: 2, taken: 1, waitlistEnabled: true })])
    t.fake.seed('signups', [waiting('u2', 1)])
    t.fake.beforeNext('database.modifyDocument', () => {}) // the seat
    t.fake.beforeNext('database.modifyDocument', () => t.fake.seed('signups', [{ ...waiting('u2', 1), status: 'cancelled', version: 2 }]))
    expect(await t.store.settleOffers('e1', offersUntil(T(3600)), note)).toEqual({ lapsed: [], offered: [] })
    expect(eventWrites().map((c) => [c.query, c.data])).toEqual([
      [{ _id: 'e1', taken: { $lt: 2 } }, { $inc: { taken: 1 } }],
      [{ _id: 'e1' }, { $inc: { taken: -1 } }]
    ])
    expect(t.fake.docs('events')[0].taken).toBe(1)
  })

  it('accepts by one compare-and-set on the offer, touching no seat', async () => {
    t.fake.seed('events', [anEvent({ taken: 1 })])
    const offer = offeredOf(aSignup({ status: 'waitlisted' }), T(60))
    t.fake.seed('signups', [offer])
    const accepted: Signup = { ...offer, status: 'confirmed', offerExpiresAt: null, version: offer.version + 1 }
    expect(await t.store.acceptOffer('e1', 'u1', T(30))).toEqual(accepted)
    expect(t.fake.actions()).toEqual(['database.getDocument signups', 'database.modifyDocument signups'])
    expect(t.fake.calls[1]).toMatchObject({ query: { _id: 'e1:u1', status: 'offered', version: 2 }, data: { $set: accepted } })
  })

  it('answers null when a lapse won the race for the offer', async () => {
    const offer = offeredOf(aSignup({ status: 'waitlisted' }), T(60))
    t.fake.seed('signups', [offer])
    t.fake.beforeNext('database.modifyDocument', () => t.fake.seed('signups', [{ ...offer, status: 'lapsed', version: 3 }]))
    expect(await t.store.acceptOffer('e1', 'u1', T(59))).toBeNull()
    expect(t.fake.docs('signups')[0].status).toBe('lapsed')
  })
})

describe('CloudBase store: updateSignup', () => {
  it('replaces the signup field by field on { _id, status, version }, so nested values never merge', async () => {
    const appeal = { at: T(100), reason: '我按时到了', resolvedAt: null }
    const s = aSignup({ version: 3, adjustments: [{ at: T(50), by: 'u9', field: 'earned', from: 2, to: 1, reason: '迟到' }] })
    t.fake.seed('signups', [s])
    const next: Signup = { ...s, appeal, adjustments: [], earnedHours: 1, version: 4 }
    expect(await t.store.updateSignup(next, 3)).toBe(true)
    expect(t.fake.calls[0]).toMatchObject({ query: { _id: 'e1:u1', status: 'confirmed', version: 3 }, data: { $set: next } })
    expect(Object.keys((t.fake.calls[0].data as { $set: object }).$set)).not.toContain('appeal.at')
    expect(t.fake.docs('signups')).toEqual([{ ...next, _id: 'e1:u1' }])
    expect(await t.store.updateSignup({ ...next, appeal: null, version: 5 }, 3)).toBe(false)
    expect(await t.store.updateSignup({ ...next, status: 'cancelled', version: 5 }, 4)).toBe(false)
    expect(t.fake.docs('signups')).toEqual([{ ...next, _id: 'e1:u1' }])
  })
})

describe('CloudBase store: cancelEvent', () => {
  const cancelNote = (s: Signup): Message => aMessage({ id: `m-event-cancelled-${s.id}-${s.version}`, userId: s.userId, ticketId: null, eventId: s.eventId })
  const seed = (p = '') => {
    t.fake.seed(`${p}events`, [anEvent({ capacity: 2, taken: 2, waitlistEnabled: true })])
    t.fake.seed(`${p}signups`, [aSignup(), aSignup({ userId: 'u2', createdAt: T(1) }), waiting('u3', 2), aSignup({ userId: 'u4', status: 'cancelled', version: 2 })])
  }
  const live = ['u1', 'u2', 'u3']

  it('commits on the event first, then per live signup writes its message, cancels it and releases its seat', async () => {
    seed()
    const res = await t.store.cancelEvent('e1', '暴雨红色预警', T(100), cancelNote)
    const after = anEvent({ capacity: 2, taken: 0, waitlistEnabled: true, status: 'cancelled', cancelReason: '暴雨红色预警', updatedAt: T(100) })
    expect(res?.event).toEqual(after)
    expect(res?.cancelled.map((s) => [s.userId, s.status, s.version])).toEqual([['u1', 'cancelled', 2], ['u2', 'cancelled', 2], ['u3', 'cancelled', 2]])
    expect(t.fake.calls[1]).toMatchObject({
      action: 'database.modifyDocument', collection: 'events', query: { _id: 'e1', status: 'published' },
      data: { $set: { status: 'cancelled', cancelReason: '暴雨红色预警', updatedAt: T(100) } }
    })
    expect(t.fake.calls[2]).toMatchObject({ collection: 'signups', query: { eventId: 'e1', status: { $in: ['confirmed', 'waitlisted', 'offered'] } } })
    expect(eventWrites().slice(1).map((c) => c.data)).toEqual([{ $inc: { taken: -1 } }, { $inc: { taken: -1 } }])
    expect(t.fake.docs('messages').map((m) => m.userId).sort()).toEqual(live)
    expect(t.fake.docs('signups').find((s) => s._id === 'e1:u4')?.version).toBe(2)
  })

  it('answers null for a missing or cancelled event', async () => {
    expect(await t.store.cancelEvent('nope', 'x', T(1), cancelNote)).toBeNull()
    t.fake.seed('events', [anEvent({ status: 'cancelled' })])
    expect(await t.store.cancelEvent('e1', 'x', T(1), cancelNote)).toBeNull()
    expect(eventWrites()).toEqual([])
  })

  it('leaves, whatever request a crash stops it at, what a second call finishes: every signup cancelled, every person told once', async () => {
    seed('clean_')
    const total = await requestCount(() => storeAt('clean_').cancelEvent('e1', '暴雨', T(100), cancelNote))
    for (let n = 0; n < total; n++) {
      const p = `cut${n}_`
      seed(p)
      t.fake.cutAfter(n)
      await expect(storeAt(p).cancelEvent('e1', '暴雨', T(100), cancelNote)).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
      t.fake.heal()
      const committed = t.fake.docs(`${p}events`)[0].status === 'cancelled'
      const again = await storeAt(p).cancelEvent('e1', '暴雨', T(200), cancelNote)
      expect(again === null).toBe(committed)
      expect(t.fake.docs(`${p}events`)[0].status).toBe('cancelled')
      expect(t.fake.docs(`${p}signups`).map((s) => s.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled'])
      expect(t.fake.docs(`${p}messages`).map((m) => m.userId).sort()).toEqual(live)
      const seats = seatsOf(p)
      expect(seats.taken).toBeGreaterThanOrEqual(0)
      expect(seats.taken).toBeLessThanOrEqual(2)
    }
  })
})

describe('CloudBase store: registerVolunteer', () => {
  const profile = {
    userId: 'u1', realName: '王小明', phone: '13800001234', homeGridId: 'g1', community: '清波社区',
    skills: ['环境保护' as const], volunteerNo: 'V2025000001', registeredAt: T0
  }

  it('adds the profile under the user id, then pushes the role with where({ _id, roles: $ne volunteer })', async () => {
    t.fake.seed('users', [aUser()])
    expect(await t.store.registerVolunteer(profile)).toEqual(profile)
    expect(t.fake.actions()).toEqual(['database.getDocument users', 'database.insertDocument volunteers', 'database.modifyDocument users'])
    expect(t.fake.calls[2]).toMatchObject({ query: { _id: 'u1', roles: { $ne: 'volunteer' } }, data: { $push: { roles: { $each: ['volunteer'] } } } })
    expect(t.fake.docs('volunteers')).toEqual([{ ...profile, _id: 'u1' }])
    expect(t.fake.docs('users')[0].roles).toEqual(['citizen', 'volunteer'])
  })

  it('adds the role on a later call when a crash came between the profile and the role, and answers the standing profile', async () => {
    t.fake.seed('users', [aUser()])
    t.fake.cutAfter(2)
    await expect(t.store.registerVolunteer(profile)).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
    t.fake.heal()
    expect(t.fake.docs('users')[0].roles).toEqual(['citizen'])
    expect(await t.store.registerVolunteer({ ...profile, volunteerNo: 'V2025000002' })).toEqual(profile)
    expect(t.fake.docs('users')[0].roles).toEqual(['citizen', 'volunteer'])
  })
})

describe('CloudBase store: putEvent keeps the seat count', () => {
  it('adds a new event, and on edit $sets every field except taken', async () => {
    await t.store.putEvent(anEvent())
    await t.store.takeSeat(aSignup())
    t.fake.calls.length = 0
    await t.store.putEvent(anEvent({ title: '改名了', taken: 0 }))
    expect(t.fake.actions()).toEqual(['database.insertDocument events', 'database.modifyDocument events'])
    expect(Object.keys(t.fake.calls[1].data as object)).toEqual(['$set'])
    expect((t.fake.calls[1].data as { $set: object }).$set).not.toHaveProperty('taken')
    expect(await t.store.getEvent('e1')).toEqual(anEvent({ title: '改名了', taken: 1 }))
  })
})

describe('CloudBase store: addResponse', () => {
  it('adds one response per person per survey under _id surveyId:userId', async () => {
    expect(await t.store.addResponse(aResponse())).toBe('added')
    expect(await t.store.addResponse(aResponse({ id: 'r2', answers: { q1: [1] } }))).toBe('duplicate')
    expect(await t.store.addResponse(aResponse({ id: 'r3', userId: 'u2' }))).toBe('added')
    expect(t.fake.docs('responses').map((r) => r._id)).toEqual(['sv1:u1', 'sv1:u2'])
  })
})

describe('CloudBase store: importTickets', () => {
  it('adds in batches of 100 (tickets, keys, events), and imported keys keep fileReport idempotent', async () => {
    const tickets = Array.from({ length: 150 }, (_, i) => aTicket({ id: `t${i}`, clientRequestId: `req-${i}` }))
    await t.store.importTickets(tickets, tickets.map((x) => aTicketEvent({ id: `te-${x.id}`, ticketId: x.id })))
    expect(t.fake.calls.map((c) => `${c.collection}:${(c.data as unknown[]).length}`)).toEqual([
      'tickets:100', 'tickets:50', 'ticket_keys:100', 'ticket_keys:50', 'ticket_events:100', 'ticket_events:50'
    ])
    expect(t.fake.calls[2].data).toContainEqual({ _id: 'u1:req-7', ticketId: 't7', at: aTicket().createdAt, state: 'admitted' })
    const again = await t.store.fileReport({
      ticket: aTicket({ id: 'new', clientRequestId: 'req-7' }), event: aTicketEvent({ id: 'te-new' }),
      rate: { keys: ['k'], admit: () => true }, photoReviews: [], messages: []
    })
    expect(again).toEqual({ outcome: 'existing', ticket: aTicket({ id: 't7', clientRequestId: 'req-7' }) })
    expect(t.fake.docs('counters')).toEqual([])
  })

  it('fails loudly on an id that already exists', async () => {
    t.fake.seed('tickets', [aTicket()])
    await expect(t.store.importTickets([aTicket()], [])).rejects.toThrow(/DATABASE_DUPLICATE_WRITE/)
  })
})
