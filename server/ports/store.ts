import type {
  Category, Grid, Message, Page, PhotoReview, Signup, Survey, SurveyResponse, Ticket, TicketEvent, TicketState, User, VolunteerEvent
} from '../../core/types'

/** Paging input shared by every list method. Adapters clamp `limit` to their own maximum (100). */
export interface PageQuery {
  cursor?: string | null
  limit?: number
}

export interface TicketFilter extends PageQuery {
  gridIds?: string[]
  assigneeId?: string
  reporterId?: string
  states?: TicketState[]
  /** Only tickets created at or after this ISO time. */
  createdFrom?: string
  /** Only tickets created before this ISO time. */
  createdTo?: string
  categoryId?: string
  /** Only tickets whose point lies in this lng/lat box (a prefilter for nearby duplicates). */
  within?: { minLng: number; minLat: number; maxLng: number; maxLat: number }
  overdue?: boolean
}

export type SeatOutcome = 'confirmed' | 'waitlisted' | 'full' | 'duplicate'

/**
 * The store port: the operations the domain needs, each atomic on its own.
 * Every list is paged (CloudBase returns at most 100 records a call); callers loop on `next`.
 */
export interface Store {
  // users
  getUser (id: string): Promise<User | null>
  getUserByOpenid (openid: string): Promise<User | null>
  putUser (user: User): Promise<void>
  listUsers (q: PageQuery & { role?: User['roles'][number] }): Promise<Page<User>>

  // grids and categories (admin-edited data)
  putGrids (grids: Grid[]): Promise<void>
  getGrid (id: string): Promise<Grid | null>
  listGrids (q: PageQuery): Promise<Page<Grid>>
  putCategories (categories: Category[]): Promise<void>
  getCategory (id: string): Promise<Category | null>
  listCategories (q: PageQuery): Promise<Page<Category>>

  // tickets
  /** Insert unless the same reporter already filed this clientRequestId; then return that one. */
  createTicket (ticket: Ticket, event: TicketEvent): Promise<{ ticket: Ticket; created: boolean }>
  getTicket (id: string): Promise<Ticket | null>
  /** The ticket this reporter filed with this clientRequestId, if any (a retry of a submit that went through). */
  getTicketByRequest (reporterId: string, clientRequestId: string): Promise<Ticket | null>
  /**
   * Apply `patch` only if the ticket is still at `expectedVersion`; bumps the version and appends `event`
   * in the same step. Returns the updated ticket, or null when someone else changed it first.
   */
  updateTicket (id: string, expectedVersion: number, patch: Partial<Ticket>, event: TicketEvent): Promise<Ticket | null>
  listTickets (f: TicketFilter): Promise<Page<Ticket>>
  listTicketEvents (ticketId: string, q: PageQuery): Promise<Page<TicketEvent>>
  /** Bulk insert of tickets with their timelines (seeding, imports); ids must be new. One transaction where the store has them. */
  importTickets (tickets: Ticket[], events: TicketEvent[]): Promise<void>

  // followers (+1 on an existing report instead of filing a duplicate)
  /** Add a follower and bump ticket.followers in one step; false when already following (nothing changes). */
  follow (ticketId: string, userId: string, at: string): Promise<boolean>
  isFollowing (ticketId: string, userId: string): Promise<boolean>
  /** Follower user ids, oldest first. */
  listFollowers (ticketId: string, q: PageQuery): Promise<Page<string>>
  /** Tickets this user follows, most recently followed first. */
  listFollowed (userId: string, q: PageQuery): Promise<Page<Ticket>>

  // photo content-safety reviews (one per uploaded file that did not pass at once)
  putPhotoReviews (reviews: PhotoReview[]): Promise<void>
  getPhotoReviews (fileIds: string[]): Promise<PhotoReview[]>
  /** Set the verdict of the review with this trace id; null when none matches. */
  settlePhotoReview (traceId: string, status: 'passed' | 'rejected', at: string): Promise<PhotoReview | null>

  // volunteer events
  putEvent (event: VolunteerEvent): Promise<void>
  getEvent (id: string): Promise<VolunteerEvent | null>
  listEvents (q: PageQuery & { fromIso?: string }): Promise<Page<VolunteerEvent>>
  /** Take a seat atomically: confirmed while seats are left, else waitlisted (if enabled) or full. One signup per person. */
  takeSeat (signup: Signup): Promise<{ outcome: SeatOutcome; signup: Signup | null }>
  listSignups (q: PageQuery & { eventId?: string; userId?: string }): Promise<Page<Signup>>

  // surveys
  putSurvey (survey: Survey): Promise<void>
  getSurvey (id: string): Promise<Survey | null>
  listSurveys (q: PageQuery): Promise<Page<Survey>>
  /** One response per person per survey: false when this person already answered. */
  addResponse (response: SurveyResponse): Promise<boolean>
  listResponses (q: PageQuery & { surveyId?: string; userId?: string; fromIso?: string; toIso?: string }): Promise<Page<SurveyResponse>>

  // messages
  addMessage (message: Message): Promise<void>
  listMessages (q: PageQuery & { userId: string }): Promise<Page<Message>>
  /** Mark this user's messages read (all of them when ids is omitted); returns how many changed. */
  markMessagesRead (userId: string, ids?: string[]): Promise<number>
  countUnreadMessages (userId: string): Promise<number>

  // counters (e.g. rate limits): add atomically, return the new value
  incrementCounter (key: string, by: number): Promise<number>

  close (): Promise<void>
}
