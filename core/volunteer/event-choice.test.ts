import type { Role } from '../types'
import { canSignUp, eventChoice } from './event-choice'

const now = '2026-12-01T02:00:00.000Z'
const event = (over: Partial<Parameters<typeof eventChoice>[0]> = {}) => ({
  organizerId: 'u-org',
  status: 'published' as const,
  startAt: '2026-12-10T01:00:00.000Z',
  cancelDeadline: '2026-12-09T01:00:00.000Z',
  capacity: 30,
  taken: 10,
  waitlistEnabled: false,
  ...over
})
const who = (id: string, ...roles: Role[]) => ({ id, roles })
const volunteer = who('u-v', 'citizen', 'volunteer')
const resident = who('u-c', 'citizen')
const organizer = who('u-org', 'citizen', 'organizer')

describe('eventChoice', () => {
  test('a volunteer takes a seat while seats are left, joins the waitlist where one is kept', () => {
    expect(eventChoice(event(), volunteer, null, now)).toEqual({ choice: 'signup', canCancel: false })
    expect(eventChoice(event({ taken: 30, waitlistEnabled: true }), volunteer, null, now).choice).toBe('waitlist')
  })

  test('a full event without a waitlist is 已满 for everyone, never a signup button', () => {
    const full = event({ taken: 30 })
    expect(eventChoice(full, volunteer, null, now).choice).toBe('full')
    expect(eventChoice(full, resident, null, now).choice).toBe('full')
    expect(eventChoice(full, volunteer, { status: 'cancelled' }, now).choice).toBe('full')
  })

  test('a resident who is not a volunteer is told to register, not offered a button the server refuses', () => {
    expect(eventChoice(event(), resident, null, now).choice).toBe('register')
    expect(eventChoice(event({ taken: 30, waitlistEnabled: true }), resident, null, now).choice).toBe('register')
  })

  test('the organizer sees their own event as theirs, even with the volunteer role', () => {
    expect(eventChoice(event(), organizer, null, now).choice).toBe('organizing')
    expect(eventChoice(event(), who('u-org', 'volunteer', 'organizer'), null, now).choice).toBe('organizing')
    expect(eventChoice(event({ organizerId: 'u-other' }), organizer, null, now).choice).toBe('register')
  })

  test('a live signup shows as 已报名 or 候补中, cancellable until the deadline', () => {
    expect(eventChoice(event(), volunteer, { status: 'confirmed' }, now)).toEqual({ choice: 'confirmed', canCancel: true })
    expect(eventChoice(event({ taken: 30 }), volunteer, { status: 'waitlisted' }, now)).toEqual({ choice: 'waitlisted', canCancel: true })
    const late = '2026-12-09T01:00:00.001Z'
    expect(eventChoice(event(), volunteer, { status: 'confirmed' }, late)).toEqual({ choice: 'confirmed', canCancel: false })
  })

  test('a place offered from the waitlist shows as an offer to answer, cancellable until the deadline like a seat', () => {
    expect(eventChoice(event({ taken: 30, waitlistEnabled: true }), volunteer, { status: 'offered' }, now)).toEqual({ choice: 'offered', canCancel: true })
    expect(eventChoice(event(), volunteer, { status: 'offered' }, '2026-12-09T01:00:00.001Z')).toEqual({ choice: 'offered', canCancel: false })
  })

  test('a lapsed offer frees the person: they may join again like anyone else', () => {
    expect(eventChoice(event({ taken: 30, waitlistEnabled: true }), volunteer, { status: 'lapsed' }, now).choice).toBe('waitlist')
    expect(eventChoice(event(), volunteer, { status: 'lapsed' }, now).choice).toBe('signup')
  })

  test('a volunteer without the required trainings is told to take them, for a seat or the waitlist', () => {
    expect(eventChoice(event(), volunteer, null, now, ['医疗健康'])).toEqual({ choice: 'training', canCancel: false })
    expect(eventChoice(event({ taken: 30, waitlistEnabled: true }), volunteer, null, now, ['医疗健康']).choice).toBe('training')
    expect(eventChoice(event(), volunteer, null, now, []).choice).toBe('signup')
  })

  test('missing trainings do not hide what comes first: full, closed, not a volunteer, a signup held', () => {
    expect(eventChoice(event({ taken: 30 }), volunteer, null, now, ['医疗健康']).choice).toBe('full')
    expect(eventChoice(event(), volunteer, null, '2026-12-10T01:00:00.000Z', ['医疗健康']).choice).toBe('closed')
    expect(eventChoice(event(), resident, null, now, ['医疗健康']).choice).toBe('register')
    expect(eventChoice(event(), volunteer, { status: 'confirmed' }, now, ['医疗健康']).choice).toBe('confirmed')
    expect(eventChoice(event(), organizer, null, now, ['医疗健康']).choice).toBe('organizing')
  })

  test('once the event has started, signup is closed', () => {
    expect(eventChoice(event(), volunteer, null, '2026-12-10T01:00:00.000Z').choice).toBe('closed')
    expect(eventChoice(event({ status: 'cancelled' }), volunteer, null, now).choice).toBe('closed')
  })
})

describe('canSignUp', () => {
  test('only volunteers sign up', () => {
    expect(canSignUp(['citizen', 'volunteer'])).toBe(true)
    expect(canSignUp(['citizen', 'organizer'])).toBe(false)
    expect(canSignUp(['admin'])).toBe(false)
  })
})
