import { DEFAULT_SETTINGS } from '../settings'
import { aSignup } from '../testing/builders'
import { acceptedOffer, chinaDayOf, isOfferLapsed, lapsedSignup, offeredSignup, offersToMake, offerUntil, waitingInOrder } from './offers'

const s = DEFAULT_SETTINGS.volunteer // offers hold 4 h, none on the event's own day
const onDay = { ...s, promoteOnEventDay: true }
// Starts 12月10日 09:00 China time.
const event = { startAt: '2026-12-10T01:00:00.000Z', status: 'published' as const, waitlistEnabled: true }

describe('offerUntil', () => {
  test('an offer holds for the set hours', () => {
    expect(offerUntil(event, '2026-12-08T02:00:00.000Z', s)).toBe('2026-12-08T06:00:00.000Z')
    expect(offerUntil(event, '2026-12-08T02:00:00.000Z', { ...s, offerHours: 12 })).toBe('2026-12-08T14:00:00.000Z')
  })

  test('none on the event\'s own day in China time, unless the setting allows it', () => {
    // 12月9日 23:59:59 China time: still the day before; the offer holds 4 h (into the event day, before the start)
    expect(offerUntil(event, '2026-12-09T15:59:59.000Z', s)).toBe('2026-12-09T19:59:59.000Z')
    // 12月10日 00:00 China time, though still 12月9日 in UTC
    expect(offerUntil(event, '2026-12-09T16:00:00.000Z', s)).toBeNull()
    expect(offerUntil(event, '2026-12-09T16:00:00.000Z', onDay)).toBe('2026-12-09T20:00:00.000Z')
  })

  test('the China day, not the UTC day, decides', () => {
    // starts 12月11日 01:00 China time, which is still 12月10日 in UTC
    const lateNight = { ...event, startAt: '2026-12-10T17:00:00.000Z' }
    expect(offerUntil(lateNight, '2026-12-10T15:00:00.000Z', s)).toBe('2026-12-10T17:00:00.000Z') // 12月10日 23:00
    expect(offerUntil(lateNight, '2026-12-10T16:30:00.000Z', s)).toBeNull() // 12月11日 00:30
    expect(chinaDayOf('2026-12-10T15:59:59.999Z')).toBe(chinaDayOf('2026-12-10T00:00:00.000Z'))
    expect(chinaDayOf('2026-12-10T16:00:00.000Z')).toBe(chinaDayOf('2026-12-10T00:00:00.000Z') + 1)
  })

  test('never past the start', () => {
    expect(offerUntil(event, '2026-12-09T23:00:00.000Z', onDay)).toBe(event.startAt)
  })

  test('none once the event has started', () => {
    expect(offerUntil(event, event.startAt, onDay)).toBeNull()
    expect(offerUntil(event, '2026-12-10T02:00:00.000Z', onDay)).toBeNull()
  })

  test('none when the event keeps no waitlist or is not published', () => {
    const early = '2026-12-01T02:00:00.000Z'
    expect(offerUntil({ ...event, waitlistEnabled: false }, early, s)).toBeNull()
    expect(offerUntil({ ...event, status: 'draft' }, early, s)).toBeNull()
    expect(offerUntil({ ...event, status: 'cancelled' }, early, s)).toBeNull()
  })
})

describe('waitingInOrder and offersToMake', () => {
  const w = (userId: string, createdAt: string, status: 'waitlisted' | 'confirmed' | 'lapsed' = 'waitlisted') =>
    aSignup({ eventId: 'event-1', userId, createdAt, status })
  const waiting = [
    w('u-c', '2026-12-01T03:00:00.000Z'),
    w('u-b', '2026-12-01T02:00:00.000Z'),
    w('u-seat', '2026-12-01T01:00:00.000Z', 'confirmed'),
    w('u-gone', '2026-12-01T01:30:00.000Z', 'lapsed'),
    w('u-a', '2026-12-01T02:00:00.000Z'),
    w('u-d', '2026-12-01T04:00:00.000Z')
  ]

  test('only those waiting, in arrival order; equal times by id', () => {
    expect(waitingInOrder(waiting).map((x) => x.userId)).toEqual(['u-a', 'u-b', 'u-c', 'u-d'])
    expect(waiting.map((x) => x.userId)[0]).toBe('u-c') // the input is left as it was
  })

  test('one offer per free seat, first come first offered', () => {
    const ordered = waitingInOrder(waiting)
    expect(offersToMake({ capacity: 10, taken: 8 }, ordered).map((x) => x.userId)).toEqual(['u-a', 'u-b'])
    expect(offersToMake({ capacity: 10, taken: 9 }, ordered).map((x) => x.userId)).toEqual(['u-a'])
    expect(offersToMake({ capacity: 10, taken: 0 }, ordered)).toHaveLength(4)
    expect(offersToMake({ capacity: 10, taken: 10 }, ordered)).toEqual([])
    expect(offersToMake({ capacity: 10, taken: 12 }, ordered)).toEqual([])
  })
})

describe('offers', () => {
  const until = '2026-12-08T06:00:00.000Z'
  const waiting = aSignup({ status: 'waitlisted', version: 2 })
  const offered = offeredSignup(waiting, until)

  test('an offer holds the seat until its deadline', () => {
    expect(offered).toMatchObject({ status: 'offered', offerExpiresAt: until, version: 3 })
  })

  test('lapsed at the deadline, not before', () => {
    expect(isOfferLapsed(offered, '2026-12-08T05:59:59.999Z')).toBe(false)
    expect(isOfferLapsed(offered, until)).toBe(true)
    expect(isOfferLapsed({ status: 'confirmed', offerExpiresAt: until }, '2026-12-09T00:00:00.000Z')).toBe(false)
    expect(isOfferLapsed({ status: 'offered', offerExpiresAt: null }, '2026-12-09T00:00:00.000Z')).toBe(false)
    expect(lapsedSignup(offered)).toMatchObject({ status: 'lapsed', version: 4 })
  })

  test('accepting a live offer makes the seat the person\'s', () => {
    expect(acceptedOffer(offered, '2026-12-08T05:00:00.000Z')).toMatchObject({ status: 'confirmed', offerExpiresAt: null, version: 4 })
  })

  test('nothing to accept once lapsed, or without an offer', () => {
    expect(acceptedOffer(offered, until)).toBeNull()
    expect(acceptedOffer(waiting, '2026-12-08T05:00:00.000Z')).toBeNull()
    expect(acceptedOffer(lapsedSignup(offered), '2026-12-08T05:00:00.000Z')).toBeNull()
    expect(acceptedOffer({ ...offered, status: 'confirmed' }, '2026-12-08T05:00:00.000Z')).toBeNull()
  })
})
