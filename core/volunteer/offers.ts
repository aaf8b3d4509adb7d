import type { VolunteerSettings } from '../settings'
import type { Signup, VolunteerEvent } from '../types'

/**
 * Waitlist offers (DOMAIN.md: pretix's way). When a seat frees up, the first person waiting gets a time-limited
 * offer and the seat is held for them; when the offer lapses it passes on to the next. Each person is offered at
 * most once (a lapsed signup leaves the waitlist).
 */

const CHINA_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

/** The city's calendar day (UTC+8) of an instant, as a day number. */
export function chinaDayOf (iso: string): number {
  return Math.floor((Date.parse(iso) + CHINA_OFFSET_MS) / DAY_MS)
}

/**
 * Until when an offer made now holds, or null when no offer is made now: not once the event has begun, not on
 * its own day unless the setting allows, and never past its start.
 */
export function offerUntil (event: Pick<VolunteerEvent, 'startAt' | 'status' | 'waitlistEnabled'>, nowIso: string, s: Pick<VolunteerSettings, 'offerHours' | 'promoteOnEventDay'>): string | null {
  if (event.status !== 'published' || !event.waitlistEnabled) return null
  const now = Date.parse(nowIso)
  const start = Date.parse(event.startAt)
  if (now >= start) return null
  if (!s.promoteOnEventDay && chinaDayOf(nowIso) >= chinaDayOf(event.startAt)) return null
  return new Date(Math.min(now + s.offerHours * 3_600_000, start)).toISOString()
}

/** Waiting signups in arrival order (createdAt, then id: deterministic for equal times). */
export function waitingInOrder (signups: readonly Signup[]): Signup[] {
  return signups.filter((s) => s.status === 'waitlisted')
    .sort((a, b) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt)))
}

/** Who gets an offer now: the first waiting people, one per free seat. */
export function offersToMake (event: Pick<VolunteerEvent, 'capacity' | 'taken'>, waitingSorted: readonly Signup[]): Signup[] {
  const free = Math.max(0, event.capacity - event.taken)
  return waitingSorted.slice(0, free)
}

export function offeredSignup (s: Signup, until: string): Signup {
  return { ...s, status: 'offered', offerExpiresAt: until, version: s.version + 1 }
}

export function isOfferLapsed (s: Pick<Signup, 'status' | 'offerExpiresAt'>, nowIso: string): boolean {
  return s.status === 'offered' && s.offerExpiresAt !== null && Date.parse(nowIso) >= Date.parse(s.offerExpiresAt)
}

export function lapsedSignup (s: Signup): Signup {
  return { ...s, status: 'lapsed', version: s.version + 1 }
}

/** Accepting an offer: the held seat becomes the person's. Null when there is no live offer to accept. */
export function acceptedOffer (s: Signup, nowIso: string): Signup | null {
  if (s.status !== 'offered' || isOfferLapsed(s, nowIso)) return null
  return { ...s, status: 'confirmed', offerExpiresAt: null, version: s.version + 1 }
}

/** What the store is asked to do when seats may have freed: offer until this time, or free them (null). */
export interface OfferPolicy {
  now: string
  offerUntil: string | null
}
