/**
 * Entity types of 文明共建. Pure data: no behaviour, no platform types.
 * Times are ISO-8601 strings (UTC) passed in by the caller; ids are strings made by an id port.
 */

/** The one coordinate datum used everywhere: WeChat maps and our grids are GCJ-02 (国测局坐标). */
export const DATUM = 'GCJ-02' as const
export type Datum = typeof DATUM

/** A point in GCJ-02 degrees. */
export interface GcjPoint {
  lng: number
  lat: number
}

/** A closed polygon ring of [lng, lat] pairs in GCJ-02; first and last vertex may or may not repeat. */
export type GcjRing = Array<[number, number]>

export const ROLES = ['citizen', 'volunteer', 'organizer', 'grid_manager', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  citizen: '居民',
  volunteer: '志愿者',
  organizer: '组织者',
  grid_manager: '网格员',
  admin: '文明办'
}

export interface User {
  id: string
  /** WeChat OPENID (or the dev-login id locally): the only identity the server trusts. */
  openid: string
  nickname: string
  phone?: string
  roles: Role[]
  /** Grids this user manages (grid managers only). */
  gridIds: string[]
  /** Grid the user lives in, if known (for participation per area). */
  homeGridId?: string
  createdAt: string
}

/** 单元网格: code = 6 digits admin area + 3 street + 3 community + 3 sequence. */
export interface Grid {
  id: string
  code: string
  name: string
  district: string
  street: string
  community: string
  datum: Datum
  polygon: GcjRing
  managerIds: string[]
  /** 常住人口 entered by the admin: the base of 参与率 and 志愿者注册率. */
  population: number
}

/** CJ/T 214: 部件 (components: public facilities) and 事件 (events: disorder). */
export type CategoryKind = 'component' | 'event'

export interface Category {
  id: string
  code: string
  kind: CategoryKind
  level: 1 | 2
  parentCode: string | null
  name: string
  icon: string
  /** 工作时限 in hours. */
  timeLimitHours: number
  department: string
  duplicateRadiusM: number
  allowAnonymous: boolean
  active: boolean
}

export type TicketState =
  | 'triage'
  | 'dispatched'
  | 'accepted'
  | 'resolved'
  | 'rework'
  | 'fixed'
  | 'closed'

export type CloseReason = 'fixed' | 'duplicate' | 'referred' | 'unable' | 'invalid'

export type Rating = 'satisfied' | 'basic' | 'unsatisfied'

export interface Ticket {
  id: string
  /** Client-made id of the submit attempt: retries and double taps carry the same one. */
  clientRequestId: string
  reporterId: string
  anonymous: boolean
  categoryId: string
  description: string
  location: GcjPoint
  address: string
  gridId: string | null
  assigneeId: string | null
  department: string
  state: TicketState
  closeReason: CloseReason | null
  mergedInto: string | null
  photos: string[]
  afterPhotos: string[]
  deadline: string
  overdue: boolean
  reworkCount: number
  /** How often the office urged (督办) the handler, and when last; absent on tickets never urged. */
  urgeCount?: number
  urgedAt?: string | null
  followers: number
  rating: Rating | null
  createdAt: string
  updatedAt: string
  dispatchedAt: string | null
  acceptedAt: string | null
  resolvedAt: string | null
  closedAt: string | null
  /** Bumped by every change; conditional updates compare it. */
  version: number
}

/** Content-safety review of one uploaded photo. No record = passed (checked synchronously, or before reviews existed). */
export type PhotoReviewStatus = 'pending' | 'passed' | 'rejected'

export interface PhotoReview {
  fileId: string
  /** Who uploaded it: the only person who sees it while it is pending or after it was rejected. */
  ownerId: string
  status: PhotoReviewStatus
  /** WeChat mediaCheckAsync trace id, to match the pushed verdict. */
  traceId: string | null
  at: string
}

export interface TicketEvent {
  id: string
  ticketId: string
  action: string
  fromState: TicketState | null
  toState: TicketState
  actorId: string
  actorRole: Role | 'system'
  note: string
  at: string
}

export type EventKind = 'service' | 'training'
export type EventStatus = 'draft' | 'published' | 'cancelled'

export interface VolunteerEvent {
  id: string
  kind: EventKind
  title: string
  description: string
  organizerId: string
  gridId: string | null
  address: string
  location: GcjPoint | null
  startAt: string
  endAt: string
  capacity: number
  /** Confirmed seats taken; only ever changed by a conditional update. */
  taken: number
  waitlistEnabled: boolean
  cancelDeadline: string
  status: EventStatus
  createdAt: string
}

export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled'

export interface Signup {
  id: string
  eventId: string
  userId: string
  status: SignupStatus
  createdAt: string
  checkInAt: string | null
  checkOutAt: string | null
  hours: number | null
}

export type QuestionType = 'single' | 'multi' | 'scale3' | 'scale5' | 'text'
export type IndicatorTag = 'awareness' | 'support' | 'satisfaction' | 'none'

export interface Question {
  id: string
  type: QuestionType
  title: string
  options: string[]
  indicator: IndicatorTag
  /** Option indexes that count as the positive answer for the indicator (知道/支持/满意+基本满意). */
  positive: number[]
}

export type SurveyStatus = 'draft' | 'open' | 'closed'

export interface Survey {
  id: string
  title: string
  description: string
  status: SurveyStatus
  opensAt: string
  closesAt: string
  questions: Question[]
  createdAt: string
}

/** An answer: option indexes for choice/scale questions, text for text questions. */
export type Answer = number[] | string

export interface SurveyResponse {
  id: string
  surveyId: string
  userId: string
  gridId: string | null
  answers: Record<string, Answer>
  at: string
}

export interface Message {
  id: string
  userId: string
  ticketId: string | null
  title: string
  body: string
  read: boolean
  at: string
}

/** A page of results; `next` is an opaque cursor, null on the last page. */
export interface Page<T> {
  items: T[]
  next: string | null
}
