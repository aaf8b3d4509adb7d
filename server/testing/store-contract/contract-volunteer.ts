import type { Signup } from '../../../core/types'
import { isStoreError } from '../../ports/errors'
import type { SeatOutcome, Store } from '../../ports/store'
import { aSignup, aVolunteerEvent, isoAt } from '../../../core/testing/builders'
import { ids, readAllPages } from './pages'

const count = (outcomes: SeatOutcome[], o: SeatOutcome): number => outcomes.filter((x) => x === o).length

export function volunteerContract (store: () => Store): void {
  describe('volunteer events', () => {
    it('round-trips an event, upserts by id and returns null for a missing one', async () => {
      const event = aVolunteerEvent({ location: null, gridId: null })
      await store().putEvent(event)
      expect(await store().getEvent(event.id)).toEqual(event)
      await store().putEvent({ ...event, title: '改期后的活动' })
      expect(await store().getEvent(event.id)).toEqual({ ...event, title: '改期后的活动' })
      expect(await store().getEvent('event-missing')).toBeNull()
      expect((await store().listEvents({})).items).toHaveLength(1)
    })

    it('lists events by start time, paged, from a given time on', async () => {
      const starts: Array<[string, number]> = [['ev-c', 30], ['ev-a', 10], ['ev-d', 30], ['ev-b', 20]]
      for (const [id, m] of starts) await store().putEvent(aVolunteerEvent({ id, startAt: isoAt(m) }))
      const pages = await readAllPages((cursor) => store().listEvents({ cursor, limit: 3 }))
      expect(pages.map(ids)).toEqual([['ev-a', 'ev-b', 'ev-c'], ['ev-d']])
      expect(ids((await store().listEvents({ fromIso: isoAt(20) })).items)).toEqual(['ev-b', 'ev-c', 'ev-d'])
    })
  })

  describe('signups: takeSeat', () => {
    const tenConcurrent = async (eventId: string) => Promise.all(
      Array.from({ length: 10 }, (_, i) => store().takeSeat(aSignup({ eventId, userId: `vol-${i}`, createdAt: isoAt(i) }))))

    it('confirms 3 of 10 concurrent signups for 3 seats and waitlists the rest', async () => {
      const event = aVolunteerEvent({ capacity: 3, waitlistEnabled: true })
      await store().putEvent(event)
      const results = await tenConcurrent(event.id)
      const outcomes = results.map((r) => r.outcome)
      expect(count(outcomes, 'confirmed')).toBe(3)
      expect(count(outcomes, 'waitlisted')).toBe(7)
      expect((await store().getEvent(event.id))?.taken).toBe(3)
      for (const r of results) expect(r.signup?.status).toBe(r.outcome)
      const stored = (await store().listSignups({ eventId: event.id, limit: 100 })).items
      expect(stored).toHaveLength(10)
      const returned = results.map((r) => r.signup).filter((s): s is Signup => s !== null)
      expect([...stored].sort((x, y) => x.id.localeCompare(y.id))).toEqual([...returned].sort((x, y) => x.id.localeCompare(y.id)))
    })

    it('answers full to the rest when the waitlist is off', async () => {
      const event = aVolunteerEvent({ capacity: 3, waitlistEnabled: false })
      await store().putEvent(event)
      const results = await tenConcurrent(event.id)
      const outcomes = results.map((r) => r.outcome)
      expect(count(outcomes, 'confirmed')).toBe(3)
      expect(count(outcomes, 'full')).toBe(7)
      for (const r of results.filter((x) => x.outcome === 'full')) expect(r.signup).toBeNull()
      expect((await store().getEvent(event.id))?.taken).toBe(3)
      expect((await store().listSignups({ eventId: event.id })).items).toHaveLength(3)
    })

    it('stores the status it decided, whatever the input said', async () => {
      const event = aVolunteerEvent({ capacity: 1 })
      await store().putEvent(event)
      const result = await store().takeSeat(aSignup({ eventId: event.id, status: 'waitlisted' }))
      expect(result.outcome).toBe('confirmed')
      expect((await store().listSignups({ eventId: event.id })).items).toEqual([result.signup])
    })

    it('answers duplicate with the existing signup when the person already holds one', async () => {
      const event = aVolunteerEvent({ capacity: 1, waitlistEnabled: true })
      await store().putEvent(event)
      const first = await store().takeSeat(aSignup({ eventId: event.id, userId: 'vol-a' }))
      expect(await store().takeSeat(aSignup({ eventId: event.id, userId: 'vol-a' }))).toEqual({ outcome: 'duplicate', signup: first.signup })
      const waiting = await store().takeSeat(aSignup({ eventId: event.id, userId: 'vol-b' }))
      expect(waiting.outcome).toBe('waitlisted')
      expect(await store().takeSeat(aSignup({ eventId: event.id, userId: 'vol-b' }))).toEqual({ outcome: 'duplicate', signup: waiting.signup })
      expect((await store().getEvent(event.id))?.taken).toBe(1)
      expect((await store().listSignups({ eventId: event.id })).items).toHaveLength(2)
    })

    it('rejects a signup for a missing event with StoreError NOT_FOUND', async () => {
      const err: unknown = await store().takeSeat(aSignup({ eventId: 'event-missing' })).catch((e: unknown) => e)
      expect(isStoreError(err)).toBe(true)
      expect(err).toMatchObject({ code: 'NOT_FOUND' })
      expect((await store().listSignups({ eventId: 'event-missing' })).items).toEqual([])
    })
  })

  describe('signups: cancelSignup', () => {
    const confirmedOf = async (eventId: string): Promise<number> =>
      (await store().listSignups({ eventId, limit: 100 })).items.filter((s) => s.status === 'confirmed').length
    const takenOf = async (eventId: string): Promise<number | undefined> => (await store().getEvent(eventId))?.taken

    it('cancels the live signup and gives its seat back; take, cancel, take again re-seats the person', async () => {
      const event = aVolunteerEvent({ capacity: 1, waitlistEnabled: false })
      await store().putEvent(event)
      const first = await store().takeSeat(aSignup({ eventId: event.id, userId: 'vol-a', createdAt: isoAt(1) }))
      expect(first.outcome).toBe('confirmed')
      expect((await store().takeSeat(aSignup({ eventId: event.id, userId: 'vol-b' }))).outcome).toBe('full')

      expect(await store().cancelSignup(event.id, 'vol-a')).toEqual({ ...first.signup, status: 'cancelled' })
      expect(await takenOf(event.id)).toBe(0)
      expect((await store().listSignups({ eventId: event.id })).items).toEqual([{ ...first.signup, status: 'cancelled' }])

      const again = await store().takeSeat(aSignup({ eventId: event.id, userId: 'vol-a', createdAt: isoAt(2) }))
      expect(again.outcome).toBe('confirmed')
      expect(again.signup?.id).not.toBe(first.signup?.id)
      expect((await store().listSignups({ eventId: event.id })).items).toEqual([again.signup])
      expect(await takenOf(event.id)).toBe(1)
      expect(await store().takeSeat(aSignup({ eventId: event.id, userId: 'vol-a' }))).toEqual({ outcome: 'duplicate', signup: again.signup })
    })

    it('frees the seat for someone else', async () => {
      const event = aVolunteerEvent({ capacity: 1, waitlistEnabled: false })
      await store().putEvent(event)
      await store().takeSeat(aSignup({ eventId: event.id, userId: 'vol-a' }))
      await store().cancelSignup(event.id, 'vol-a')
      expect((await store().takeSeat(aSignup({ eventId: event.id, userId: 'vol-b' }))).outcome).toBe('confirmed')
      expect(await takenOf(event.id)).toBe(1)
    })

    it('cancels a waitlisted signup without touching the seats', async () => {
      const event = aVolunteerEvent({ capacity: 1, waitlistEnabled: true })
      await store().putEvent(event)
      await store().takeSeat(aSignup({ eventId: event.id, userId: 'vol-a' }))
      const waiting = await store().takeSeat(aSignup({ eventId: event.id, userId: 'vol-b' }))
      expect(waiting.outcome).toBe('waitlisted')
      expect(await store().cancelSignup(event.id, 'vol-b')).toEqual({ ...waiting.signup, status: 'cancelled' })
      expect(await takenOf(event.id)).toBe(1)
    })

    it('answers null when there is nothing to cancel', async () => {
      const event = aVolunteerEvent()
      await store().putEvent(event)
      expect(await store().cancelSignup(event.id, 'vol-never')).toBeNull()
      await store().takeSeat(aSignup({ eventId: event.id, userId: 'vol-a' }))
      expect(await store().cancelSignup(event.id, 'vol-a')).not.toBeNull()
      expect(await store().cancelSignup(event.id, 'vol-a')).toBeNull()
      expect(await store().cancelSignup('event-missing', 'vol-a')).toBeNull()
      expect(await takenOf(event.id)).toBe(0)
    })

    it('keeps event.taken equal to the confirmed signups through concurrent takes and cancels', async () => {
      const event = aVolunteerEvent({ capacity: 3, waitlistEnabled: true })
      await store().putEvent(event)
      const people = ['vol-0', 'vol-1', 'vol-2', 'vol-3', 'vol-4']
      const take = (userId: string) => store().takeSeat(aSignup({ eventId: event.id, userId }))
      const check = async () => {
        const taken = await takenOf(event.id)
        expect(taken).toBe(await confirmedOf(event.id))
        expect(taken).toBeLessThanOrEqual(event.capacity)
      }

      await Promise.all(people.map(take))
      await check()
      await Promise.all(['vol-0', 'vol-1', 'vol-2', 'vol-3'].map((u) => store().cancelSignup(event.id, u)))
      await check()
      const again = await Promise.all(['vol-0', 'vol-0', 'vol-1', 'vol-2', 'vol-3'].map(take))
      await check()
      expect(again.filter((r) => r.outcome === 'duplicate')).toHaveLength(1)
      const live = (await store().listSignups({ eventId: event.id, limit: 100 })).items.filter((s) => s.status !== 'cancelled')
      expect(live.map((s) => s.userId).sort()).toEqual(people)
    })
  })

  describe('signups: listing', () => {
    it('lists signups oldest first, by event or by person, paged', async () => {
      const e1 = aVolunteerEvent({ capacity: 10 })
      const e2 = aVolunteerEvent({ capacity: 10 })
      await store().putEvent(e1)
      await store().putEvent(e2)
      const plan: Array<[string, string, string, number]> = [
        ['s-4', e1.id, 'vol-a', 40], ['s-1', e1.id, 'vol-b', 10], ['s-3', e2.id, 'vol-a', 30], ['s-2', e1.id, 'vol-c', 10]
      ]
      for (const [id, eventId, userId, m] of plan) await store().takeSeat(aSignup({ id, eventId, userId, createdAt: isoAt(m) }))
      const pages = await readAllPages((cursor) => store().listSignups({ eventId: e1.id, cursor, limit: 2 }))
      expect(pages.map(ids)).toEqual([['s-1', 's-2'], ['s-4']])
      expect(ids((await store().listSignups({ userId: 'vol-a' })).items)).toEqual(['s-3', 's-4'])
      expect(ids((await store().listSignups({ eventId: e2.id, userId: 'vol-a' })).items)).toEqual(['s-3'])
      expect(ids((await store().listSignups({})).items)).toEqual(['s-1', 's-2', 's-3', 's-4'])
    })
  })
}
