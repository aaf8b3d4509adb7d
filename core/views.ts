import type { Category, Grid, Message, Page, PhotoReviewStatus, Rating, Role, Signup, Survey, Ticket, TicketEvent, User, VolunteerEvent } from './types'
import type { Settings } from './settings'
import type { TicketAction } from './tickets/workflow'

/** What actions answer: the shapes the phone shows. */

export interface MeView {
  user: Pick<User, 'id' | 'nickname' | 'roles' | 'gridIds' | 'homeGridId'>
}

export interface RateView {
  value: number | null
  numerator: number
  denominator: number
  ci95: { low: number; high: number } | null
}

export interface HeadlineView {
  scope: { gridId: string | null; name: string; fromIso: string | null; toIso: string }
  awareness: RateView
  support: RateView
  satisfaction: RateView
  fixSatisfaction: RateView
  participation: RateView
  closeRate: RateView
  onTimeCloseRate: RateView
  reworkRate: RateView
  openTickets: number
  overdueTickets: number
  targets: Settings['targets']
}

/** A ticket as a given viewer may see it (personal data removed where not allowed). */
export interface TicketView extends Omit<Ticket, 'reporterId' | 'location' | 'clientRequestId'> {
  reporterId: string | null
  reporterName: string | null
  location: Ticket['location'] | null
  categoryName: string
  gridName: string | null
  actions: TicketAction[]
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
}

export interface SignupView {
  outcome: 'confirmed' | 'waitlisted' | 'duplicate'
  signup: Signup
}

export type { Category, Page, Rating, Role, Survey }
