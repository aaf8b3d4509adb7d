import type { Signup, User, VolunteerEvent } from '../core/types'
import { offerUntil, type OfferPolicy } from '../core/volunteer/offers'
import { trainingsHeld, type SignupWithEvent, type TrainingHeld } from '../core/volunteer/record'
import type { Deps } from './deps'
import { readAll } from './paging'

/** A person's signups ever: a guard, not a cut (a volunteer with more is told to ask the office). */
export const MAX_PERSON_SIGNUPS = 2_000
/** An event's signups: capacity (≤ 1,000) plus its waitlist and history. */
export const MAX_EVENT_SIGNUPS = 5_000

export async function signupsOfPerson (deps: Deps, userId: string): Promise<Signup[]> {
  return readAll((p) => deps.store.listSignups({ ...p, userId }), MAX_PERSON_SIGNUPS, '报名记录')
}

export async function signupsOfEvent (deps: Deps, eventId: string, statuses?: Signup['status'][]): Promise<Signup[]> {
  return readAll((p) => deps.store.listSignups({ ...p, eventId, statuses }), MAX_EVENT_SIGNUPS, '报名记录')
}

/** Each event once, by id (events that vanished are left out: their signups cannot count). */
export async function eventsById (deps: Deps, ids: Iterable<string>): Promise<Map<string, VolunteerEvent>> {
  const out = new Map<string, VolunteerEvent>()
  for (const id of new Set(ids)) {
    const e = await deps.store.getEvent(id)
    if (e) out.set(id, e)
  }
  return out
}

/** A person's whole record: every signup with its event. */
export async function personRecord (deps: Deps, userId: string): Promise<SignupWithEvent[]> {
  const signups = await signupsOfPerson(deps, userId)
  const events = await eventsById(deps, signups.map((s) => s.eventId))
  return signups.flatMap((signup) => {
    const event = events.get(signup.eventId)
    return event ? [{ signup, event }] : []
  })
}

export async function trainingsOf (deps: Deps, user: User): Promise<TrainingHeld[]> {
  return trainingsHeld(await personRecord(deps, user.id), deps.clock.now(), deps.settings.volunteer)
}

/** The offer policy now for an event (core decides: not on the event's day, never past its start). */
export function policyFor (deps: Deps, e: VolunteerEvent): OfferPolicy {
  const now = deps.clock.now()
  return { now, offerUntil: offerUntil(e, now, deps.settings.volunteer) }
}
