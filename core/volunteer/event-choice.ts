import type { Role, Signup, VolunteerEvent } from '../types'
import { cancelRefusal, isLiveSignup, signupRefusal } from './seats'

/**
 * What a person can do with an event, so the list never offers a button the server will refuse:
 * - organizing: the event is theirs (no signup for one's own event);
 * - confirmed / waitlisted: they hold a seat or wait for one (cancel while `canCancel`);
 * - closed: signup is over (the event has begun or is no longer published);
 * - full: no seat and no waitlist — for everyone, so nobody taps 报名 to hear 名额已满;
 * - offered: a freed place is held for them until the offer's deadline (confirm or let it pass on);
 * - register: seats are open but only volunteers sign up, and this person is not one yet;
 * - training: the event requires trainings this volunteer does not hold (`missing` names them);
 * - waitlist / signup: a volunteer may join the waitlist or take a seat.
 */
export type EventChoice = 'organizing' | 'confirmed' | 'waitlisted' | 'offered' | 'closed' | 'full' | 'register' | 'training' | 'waitlist' | 'signup'

export interface EventChoiceView {
  choice: EventChoice
  /** A live signup may still be cancelled (before the event's cancellation deadline). */
  canCancel: boolean
}

/** The roles that may sign up for events (the server's access rule for volunteer.signup says the same). */
export const SIGNUP_ROLES: readonly Role[] = ['volunteer']

export function canSignUp (roles: readonly Role[]): boolean {
  return roles.some((r) => SIGNUP_ROLES.includes(r))
}

export function eventChoice (
  event: Pick<VolunteerEvent, 'organizerId' | 'status' | 'startAt' | 'cancelDeadline' | 'capacity' | 'taken' | 'waitlistEnabled'>,
  viewer: { id: string; roles: readonly Role[] },
  mySignup: Pick<Signup, 'status'> | null,
  nowIso: string,
  missing: readonly string[] = []
): EventChoiceView {
  if (event.organizerId === viewer.id) return { choice: 'organizing', canCancel: false }
  if (mySignup && isLiveSignup(mySignup)) {
    const choice = mySignup.status === 'waitlisted' ? 'waitlisted' : mySignup.status === 'offered' ? 'offered' : 'confirmed'
    return { choice, canCancel: cancelRefusal(event, nowIso) === null }
  }
  if (signupRefusal(event, nowIso)) return { choice: 'closed', canCancel: false }
  const full = event.taken >= event.capacity
  if (full && !event.waitlistEnabled) return { choice: 'full', canCancel: false }
  if (!canSignUp(viewer.roles)) return { choice: 'register', canCancel: false }
  if (missing.length > 0) return { choice: 'training', canCancel: false }
  return { choice: full ? 'waitlist' : 'signup', canCancel: false }
}
