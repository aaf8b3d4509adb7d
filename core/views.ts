import type { Category, Grid, Message, Page, PhotoReviewStatus, Rating, Role, Signup, Survey, Ticket, TicketEvent, User, VolunteerEvent } from './types'
import type { TicketAction } from './tickets/workflow'
import type { MapPlace, MapRoad } from './routing/map-features'
import type { EventChoice } from './volunteer/event-choice'

/** What actions answer: the shapes the phone shows. */

export interface MeView {
  user: Pick<User, 'id' | 'nickname' | 'roles' | 'gridIds' | 'homeGridId'>
}

export type { RateView, HeadlineView, HoursView, IndicatorSet, IndicatorRowView, IndicatorTableView, TrendView, TrendPoint } from './indicators/views'

/** A ticket as a given viewer may see it (personal data removed where not allowed). */
export interface TicketView extends Omit<Ticket, 'reporterId' | 'location' | 'clientRequestId'> {
  reporterId: string | null
  reporterName: string | null
  location: Ticket['location'] | null
  categoryName: string
  gridName: string | null
  actions: TicketAction[]
  /** The viewer may 督办 it now (an admin, an overdue ticket in hand, not urged within the hour): tickets.urge. */
  mayUrge?: boolean
  /** The office may approve 缓办 (once, while the ticket is being handled). */
  mayDefer?: boolean
  /** The office may 屏蔽 / 取消屏蔽 the report and 屏蔽 its photos (tickets.hide, unhide, redactPhoto). */
  mayModerate?: boolean
  /** Photos shown to this viewer that have not passed review yet (only their uploader sees them). */
  photoStatus: Record<string, PhotoReviewStatus>
}

export interface TicketDetailView {
  ticket: TicketView
  timeline: TicketEvent[]
}

export interface LocateView {
  grid: Pick<Grid, 'id' | 'code' | 'name'> | null
  managerNames: string[]
  /** Who will handle it: the grid's manager, or 文明办 triage. */
  handledBy: 'grid' | 'triage'
}

export interface GridMapView {
  grids: Array<Pick<Grid, 'id' | 'code' | 'name' | 'polygon'>>
  /** Main roads and rivers of the grids' city, for orientation on the offline map (approximate). */
  roads: MapRoad[]
  /** Named places (landmarks, neighbourhoods) of the grids' city, for orientation on the offline map. */
  places: MapPlace[]
}

/** A nearby open report a resident may follow instead of filing again (public fields only). */
export interface NearbyView {
  id: string
  categoryName: string
  description: string
  gridName: string | null
  state: Ticket['state']
  createdAt: string
  followers: number
  distanceM: number
  following: boolean
  mine: boolean
}

export interface MessagesView extends Page<Message> {
  unread: number
}

export interface EventView extends VolunteerEvent {
  mySignup: Signup | null
  /** What this viewer can do with the event (core/volunteer/event-choice), decided by the server. */
  choice: EventChoice
  /** The viewer's live signup may still be cancelled. */
  canCancel: boolean
  placesLeft: number
  waitlistLength: number
  /** My place on the waitlist (1 = next), when I wait. */
  waitlistPosition: number | null
  /** Required trainings I do not hold (empty when I meet them, or nothing is required). */
  missingTrainings: string[]
  /** Metres from the point the list was asked near, when it was. */
  distanceM: number | null
  organizerName: string
}

/** The events list, with whether this viewer may sign up at all (only volunteers do). */
export interface EventsView extends Page<EventView> {
  canSignUp: boolean
}

export interface SignupView {
  outcome: 'confirmed' | 'waitlisted' | 'duplicate'
  signup: Signup
  /** My place on the waitlist when waitlisted. */
  waitlistPosition: number | null
}

export type { Category, Page, Rating, Role, Survey }
export type { MapPlace, MapRoad }

/** A ticket the office may merge a duplicate into, with what makes the merge doubtful (core/tickets/merge.ts). */
export interface MergeCandidateView {
  id: string
  number: string
  categoryName: string
  description: string
  gridName: string | null
  address: string
  state: Ticket['state']
  createdAt: string
  followers: number
  distanceM: number
  /** Another category, a place far away: spelled out for the confirm; empty when the two look alike. */
  differences: string[]
  /** Why it cannot be the original (closed, itself merged), or null. */
  refusal: string | null
}

export interface MergeCandidatesView {
  candidates: MergeCandidateView[]
}

/** A grid manager the office may dispatch to, best first (core/tickets/dispatch-suggest.ts). */
export type { DispatchOption as DispatchOptionView } from './tickets/dispatch-suggest'
