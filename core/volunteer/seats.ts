import type { Signup, SignupStatus, VolunteerEvent } from '../types'

export type SeatOutcome = 'confirmed' | 'waitlisted' | 'full' | 'duplicate'

/** One signup per (event, person), live or not: its id says so, so a retried or doubled tap finds the same row. */
export function signupId (eventId: string, userId: string): string {
  return `${eventId}:${userId}`
}

const LIVE: readonly SignupStatus[] = ['confirmed', 'waitlisted', 'offered']

/** A signup that still holds, is offered or waits for a place; a cancelled or lapsed one frees the person to sign up again. */
export function isLiveSignup (s: Pick<Signup, 'status'>): boolean {
  return LIVE.includes(s.status)
}

/** Seats are held by confirmed signups and by offers not yet answered: `taken` counts exactly these. */
export function holdsSeat (s: Pick<Signup, 'status'>): boolean {
  return s.status === 'confirmed' || s.status === 'offered'
}

/** A fresh signup as the person taps 报名 (the store sets the status from `seatOutcome`). */
export function newSignup (eventId: string, userId: string, nowIso: string): Signup {
  return {
    id: signupId(eventId, userId),
    eventId,
    userId,
    status: 'confirmed',
    createdAt: nowIso,
    version: 1,
    offerExpiresAt: null,
    checkInAt: null,
    checkInBy: null,
    checkOutAt: null,
    checkOutBy: null,
    noShow: false,
    earnedHours: null,
    manualHours: null,
    hoursConfirmedAt: null,
    hoursConfirmedBy: null,
    adjustments: [],
    appeal: null
  }
}

/**
 * The seat rule, decided once for every store: one live signup per person per event (a second tap answers the
 * first); a seat while seats are left; else the waitlist where the event keeps one; else full. A person whose
 * earlier signup was cancelled or lapsed is treated as new.
 */
export function seatOutcome (
  event: Pick<VolunteerEvent, 'capacity' | 'taken' | 'waitlistEnabled'>,
  previous: Pick<Signup, 'status'> | null
): SeatOutcome {
  if (previous !== null && isLiveSignup(previous)) return 'duplicate'
  if (event.taken < event.capacity) return 'confirmed'
  return event.waitlistEnabled ? 'waitlisted' : 'full'
}

/** The signup a store writes for an outcome: a new person's, or a re-signup taking over their old row. */
export function seatedSignup (signup: Signup, previous: Signup | null, outcome: 'confirmed' | 'waitlisted'): Signup {
  return { ...newSignup(signup.eventId, signup.userId, signup.createdAt), status: outcome, version: (previous?.version ?? 0) + 1 }
}

/** A live signup let go (by the person, or with the event): it holds no seat and no offer any more. */
export function cancelledSignup (s: Signup): Signup {
  return { ...s, status: 'cancelled', offerExpiresAt: null, version: s.version + 1 }
}

export type SignupRefusal = { code: 'NOT_FOUND' | 'CONFLICT'; message: string }

/** Signup is open for a published event until it starts; null when open. */
export function signupRefusal (event: Pick<VolunteerEvent, 'status' | 'startAt'> | null, nowIso: string): SignupRefusal | null {
  if (event === null || event.status !== 'published') return { code: 'NOT_FOUND', message: '活动不存在或已取消' }
  if (Date.parse(nowIso) >= Date.parse(event.startAt)) return { code: 'CONFLICT', message: '活动已开始，不能再报名' }
  return null
}

/** A volunteer may cancel a signup until the event's cancellation deadline; null when allowed. */
export function cancelRefusal (event: Pick<VolunteerEvent, 'status' | 'cancelDeadline'> | null, nowIso: string): SignupRefusal | null {
  if (event === null) return { code: 'NOT_FOUND', message: '活动不存在' }
  if (event.status === 'cancelled') return { code: 'CONFLICT', message: '活动已取消，报名已自动取消' }
  if (Date.parse(nowIso) > Date.parse(event.cancelDeadline)) return { code: 'CONFLICT', message: '已过取消报名的截止时间，如不能参加请联系组织者' }
  return null
}
