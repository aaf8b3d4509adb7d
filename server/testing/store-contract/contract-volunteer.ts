import type { Message, Signup } from '../../../core/types'
import type { OfferPolicy } from '../../../core/volunteer/offers'
import { signupId } from '../../../core/volunteer/seats'
import { isStoreError } from '../../ports/errors'
import type { SeatOutcome, Store } from '../../ports/store'
import { aMessage, aSignup, aVolunteerEvent, isoAt } from '../../../core/testing/builders'
import { byString, ids, readAllPages } from './pages'

const count = (outcomes: SeatOutcome[], o: SeatOutcome): number => outcomes.filter((x) => x === o).length

/** No offers now (the event day, or no waitlist): a freed seat is simply free. */
const freeSeats = (now = isoAt(0)): OfferPolicy => ({ now, offerUntil: null })
/** Offers made now hold until `until`. */
const offersUntil = (until: string, now = isoAt(0)): OfferPolicy => ({ now, offerUntil: until })

// The messages handlers pass: ids per signup and version, so a store that writes one twice adds it once.
const offerNote = (s: Signup): Message =>
  aMessage({ id: `m-offer-${s.id}-${s.version}`, userId: s.userId, eventId: s.eventId, title: '候补转正：请确认参加', at: isoAt(0) })
const cancelNote = (s: Signup): Message =>
  aMessage({ id: `m-event-cancelled-${s.id}-${s.version}`, userId: s.userId, eventId: s.eventId, title: '活动已取消', at: isoAt(0) })

const cancelledOf = (s: Signup): Signup => ({ ...s, status: 'cancelled', offerExpiresAt: null, version: s.version + 1 })
const offeredOf = (s: Signup, until: string): Signup => ({ ...s, status: 'offered', offerExpiresAt: until, version: s.version + 1 })

export function volunteerContract (store: () => Store): void {
  const join = (eventId: string, userId: string, minute = 0) => store().takeSeat(aSignup({ eventId, userId, createdAt: isoAt(minute) }))
  const signupsOf = async (eventId: string): Promise<Signup[]> => (await store().listSignups({ eventId, limit: 100 })).items
  const signupOf = async (eventId: string, userId: string): Promise<Signup> => {
    const s = await store().getSignup(eventId, userId)
    if (s === null) throw new Error(`no signup of ${userId} for ${eventId}`)
    return s
  }
  const messageIds = async (userId: string): Promise<string[]> =>
    (await store().listMessages({ userId, limit: 100 })).items.map((m) => m.id).sort(byString)
  /** `taken` counts exactly the signups holding a seat (confirmed and offered), never more than capacity. */
  const expectSeatsHeld = async (eventId: string, n: number): Promise<void> => {
    const event = await store().getEvent(eventId)
    const holders = (await signupsOf(eventId)).filter((s) => s.status === 'confirmed' || s.status === 'offered')
    expect({ taken: event?.taken, holders: holders.length }).toEqual({ taken: n, holders: n })
    expect(n).toBeLessThanOrEqual(event?.capacity ?? -1)
  }
  /** An event of `capacity` seats with the `seated` people confirmed, then the `waiting` ones (arriving at the minute given). */
  const eventWith = async (capacity: number, seated: string[], waiting: Array<[string, number]>) => {
    const event = aVolunteerEvent({ capacity, waitlistEnabled: true })
    await store().putEvent(event)
    for (const u of seated) expect((await join(event.id, u)).outcome).toBe('confirmed')
    for (const [u, m] of waiting) expect((await join(event.id, u, m)).outcome).toBe('waitlisted')
    return event
  }
  const expectNotFound = async (p: Promise<unknown>): Promise<void> => {
    const err: unknown = await p.then(() => null, (e: unknown) => e)
    expect(isStoreError(err)).toBe(true)
    expect(err).toMatchObject({ code: 'NOT_FOUND' })
  }

  describe('volunteer events', () => {
    it('round-trips an event, upserts by id and returns null for a missing one', async () => {
      const event = aVolunteerEvent({ location: null, gridId: null })
      await store().putEvent(event)
      expect(await store().getEvent(event.id)).toEqual(event)
      await store().putEvent({ ...event, title: '改期后的活动', requiredTrainings: ['应急救援'], servedCount: 40 })
      expect(await store().getEvent(event.id)).toEqual({ ...event, title: '改期后的活动', requiredTrainings: ['应急救援'], servedCount: 40 })
      expect(await store().getEvent('event-missing')).toBeNull()
      expect((await store().listEvents({})).items).toHaveLength(1)
    })

    it('edits every field but taken, which only the seat methods change', async () => {
      const event = aVolunteerEvent({ capacity: 5 })
      await store().putEvent(event)
      await join(event.id, 'vol-a')
      await store().putEvent({ ...event, title: '新标题', location: { lng: 120.2, lat: 30.3 }, taken: 0 })
      expect(await store().getEvent(event.id)).toEqual({ ...event, title: '新标题', location: { lng: 120.2, lat: 30.3 }, taken: 1 })
    })

    it('lists events by start time, paged, from a given time on', async () => {
      const starts: Array<[string, number]> = [['ev-c', 30], ['ev-a', 10], ['ev-d', 30], ['ev-b', 20]]
      for (const [id, m] of starts) await store().putEvent(aVolunteerEvent({ id, startAt: isoAt(m) }))
      const pages = await readAllPages((cursor) => store().listEvents({ cursor, limit: 3 }))
      expect(pages.map(ids)).toEqual([['ev-a', 'ev-b', 'ev-c'], ['ev-d']])
      expect(ids((await store().listEvents({ fromIso: isoAt(20) })).items)).toEqual(['ev-b', 'ev-c', 'ev-d'])
    })

    it('lists events starting before toIso, and an organiser’s own', async () => {
      const plan: Array<[string, number, string]> = [['ev-a', 10, 'org-1'], ['ev-b', 20, 'org-2'], ['ev-c', 30, 'org-1'], ['ev-d', 40, 'org-1']]
      for (const [id, m, organizerId] of plan) await store().putEvent(aVolunteerEvent({ id, startAt: isoAt(m), organizerId }))
      expect(ids((await store().listEvents({ toIso: isoAt(30) })).items)).toEqual(['ev-a', 'ev-b'])
      expect(ids((await store().listEvents({ fromIso: isoAt(20), toIso: isoAt(40) })).items)).toEqual(['ev-b', 'ev-c'])
      expect(ids((await store().listEvents({ organizerId: 'org-1' })).items)).toEqual(['ev-a', 'ev-c', 'ev-d'])
      const pages = await readAllPages((cursor) => store().listEvents({ organizerId: 'org-1', fromIso: isoAt(20), cursor, limit: 1 }))
      expect(pages.map(ids)).toEqual([['ev-c'], ['ev-d']])
      expect((await store().listEvents({ organizerId: 'org-none' })).items).toEqual([])
    })
  })

  describe('signups: takeSeat', () => {
    const tenConcurrent = async (eventId: string) => Promise.all(
      Array.from({ length: 10 }, (_, i) => join(eventId, `vol-${i}`, i)))

    it('confirms 3 of 10 concurrent signups for 3 seats and waitlists the rest', async () => {
      const event = aVolunteerEvent({ capacity: 3, waitlistEnabled: true })
      await store().putEvent(event)
      const results = await tenConcurrent(event.id)
      const outcomes = results.map((r) => r.outcome)
      expect(count(outcomes, 'confirmed')).toBe(3)
      expect(count(outcomes, 'waitlisted')).toBe(7)
      await expectSeatsHeld(event.id, 3)
      for (const r of results) expect(r.signup?.status).toBe(r.outcome)
      const stored = await signupsOf(event.id)
      expect(stored).toHaveLength(10)
      const returned = results.map((r) => r.signup).filter((s): s is Signup => s !== null)
      expect([...stored].sort((x, y) => byString(x.id, y.id))).toEqual([...returned].sort((x, y) => byString(x.id, y.id)))
    })

    it('answers full to the rest when the waitlist is off', async () => {
      const event = aVolunteerEvent({ capacity: 3, waitlistEnabled: false })
      await store().putEvent(event)
      const results = await tenConcurrent(event.id)
      const outcomes = results.map((r) => r.outcome)
      expect(count(outcomes, 'confirmed')).toBe(3)
      expect(count(outcomes, 'full')).toBe(7)
      for (const r of results.filter((x) => x.outcome === 'full')) expect(r.signup).toBeNull()
      await expectSeatsHeld(event.id, 3)
      expect(await signupsOf(event.id)).toHaveLength(3)
    })

    it('stores a fresh signup under the (event, person) id with the status it decided, whatever the input said', async () => {
      const event = aVolunteerEvent({ capacity: 1 })
      await store().putEvent(event)
      const input = aSignup({ eventId: event.id, userId: 'vol-a', status: 'waitlisted', version: 7, noShow: true, earnedHours: 3 })
      const result = await store().takeSeat(input)
      expect(result).toEqual({ outcome: 'confirmed', signup: aSignup({ eventId: event.id, userId: 'vol-a', status: 'confirmed', version: 1 }) })
      expect(result.signup?.id).toBe(signupId(event.id, 'vol-a'))
      expect(await signupsOf(event.id)).toEqual([result.signup])
      expect(await store().getSignup(event.id, 'vol-a')).toEqual(result.signup)
      expect(await store().getSignup(event.id, 'vol-none')).toBeNull()
    })

    it('answers duplicate with the existing signup when the person already holds one', async () => {
      const event = aVolunteerEvent({ capacity: 1, waitlistEnabled: true })
      await store().putEvent(event)
      const first = await join(event.id, 'vol-a')
      expect(await join(event.id, 'vol-a')).toEqual({ outcome: 'duplicate', signup: first.signup })
      const waiting = await join(event.id, 'vol-b')
      expect(waiting.outcome).toBe('waitlisted')
      expect(await join(event.id, 'vol-b')).toEqual({ outcome: 'duplicate', signup: waiting.signup })
      await expectSeatsHeld(event.id, 1)
      expect(await signupsOf(event.id)).toHaveLength(2)
    })

    it('gives one signup to one person tapping five times at once', async () => {
      const event = aVolunteerEvent({ capacity: 3 })
      await store().putEvent(event)
      const results = await Promise.all(Array.from({ length: 5 }, () => join(event.id, 'vol-a')))
      expect(count(results.map((r) => r.outcome), 'confirmed')).toBe(1)
      expect(count(results.map((r) => r.outcome), 'duplicate')).toBe(4)
      for (const r of results) expect(r.signup).toEqual(results[0].signup)
      await expectSeatsHeld(event.id, 1)
    })

    it('rejects a signup for a missing event with StoreError NOT_FOUND', async () => {
      await expectNotFound(store().takeSeat(aSignup({ eventId: 'event-missing' })))
      expect((await store().listSignups({ eventId: 'event-missing' })).items).toEqual([])
    })

    it('lets a person whose offer lapsed sign up again, at the end of the waitlist', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-b', 1], ['vol-c', 2]])
      await store().cancelSignup(event.id, 'vol-a', offersUntil(isoAt(60)), offerNote)
      await store().settleOffers(event.id, offersUntil(isoAt(120), isoAt(60)), offerNote)
      const lapsed = await signupOf(event.id, 'vol-b')
      expect(lapsed.status).toBe('lapsed')
      const again = await join(event.id, 'vol-b', 70)
      expect(again).toEqual({
        outcome: 'waitlisted',
        signup: { ...aSignup({ eventId: event.id, userId: 'vol-b', createdAt: isoAt(70), status: 'waitlisted' }), version: lapsed.version + 1 }
      })
      expect((await signupOf(event.id, 'vol-c')).status).toBe('offered')
      await expectSeatsHeld(event.id, 1)
    })
  })

  describe('signups: cancelSignup', () => {
    it('cancels the live signup and gives its seat back; take, cancel, take again re-seats the person on a new version', async () => {
      const event = aVolunteerEvent({ capacity: 1, waitlistEnabled: false })
      await store().putEvent(event)
      const first = await join(event.id, 'vol-a', 1)
      expect(first.outcome).toBe('confirmed')
      expect((await join(event.id, 'vol-b')).outcome).toBe('full')

      const cancelled = cancelledOf(first.signup as Signup)
      expect(await store().cancelSignup(event.id, 'vol-a', freeSeats(), offerNote)).toEqual({ cancelled, lapsed: [], offered: [] })
      await expectSeatsHeld(event.id, 0)
      expect(await signupsOf(event.id)).toEqual([cancelled])

      const again = await join(event.id, 'vol-a', 2)
      expect(again).toEqual({
        outcome: 'confirmed',
        signup: { ...aSignup({ eventId: event.id, userId: 'vol-a', createdAt: isoAt(2) }), version: cancelled.version + 1 }
      })
      expect(await signupsOf(event.id)).toEqual([again.signup])
      await expectSeatsHeld(event.id, 1)
      expect(await join(event.id, 'vol-a')).toEqual({ outcome: 'duplicate', signup: again.signup })
    })

    it('frees the seat for someone else when nobody waits', async () => {
      const event = aVolunteerEvent({ capacity: 1, waitlistEnabled: false })
      await store().putEvent(event)
      await join(event.id, 'vol-a')
      await store().cancelSignup(event.id, 'vol-a', freeSeats(), offerNote)
      expect((await join(event.id, 'vol-b')).outcome).toBe('confirmed')
      await expectSeatsHeld(event.id, 1)
    })

    it('offers a cancelled seat to the first person waiting, in arrival order, with the offer message, seats unchanged', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-c', 3], ['vol-b', 2], ['vol-d', 2]])
      const a = await signupOf(event.id, 'vol-a')
      const b = await signupOf(event.id, 'vol-b')
      const result = await store().cancelSignup(event.id, 'vol-a', offersUntil(isoAt(24 * 60), isoAt(10)), offerNote)
      const offer = offeredOf(b, isoAt(24 * 60))
      expect(result).toEqual({ cancelled: cancelledOf(a), lapsed: [], offered: [offer] })
      expect(await store().getSignup(event.id, 'vol-a')).toEqual(cancelledOf(a))
      expect(result.cancelled?.version).toBe(2)
      expect(await store().getSignup(event.id, 'vol-b')).toEqual(offer)
      expect((await signupOf(event.id, 'vol-c')).status).toBe('waitlisted')
      expect((await signupOf(event.id, 'vol-d')).status).toBe('waitlisted')
      await expectSeatsHeld(event.id, 1)
      expect(await messageIds('vol-b')).toEqual([offerNote(offer).id])
      expect((await store().listMessages({ userId: 'vol-b' })).items).toEqual([offerNote(offer)])
      expect(await messageIds('vol-c')).toEqual([])
      expect(await messageIds('vol-d')).toEqual([])
    })

    it('passes a cancelled offer’s seat on to the next person (equal arrival times in id order)', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-c', 3], ['vol-b', 2], ['vol-d', 2]])
      await store().cancelSignup(event.id, 'vol-a', offersUntil(isoAt(24 * 60)), offerNote)
      const b = await signupOf(event.id, 'vol-b')
      const d = await signupOf(event.id, 'vol-d')
      const result = await store().cancelSignup(event.id, 'vol-b', offersUntil(isoAt(25 * 60), isoAt(30)), offerNote)
      expect(result).toEqual({ cancelled: cancelledOf(b), lapsed: [], offered: [offeredOf(d, isoAt(25 * 60))] })
      expect((await signupOf(event.id, 'vol-c')).status).toBe('waitlisted')
      await expectSeatsHeld(event.id, 1)
      expect(await messageIds('vol-d')).toEqual([offerNote(offeredOf(d, isoAt(25 * 60))).id])
    })

    it('frees the seat instead when no offer is made now (offerUntil null): the waiting stay waiting', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-b', 1]])
      const result = await store().cancelSignup(event.id, 'vol-a', freeSeats(isoAt(10)), offerNote)
      expect(result.offered).toEqual([])
      expect(result.cancelled?.status).toBe('cancelled')
      await expectSeatsHeld(event.id, 0)
      expect((await signupOf(event.id, 'vol-b')).status).toBe('waitlisted')
      expect(await messageIds('vol-b')).toEqual([])
      expect((await join(event.id, 'vol-z', 20)).outcome).toBe('confirmed')
      await expectSeatsHeld(event.id, 1)
    })

    it('cancels a waitlisted signup without touching the seats or offering anything', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-b', 1], ['vol-c', 2]])
      const b = await signupOf(event.id, 'vol-b')
      expect(await store().cancelSignup(event.id, 'vol-b', offersUntil(isoAt(60)), offerNote)).toEqual({ cancelled: cancelledOf(b), lapsed: [], offered: [] })
      await expectSeatsHeld(event.id, 1)
      expect((await signupOf(event.id, 'vol-c')).status).toBe('waitlisted')
    })

    it('answers cancelled null when there is nothing to cancel, and rejects a missing event with NOT_FOUND', async () => {
      const event = aVolunteerEvent()
      await store().putEvent(event)
      const none = { cancelled: null, lapsed: [], offered: [] }
      expect(await store().cancelSignup(event.id, 'vol-never', freeSeats(), offerNote)).toEqual(none)
      await join(event.id, 'vol-a')
      expect((await store().cancelSignup(event.id, 'vol-a', freeSeats(), offerNote)).cancelled).not.toBeNull()
      expect(await store().cancelSignup(event.id, 'vol-a', freeSeats(), offerNote)).toEqual(none)
      await expectSeatsHeld(event.id, 0)
      await expectNotFound(store().cancelSignup('event-missing', 'vol-a', freeSeats(), offerNote))
    })

    it('lapses expired offers while cancelling, and passes their seats on', async () => {
      const event = await eventWith(2, ['vol-a', 'vol-b'], [['vol-c', 1], ['vol-d', 2], ['vol-e', 3]])
      await store().cancelSignup(event.id, 'vol-a', offersUntil(isoAt(60)), offerNote)
      const c = await signupOf(event.id, 'vol-c')
      const d = await signupOf(event.id, 'vol-d')
      const e = await signupOf(event.id, 'vol-e')
      const result = await store().cancelSignup(event.id, 'vol-b', offersUntil(isoAt(180), isoAt(60)), offerNote)
      expect(result.lapsed).toEqual([{ ...c, status: 'lapsed', version: c.version + 1 }])
      expect(result.offered).toEqual([offeredOf(d, isoAt(180)), offeredOf(e, isoAt(180))])
      await expectSeatsHeld(event.id, 2)
    })

    it('makes exactly N offers for N concurrent cancellations, each to a different person, in arrival order', async () => {
      const waiting: Array<[string, number]> = Array.from({ length: 6 }, (_, i) => [`w-${i}`, i + 1])
      const event = await eventWith(3, ['vol-0', 'vol-1', 'vol-2'], waiting)
      const results = await Promise.all(['vol-0', 'vol-1', 'vol-2'].map((u) =>
        store().cancelSignup(event.id, u, offersUntil(isoAt(24 * 60), isoAt(10)), offerNote)))
      for (const r of results) expect(r.cancelled?.status).toBe('cancelled')
      const offered = results.flatMap((r) => r.offered)
      expect(offered.map((s) => s.userId).sort(byString)).toEqual(['w-0', 'w-1', 'w-2'])
      for (const s of offered) expect(await store().getSignup(event.id, s.userId)).toEqual(s)
      for (const u of ['w-3', 'w-4', 'w-5']) expect((await signupOf(event.id, u)).status).toBe('waitlisted')
      await expectSeatsHeld(event.id, 3)
      for (const s of offered) expect(await messageIds(s.userId)).toEqual([offerNote(s).id])
      expect(await messageIds('w-3')).toEqual([])
    })

    it('keeps taken equal to the seat holders through concurrent takes, cancels and offers', async () => {
      const event = aVolunteerEvent({ capacity: 3, waitlistEnabled: true })
      await store().putEvent(event)
      const people = ['vol-0', 'vol-1', 'vol-2', 'vol-3', 'vol-4']
      /** taken = holders ≤ capacity at every rest point; a seat freed while a double tap settled is offered by the next settle. */
      const consistentThenSettled = async () => {
        const stored = await store().getEvent(event.id)
        const holders = (await signupsOf(event.id)).filter((s) => s.status === 'confirmed' || s.status === 'offered').length
        expect(stored?.taken).toBe(holders)
        expect(holders).toBeLessThanOrEqual(3)
        await store().settleOffers(event.id, offersUntil(isoAt(60)), offerNote)
        await expectSeatsHeld(event.id, 3)
      }

      await Promise.all(people.map((u, i) => join(event.id, u, i)))
      await expectSeatsHeld(event.id, 3)
      await Promise.all(['vol-0', 'vol-1', 'vol-2', 'vol-3'].map((u) => store().cancelSignup(event.id, u, offersUntil(isoAt(60)), offerNote)))
      await expectSeatsHeld(event.id, 1)
      expect((await signupOf(event.id, 'vol-4')).status).not.toBe('waitlisted')
      const again = await Promise.all(['vol-0', 'vol-0', 'vol-1', 'vol-2', 'vol-3'].map((u) => join(event.id, u, 10)))
      expect(again.filter((r) => r.outcome === 'duplicate')).toHaveLength(1)
      await consistentThenSettled()
      await Promise.all([
        store().cancelSignup(event.id, 'vol-0', offersUntil(isoAt(60)), offerNote),
        store().cancelSignup(event.id, 'vol-4', offersUntil(isoAt(60)), offerNote),
        join(event.id, 'vol-5', 20),
        store().settleOffers(event.id, offersUntil(isoAt(60)), offerNote)
      ])
      await consistentThenSettled()
      const live = (await signupsOf(event.id)).filter((s) => s.status !== 'cancelled')
      expect(live.map((s) => s.userId).sort(byString)).toEqual(['vol-1', 'vol-2', 'vol-3', 'vol-5'])
    })
  })

  describe('offers: settleOffers and acceptOffer', () => {
    it('lapses an expired offer and offers the seat to the next person, exactly once', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-b', 1], ['vol-c', 2]])
      await store().cancelSignup(event.id, 'vol-a', offersUntil(isoAt(60), isoAt(10)), offerNote)
      const b = await signupOf(event.id, 'vol-b')
      const c = await signupOf(event.id, 'vol-c')
      expect(b.status).toBe('offered')
      expect(await store().settleOffers(event.id, offersUntil(isoAt(100), isoAt(59)), offerNote)).toEqual({ lapsed: [], offered: [] })
      expect(await store().getSignup(event.id, 'vol-b')).toEqual(b)

      const settled = await store().settleOffers(event.id, offersUntil(isoAt(120), isoAt(60)), offerNote)
      const lapsed: Signup = { ...b, status: 'lapsed', version: b.version + 1 }
      const offer = offeredOf(c, isoAt(120))
      expect(settled).toEqual({ lapsed: [lapsed], offered: [offer] })
      expect(await store().getSignup(event.id, 'vol-b')).toEqual(lapsed)
      expect(await store().getSignup(event.id, 'vol-c')).toEqual(offer)
      await expectSeatsHeld(event.id, 1)
      expect(await messageIds('vol-c')).toEqual([offerNote(offer).id])

      const rows = await signupsOf(event.id)
      expect(await store().settleOffers(event.id, offersUntil(isoAt(120), isoAt(60)), offerNote)).toEqual({ lapsed: [], offered: [] })
      expect(await signupsOf(event.id)).toEqual(rows)
      await expectSeatsHeld(event.id, 1)
      expect(await messageIds('vol-c')).toEqual([offerNote(offer).id])
      expect(await messageIds('vol-b')).toEqual([offerNote(b).id])
    })

    it('frees the seat when the last offer lapses and nobody waits (a lapsed person is not offered again)', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-b', 1]])
      await store().cancelSignup(event.id, 'vol-a', offersUntil(isoAt(60)), offerNote)
      const settled = await store().settleOffers(event.id, offersUntil(isoAt(200), isoAt(100)), offerNote)
      expect(settled.lapsed.map((s) => s.userId)).toEqual(['vol-b'])
      expect(settled.offered).toEqual([])
      await expectSeatsHeld(event.id, 0)
    })

    it('lapses expired offers but makes none when offerUntil is null', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-b', 1], ['vol-c', 2]])
      await store().cancelSignup(event.id, 'vol-a', offersUntil(isoAt(60)), offerNote)
      const settled = await store().settleOffers(event.id, freeSeats(isoAt(60)), offerNote)
      expect(settled.lapsed.map((s) => [s.userId, s.status])).toEqual([['vol-b', 'lapsed']])
      expect(settled.offered).toEqual([])
      expect((await signupOf(event.id, 'vol-c')).status).toBe('waitlisted')
      await expectSeatsHeld(event.id, 0)
      expect(await messageIds('vol-c')).toEqual([])
    })

    it('offers free seats to those waiting, in arrival order (the capacity was raised)', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-d', 3], ['vol-b', 1], ['vol-c', 2]])
      await store().putEvent({ ...event, capacity: 3 })
      const b = await signupOf(event.id, 'vol-b')
      const c = await signupOf(event.id, 'vol-c')
      const settled = await store().settleOffers(event.id, offersUntil(isoAt(60)), offerNote)
      expect(settled).toEqual({ lapsed: [], offered: [offeredOf(b, isoAt(60)), offeredOf(c, isoAt(60))] })
      expect((await signupOf(event.id, 'vol-d')).status).toBe('waitlisted')
      await expectSeatsHeld(event.id, 3)
    })

    it('offers each free seat once when settled concurrently', async () => {
      const waiting: Array<[string, number]> = Array.from({ length: 5 }, (_, i) => [`w-${i}`, i + 1])
      const event = await eventWith(1, ['vol-a'], waiting)
      await store().putEvent({ ...event, capacity: 3 })
      const results = await Promise.all(Array.from({ length: 4 }, () => store().settleOffers(event.id, offersUntil(isoAt(60)), offerNote)))
      const offered = results.flatMap((r) => r.offered)
      expect(offered.map((s) => s.userId).sort(byString)).toEqual(['w-0', 'w-1'])
      await expectSeatsHeld(event.id, 3)
    })

    it('rejects settling a missing event with NOT_FOUND', async () => {
      await expectNotFound(store().settleOffers('event-missing', offersUntil(isoAt(60)), offerNote))
    })

    it('accepts an unexpired offer once: the held seat becomes the person’s', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-b', 1]])
      await store().cancelSignup(event.id, 'vol-a', offersUntil(isoAt(60)), offerNote)
      const offer = await signupOf(event.id, 'vol-b')
      const accepted = await store().acceptOffer(event.id, 'vol-b', isoAt(30))
      expect(accepted).toEqual({ ...offer, status: 'confirmed', offerExpiresAt: null, version: offer.version + 1 })
      expect(await store().getSignup(event.id, 'vol-b')).toEqual(accepted)
      await expectSeatsHeld(event.id, 1)
      expect(await store().acceptOffer(event.id, 'vol-b', isoAt(31))).toBeNull()
      expect(await store().settleOffers(event.id, offersUntil(isoAt(200), isoAt(100)), offerNote)).toEqual({ lapsed: [], offered: [] })
      expect(await store().getSignup(event.id, 'vol-b')).toEqual(accepted)
    })

    it('accepts nothing after the expiry, for a waiting person, or with no signup', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-b', 1], ['vol-c', 2]])
      await store().cancelSignup(event.id, 'vol-a', offersUntil(isoAt(60)), offerNote)
      const offer = await signupOf(event.id, 'vol-b')
      expect(await store().acceptOffer(event.id, 'vol-b', isoAt(60))).toBeNull()
      expect(await store().getSignup(event.id, 'vol-b')).toEqual(offer)
      expect(await store().acceptOffer(event.id, 'vol-c', isoAt(30))).toBeNull()
      expect(await store().acceptOffer(event.id, 'vol-a', isoAt(30))).toBeNull()
      expect(await store().acceptOffer(event.id, 'vol-none', isoAt(30))).toBeNull()
      expect(await store().acceptOffer('event-missing', 'vol-b', isoAt(30))).toBeNull()
      await expectSeatsHeld(event.id, 1)
    })

    it('lets exactly one of an accept and a lapse racing on the same offer win', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-b', 1], ['vol-c', 2]])
      await store().cancelSignup(event.id, 'vol-a', offersUntil(isoAt(60)), offerNote)
      const [accepted, settled] = await Promise.all([
        store().acceptOffer(event.id, 'vol-b', isoAt(59)),
        store().settleOffers(event.id, offersUntil(isoAt(120), isoAt(60)), offerNote)
      ])
      const b = await signupOf(event.id, 'vol-b')
      if (accepted !== null) {
        expect(b).toEqual(accepted)
        expect(settled).toEqual({ lapsed: [], offered: [] })
      } else {
        expect(b.status).toBe('lapsed')
        expect(settled.offered.map((s) => s.userId)).toEqual(['vol-c'])
      }
      await expectSeatsHeld(event.id, 1)
    })
  })

  describe('signups: updateSignup', () => {
    it('writes attendance and hours on the version read, and refuses a stale version', async () => {
      const event = aVolunteerEvent()
      await store().putEvent(event)
      const s = (await join(event.id, 'vol-a')).signup as Signup
      const checkedIn: Signup = { ...s, checkInAt: isoAt(7 * 24 * 60), checkInBy: 'qr', version: s.version + 1 }
      expect(await store().updateSignup(checkedIn, s.version)).toBe(true)
      expect(await store().getSignup(event.id, 'vol-a')).toEqual(checkedIn)

      expect(await store().updateSignup({ ...s, noShow: true, version: s.version + 1 }, s.version)).toBe(false)
      expect(await store().getSignup(event.id, 'vol-a')).toEqual(checkedIn)

      const hours: Signup = {
        ...checkedIn,
        checkOutAt: isoAt(7 * 24 * 60 + 120),
        checkOutBy: 'position',
        earnedHours: 1.5,
        manualHours: 0.5,
        hoursConfirmedAt: isoAt(7 * 24 * 60 + 180),
        hoursConfirmedBy: 'user-organizer',
        adjustments: [{ at: isoAt(7 * 24 * 60 + 170), by: 'user-organizer', field: 'earned', from: 2, to: 1.5, reason: '提前离场' }],
        appeal: { at: isoAt(7 * 24 * 60 + 200), reason: '我没有提前离场', resolvedAt: null },
        version: checkedIn.version + 1
      }
      expect(await store().updateSignup(hours, checkedIn.version)).toBe(true)
      expect(await store().getSignup(event.id, 'vol-a')).toEqual(hours)
      const resolved: Signup = { ...hours, appeal: null, adjustments: [], version: hours.version + 1 }
      expect(await store().updateSignup(resolved, hours.version)).toBe(true)
      expect(await store().getSignup(event.id, 'vol-a')).toEqual(resolved)
      expect(await signupsOf(event.id)).toEqual([resolved])
    })

    it('refuses a status change and a signup that does not exist', async () => {
      const event = aVolunteerEvent({ capacity: 1 })
      await store().putEvent(event)
      const s = (await join(event.id, 'vol-a')).signup as Signup
      expect(await store().updateSignup({ ...s, status: 'cancelled', version: s.version + 1 }, s.version)).toBe(false)
      expect(await store().getSignup(event.id, 'vol-a')).toEqual(s)
      await expectSeatsHeld(event.id, 1)
      expect(await store().updateSignup(aSignup({ eventId: event.id, userId: 'vol-none', version: 2 }), 1)).toBe(false)
      expect(await store().getSignup(event.id, 'vol-none')).toBeNull()
    })
  })

  describe('events: cancelEvent', () => {
    it('cancels every live signup, frees every seat and tells each person once; a second call answers null', async () => {
      const event = await eventWith(2, ['vol-a', 'vol-b'], [['vol-c', 1], ['vol-d', 2], ['vol-e', 3]])
      await store().cancelSignup(event.id, 'vol-b', offersUntil(isoAt(60)), offerNote)
      await store().cancelSignup(event.id, 'vol-e', freeSeats(), offerNote)
      const before = await store().getEvent(event.id)
      const live = (await signupsOf(event.id)).filter((s) => ['confirmed', 'waitlisted', 'offered'].includes(s.status))
      expect(live.map((s) => [s.userId, s.status])).toEqual([['vol-a', 'confirmed'], ['vol-c', 'offered'], ['vol-d', 'waitlisted']])
      const b = await signupOf(event.id, 'vol-b')
      const e = await signupOf(event.id, 'vol-e')

      const result = await store().cancelEvent(event.id, '暴雨红色预警', isoAt(100), cancelNote)
      const after = { ...before, status: 'cancelled', cancelReason: '暴雨红色预警', taken: 0, updatedAt: isoAt(100) }
      expect(result?.event).toEqual(after)
      expect(await store().getEvent(event.id)).toEqual(after)
      expect([...(result?.cancelled ?? [])].sort((x, y) => byString(x.id, y.id))).toEqual(live.map(cancelledOf))
      for (const s of live) expect(await store().getSignup(event.id, s.userId)).toEqual(cancelledOf(s))
      expect(await store().getSignup(event.id, 'vol-b')).toEqual(b)
      expect(await store().getSignup(event.id, 'vol-e')).toEqual(e)
      await expectSeatsHeld(event.id, 0)
      const told = async (userId: string) => (await messageIds(userId)).filter((id) => id.startsWith('m-event-cancelled'))
      for (const s of live) expect(await told(s.userId)).toEqual([cancelNote(cancelledOf(s)).id])
      expect(await told('vol-b')).toEqual([])
      expect(await told('vol-e')).toEqual([])
      expect(await store().waitlistLengths([event.id])).toEqual({ [event.id]: 0 })

      expect(await store().cancelEvent(event.id, '再次取消', isoAt(200), cancelNote)).toBeNull()
      expect(await store().getEvent(event.id)).toEqual(after)
      for (const s of live) expect(await told(s.userId)).toEqual([cancelNote(cancelledOf(s)).id])
    })

    it('cancels a draft event with no signups, and answers null for a missing one', async () => {
      const event = aVolunteerEvent({ status: 'draft' })
      await store().putEvent(event)
      expect(await store().cancelEvent(event.id, '计划调整', isoAt(5), cancelNote)).toEqual({
        event: { ...event, status: 'cancelled', cancelReason: '计划调整', updatedAt: isoAt(5) },
        cancelled: []
      })
      expect(await store().cancelEvent('event-missing', '计划调整', isoAt(5), cancelNote)).toBeNull()
    })

    it('cancels an event with one cancelEvent winning among concurrent calls', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-b', 1]])
      const results = await Promise.all([1, 2, 3].map((i) => store().cancelEvent(event.id, `原因${i}`, isoAt(100), cancelNote)))
      const winners = results.filter((r) => r !== null)
      expect(winners).toHaveLength(1)
      expect(winners[0]?.cancelled.map((s) => s.userId).sort(byString)).toEqual(['vol-a', 'vol-b'])
      await expectSeatsHeld(event.id, 0)
      for (const u of ['vol-a', 'vol-b']) {
        expect((await signupOf(event.id, u)).status).toBe('cancelled')
        expect(await messageIds(u)).toHaveLength(1)
      }
    })
  })

  describe('signups: listing', () => {
    it('lists signups oldest first, by event or by person, paged', async () => {
      const e1 = aVolunteerEvent({ capacity: 10 })
      const e2 = aVolunteerEvent({ capacity: 10 })
      await store().putEvent(e1)
      await store().putEvent(e2)
      const plan: Array<[string, string, number]> = [[e1.id, 'vol-a', 40], [e1.id, 'vol-b', 10], [e2.id, 'vol-a', 30], [e1.id, 'vol-c', 10]]
      for (const [eventId, userId, m] of plan) await join(eventId, userId, m)
      const id = signupId
      const pages = await readAllPages((cursor) => store().listSignups({ eventId: e1.id, cursor, limit: 2 }))
      expect(pages.map(ids)).toEqual([[id(e1.id, 'vol-b'), id(e1.id, 'vol-c')], [id(e1.id, 'vol-a')]])
      expect(ids((await store().listSignups({ userId: 'vol-a' })).items)).toEqual([id(e2.id, 'vol-a'), id(e1.id, 'vol-a')])
      expect(ids((await store().listSignups({ eventId: e2.id, userId: 'vol-a' })).items)).toEqual([id(e2.id, 'vol-a')])
      expect(ids((await store().listSignups({})).items)).toEqual([id(e1.id, 'vol-b'), id(e1.id, 'vol-c'), id(e2.id, 'vol-a'), id(e1.id, 'vol-a')])
    })

    it('lists signups of the statuses asked, paged', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-b', 1], ['vol-c', 2], ['vol-d', 3]])
      const other = await eventWith(1, ['vol-c'], [])
      await store().cancelSignup(event.id, 'vol-a', offersUntil(isoAt(60)), offerNote)
      const id = (u: string) => signupId(event.id, u)
      const pages = await readAllPages((cursor) => store().listSignups({ eventId: event.id, statuses: ['waitlisted'], cursor, limit: 1 }))
      expect(pages.map(ids)).toEqual([[id('vol-c')], [id('vol-d')]])
      expect(ids((await store().listSignups({ eventId: event.id, statuses: ['confirmed', 'offered'] })).items)).toEqual([id('vol-b')])
      expect(ids((await store().listSignups({ eventId: event.id, statuses: ['cancelled'] })).items)).toEqual([id('vol-a')])
      expect((await store().listSignups({ eventId: event.id, statuses: ['lapsed'] })).items).toEqual([])
      expect(ids((await store().listSignups({ userId: 'vol-c', statuses: ['confirmed', 'waitlisted'] })).items))
        .toEqual([signupId(other.id, 'vol-c'), id('vol-c')])
    })

    it('gives a waiting person’s place in arrival order (equal times in id order), null for anyone not waiting', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-c', 3], ['vol-b', 2], ['vol-d', 2]])
      const places = async () => Promise.all(['vol-a', 'vol-b', 'vol-c', 'vol-d', 'vol-none'].map((u) => store().waitlistPosition(event.id, u)))
      expect(await places()).toEqual([null, 1, 3, 2, null])
      await store().cancelSignup(event.id, 'vol-a', offersUntil(isoAt(60)), offerNote)
      expect(await places()).toEqual([null, null, 2, 1, null])
      expect(await store().waitlistPosition('event-missing', 'vol-c')).toBeNull()
    })

    it('counts who waits per event asked, 0 for none', async () => {
      const event = await eventWith(1, ['vol-a'], [['vol-b', 1], ['vol-c', 2], ['vol-d', 3]])
      const quiet = await eventWith(2, ['vol-a'], [])
      await store().cancelSignup(event.id, 'vol-a', offersUntil(isoAt(60)), offerNote)
      expect(await store().waitlistLengths([event.id, quiet.id, 'event-missing'])).toEqual({ [event.id]: 2, [quiet.id]: 0, 'event-missing': 0 })
      expect(await store().waitlistLengths([])).toEqual({})
    })
  })
}
