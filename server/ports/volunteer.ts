import type { SeatOutcome } from '../../core/volunteer/seats'
import type { Page, Signup, VolunteerEvent } from '../../core/types'
import type { PageQuery } from './paging'

export type { SeatOutcome }

export interface VolunteerStore {
  putEvent (event: VolunteerEvent): Promise<void>
  getEvent (id: string): Promise<VolunteerEvent | null>
  listEvents (q: PageQuery & { fromIso?: string }): Promise<Page<VolunteerEvent>>
  /**
   * Take a seat with the outcome core's `seatOutcome` gives for the event and the person's earlier signup, made
   * atomic: never more confirmed signups than capacity, never two live signups of one person. Throws
   * StoreError NOT_FOUND for an unknown event.
   */
  takeSeat (signup: Signup): Promise<{ outcome: SeatOutcome; signup: Signup | null }>
  /** Cancel this person's live signup and give its seat back in one step; null when there is none to cancel. */
  cancelSignup (eventId: string, userId: string): Promise<Signup | null>
  listSignups (q: PageQuery & { eventId?: string; userId?: string }): Promise<Page<Signup>>
}
