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
  /** The organisation an organizer acts for (organizers only; set when the office grants the role). */
  organisation?: string | null
  /** The area an admin answers for: a grid-code prefix, '' for the whole city (admins only). */
  areaCode?: string | null
  /** The office stopped this person from reporting until `until` (core/moderation.ts reportBan); absent = never. */
  reportBan?: ReportBan | null
}

/** 暂停上报: set by the office with a reason; the person is told why and until when. */
export interface ReportBan {
  until: string
  reason: string
  by: string
  at: string
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
  /**
   * 缓办 (deferral) the office approved, with its reason: the deadline moved to `until`, the original kept. A deferred
   * ticket leaves the base of 按期结案率 (按期结案 ÷ (应结案 − 缓办)); absent on tickets never deferred.
   */
  deferral?: { at: string; by: string; reason: string; originalDeadline: string; until: string } | null
  /**
   * 屏蔽: the office took the report out of every public view (nearby duplicates, followers, Open311); its reporter,
   * its handler and the office still see it, and it still counts in the indicators. Absent or null: public.
   */
  hidden?: { at: string; by: string; reason: string } | null
  /** Photos the office redacted (屏蔽照片): gone from every view but the office's, which shows them as 已屏蔽. */
  redactedPhotos?: RedactedPhoto[]
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

export interface RedactedPhoto {
  fileId: string
  at: string
  by: string
  reason: string
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

/** Service areas (skills, interests, event topics, training topics): the bulletin's list and the usual platforms'. */
export const VOLUNTEER_TOPICS = ['环境保护', '居家养老', '医疗健康', '法律维权', '网络文明', '交通劝导', '文明引导', '关爱未成年人', '应急救援'] as const
export type VolunteerTopic = (typeof VOLUNTEER_TOPICS)[number]

export interface VolunteerEvent {
  id: string
  kind: EventKind
  title: string
  description: string
  topic: VolunteerTopic
  /** Whom the service is for (e.g. 居家养老 → 社区高龄老人); free text the organiser writes. */
  servingTarget: string
  /** Training topics a volunteer must hold (a confirmed training of that topic, not expired) to sign up. */
  requiredTrainings: VolunteerTopic[]
  organizerId: string
  gridId: string | null
  address: string
  location: GcjPoint | null
  startAt: string
  endAt: string
  capacity: number
  /** Seats held (confirmed + offered); only ever changed together with the signups that hold them. */
  taken: number
  waitlistEnabled: boolean
  cancelDeadline: string
  status: EventStatus
  /** People served, entered by the organiser after the event (the bulletin's 服务群众人次); null until then. */
  servedCount: number | null
  cancelReason: string | null
  createdAt: string
  updatedAt: string
}

/**
 * confirmed: holds a seat; waitlisted: waits in arrival order; offered: a freed seat is held for them until
 * `offerExpiresAt`; lapsed: the offer ran out (the seat passed on); cancelled: by the person or with the event.
 */
export type SignupStatus = 'confirmed' | 'waitlisted' | 'offered' | 'cancelled' | 'lapsed'
export type AttendMethod = 'qr' | 'position' | 'organizer'

/** One change to a signup's hours, kept with who and when. */
export interface HoursAdjustment {
  at: string
  by: string
  /** earned: 信用时长 from check-in/out; manual: 补录 by the organiser (a forgotten check-out). */
  field: 'earned' | 'manual'
  from: number | null
  to: number
  reason: string
}

export interface Signup {
  /** Deterministic per (event, person): `signupId(eventId, userId)`. */
  id: string
  eventId: string
  userId: string
  status: SignupStatus
  /** Arrival order on the waitlist. */
  createdAt: string
  /** Bumped on every write; attendance and hours are written only on the version read. */
  version: number
  offerExpiresAt: string | null
  checkInAt: string | null
  checkInBy: AttendMethod | null
  checkOutAt: string | null
  checkOutBy: AttendMethod | null
  /** Marked absent by the organiser. */
  noShow: boolean
  /** 信用时长: attended time inside the event window (computed at check-out, may be adjusted down with a reason). */
  earnedHours: number | null
  /** 补录 (荣誉时长): added by the organiser with a reason; never more than the event's length. */
  manualHours: number | null
  /** Hours count (towards totals, stars, certificates) only once the organiser has confirmed them. */
  hoursConfirmedAt: string | null
  hoursConfirmedBy: string | null
  adjustments: HoursAdjustment[]
  /** The volunteer disputes a no-show or their hours. */
  appeal: { at: string; reason: string; resolvedAt: string | null } | null
}

/** 志愿者注册信息. The phone is shown masked to everyone but the office and the volunteer. */
export interface VolunteerProfile {
  userId: string
  realName: string
  phone: string
  homeGridId: string | null
  community: string
  skills: VolunteerTopic[]
  /** 志愿者编号, given at registration. */
  volunteerNo: string
  registeredAt: string
}

/** 志愿服务记录证明 (民发〔2015〕149号): what it states is frozen at issue. */
export interface Certificate {
  number: string
  /** Printed with the number and in its QR code: verification needs both, so numbers cannot be walked. */
  checkCode: string
  userId: string
  issuedAt: string
  realName: string
  volunteerNo: string
  earnedHours: number
  manualHours: number
  serviceCount: number
  firstServiceAt: string | null
  lastServiceAt: string | null
  topics: VolunteerTopic[]
  records: Array<{ title: string; kind: EventKind; topic: VolunteerTopic; date: string; hours: number; manual: boolean }>
  issuer: { organisation: string; personInCharge: string; handler: string; contact: string }
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
  /** Option indexes offered but never counted in any denominator (不清楚, 不读出). Absent: none. */
  excluded?: number[]
  /** Skip logic: shown only when an earlier choice question was answered with one of these options. */
  showIf?: { questionId: string; anyOf: number[] } | null
  /** Choice and scale questions default to required, text to optional. */
  required?: boolean
}

export type SurveyStatus = 'draft' | 'open' | 'closed'

/** 18–65 is the national assessment's telephone survey's range; 'other' is outside it. */
export const AGE_BANDS = ['18-29', '30-44', '45-59', '60-65', 'other'] as const
export type AgeBand = (typeof AGE_BANDS)[number]
export const AGE_BAND_LABELS: Record<AgeBand, string> = { '18-29': '18–29 岁', '30-44': '30–44 岁', '45-59': '45–59 岁', '60-65': '60–65 岁', other: '其他年龄' }

/** Who a survey is for: empty lists mean everyone. Area codes are grid-code prefixes (district 6, street 9, community 12 digits). */
export interface SurveyAudience {
  areaCodes: string[]
  roles: Role[]
  ageBands: AgeBand[]
}

/** At most `limit` counted responses from an area (a grid-code prefix), optionally of one age band. */
export interface SurveyQuota {
  areaCode: string
  ageBand: AgeBand | null
  limit: number
}

export interface Survey {
  id: string
  title: string
  description: string
  status: SurveyStatus
  opensAt: string
  closesAt: string
  questions: Question[]
  createdAt: string
  /** Versions: a published survey's questions never change; a new version is a copy (parentId) with version + 1. */
  version?: number
  parentId?: string | null
  /** The built-in template it was made from (core/survey-templates.ts). */
  template?: string | null
  audience?: SurveyAudience
  quotas?: SurveyQuota[]
  /** Respondents give their age band first (audience by age, quotas by age band, age-weighted rates). */
  asksAge?: boolean
  createdBy?: string | null
  updatedAt?: string
  publishedAt?: string | null
  closedAt?: string | null
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
  /** The phone's key for this submission: a retried submit with it answers the same, once. */
  clientKey?: string | null
  /** Staff testing the survey: stored, never counted (indicators, quotas, results). */
  test?: boolean
  ageBand?: AgeBand | null
  /** The respondent's home grid code when answered (areas roll up by its prefixes). */
  areaCode?: string | null
}

export interface Message {
  id: string
  userId: string
  ticketId: string | null
  /** The volunteer event it is about (offers, cancellations, reminders, hours), opened from the list. */
  eventId?: string | null
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
