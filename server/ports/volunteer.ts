import type { AggCell, DistinctMark } from '../../core/indicators/aggregates'
import type { OfferPolicy } from '../../core/volunteer/offers'
import type { SeatOutcome } from '../../core/volunteer/seats'
import type { Certificate, Message, Page, Signup, SignupStatus, VolunteerEvent, VolunteerProfile } from '../../core/types'
import type { PageQuery } from './paging'

export type { OfferPolicy, SeatOutcome }

/** The message a person gets when the store offers them a place, or cancels their signup with the event. */
export type SignupMessage = (s: Signup) => Message

export interface OfferResult {
  /** Offers that ran out (status lapsed, seat released). */
  lapsed: Signup[]
  /** New offers made (status offered, seat held), each with its message written in the same step. */
  offered: Signup[]
}

export interface EventQuery extends PageQuery {
  /** Events starting at or after / before these instants. */
  fromIso?: string
  toIso?: string
  organizerId?: string
}

export interface VolunteerStore {
  /** Create, or edit every field but `taken` (only the seat methods change it). */
  putEvent (event: VolunteerEvent): Promise<void>
  getEvent (id: string): Promise<VolunteerEvent | null>
  /** By start time, earliest first. */
  listEvents (q: EventQuery): Promise<Page<VolunteerEvent>>
  /**
   * Take a seat with the outcome core's `seatOutcome` gives for the event and the person's earlier signup, made
   * atomic: never more seats held than capacity, never two live signups of one person (the signup id is
   * `signupId(eventId, userId)`). Throws StoreError NOT_FOUND for an unknown event.
   */
  takeSeat (signup: Signup): Promise<{ outcome: SeatOutcome; signup: Signup | null }>
  getSignup (eventId: string, userId: string): Promise<Signup | null>
  /**
   * Cancel this person's live signup; a seat it held is offered, in the same step, to the first people waiting
   * (core's offer rules, `policy.offerUntil` null = no offers now) and expired offers lapse. `cancelled` is null
   * when there was no live signup.
   */
  cancelSignup (eventId: string, userId: string, policy: OfferPolicy, offerMessage: SignupMessage): Promise<{ cancelled: Signup | null } & OfferResult>
  /** Lapse expired offers and offer free seats to those waiting, as one step (the timer, and after edits). */
  settleOffers (eventId: string, policy: OfferPolicy, offerMessage: SignupMessage): Promise<OfferResult>
  /** Take the seat an unexpired offer holds; null when there is no such offer (lapsed, answered, never made). */
  acceptOffer (eventId: string, userId: string, nowIso: string): Promise<Signup | null>
  /**
   * Write attendance and hours: the signup `next` replaces the stored one only if that is still at
   * `expectedVersion` and `next` keeps its status (seats move only through the methods above). False otherwise.
   */
  updateSignup (next: Signup, expectedVersion: number, marks?: readonly DistinctMark[]): Promise<boolean>
  /**
   * Cancel a published or draft event: every live signup cancelled, every seat freed, each person's message
   * written, as one step. Null when the event is unknown or already cancelled.
   */
  cancelEvent (eventId: string, reason: string, nowIso: string, message: SignupMessage): Promise<{ event: VolunteerEvent; cancelled: Signup[] } | null>
  listSignups (q: PageQuery & { eventId?: string; userId?: string; statuses?: SignupStatus[] }): Promise<Page<Signup>>
  /** How many wait, per event asked (0 for none). */
  waitlistLengths (eventIds: readonly string[]): Promise<Record<string, number>>
  /** This person's place on the event's waitlist (1 = next, arrival order as `waitingInOrder`); null when not waiting. */
  waitlistPosition (eventId: string, userId: string): Promise<number | null>

  getVolunteer (userId: string): Promise<VolunteerProfile | null>
  /** Every registered volunteer, by user id (the reconciliation's recount of 志愿者注册率). */
  listVolunteers (q: PageQuery): Promise<Page<VolunteerProfile>>
  /**
   * Register: add the profile and the person's 'volunteer' role as one step; a person registers once (a second
   * call answers the profile that stands, with its volunteer number).
   */
  registerVolunteer (profile: VolunteerProfile, cells?: readonly AggCell[]): Promise<VolunteerProfile>

  /** Add a certificate unless one with its number exists (numbers come from a counter); false then. */
  addCertificate (certificate: Certificate): Promise<boolean>
  getCertificate (number: string): Promise<Certificate | null>
  listCertificates (q: PageQuery & { userId: string }): Promise<Page<Certificate>>
}
