import { cancelRefusal, isLiveSignup, seatOutcome, signupRefusal } from './seats'

const event = (taken: number, capacity = 2, waitlistEnabled = true) => ({ taken, capacity, waitlistEnabled })

describe('seatOutcome', () => {
  test('a seat while seats are left', () => {
    expect(seatOutcome(event(0), null)).toBe('confirmed')
    expect(seatOutcome(event(1), null)).toBe('confirmed')
  })
  test('full: the waitlist where the event keeps one, else full', () => {
    expect(seatOutcome(event(2), null)).toBe('waitlisted')
    expect(seatOutcome(event(2, 2, false), null)).toBe('full')
  })
  test('a live signup makes a second one a duplicate, seated or waiting', () => {
    expect(seatOutcome(event(0), { status: 'confirmed' })).toBe('duplicate')
    expect(seatOutcome(event(2), { status: 'waitlisted' })).toBe('duplicate')
  })
  test('after a cancellation the person signs up again like anyone else', () => {
    expect(seatOutcome(event(0), { status: 'cancelled' })).toBe('confirmed')
    expect(seatOutcome(event(2), { status: 'cancelled' })).toBe('waitlisted')
    expect(seatOutcome(event(2, 2, false), { status: 'cancelled' })).toBe('full')
  })
  test('isLiveSignup', () => {
    expect(isLiveSignup({ status: 'cancelled' })).toBe(false)
    expect(isLiveSignup({ status: 'waitlisted' })).toBe(true)
  })
})

describe('signupRefusal', () => {
  const start = '2026-12-05T01:00:00.000Z'
  test('open until the event starts', () => {
    expect(signupRefusal({ status: 'published', startAt: start }, '2026-12-05T00:59:59.999Z')).toBeNull()
    expect(signupRefusal({ status: 'published', startAt: start }, start)?.code).toBe('CONFLICT')
  })
  test('unknown, draft or cancelled events are not found', () => {
    expect(signupRefusal(null, start)?.code).toBe('NOT_FOUND')
    expect(signupRefusal({ status: 'draft', startAt: start }, '2026-01-01T00:00:00.000Z')?.code).toBe('NOT_FOUND')
    expect(signupRefusal({ status: 'cancelled', startAt: start }, '2026-01-01T00:00:00.000Z')?.code).toBe('NOT_FOUND')
  })
})

describe('cancelRefusal', () => {
  const deadline = '2026-12-04T16:00:00.000Z'
  test('until the cancellation deadline, inclusive', () => {
    expect(cancelRefusal({ status: 'published', cancelDeadline: deadline }, deadline)).toBeNull()
    expect(cancelRefusal({ status: 'published', cancelDeadline: deadline }, '2026-12-04T16:00:00.001Z')?.code).toBe('CONFLICT')
  })
  test('nothing to cancel on an unknown or cancelled event', () => {
    expect(cancelRefusal(null, deadline)?.code).toBe('NOT_FOUND')
    expect(cancelRefusal({ status: 'cancelled', cancelDeadline: deadline }, '2026-12-01T00:00:00.000Z')?.code).toBe('CONFLICT')
  })
})
