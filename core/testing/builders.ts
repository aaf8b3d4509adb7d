import type { z } from 'zod'
import type { saveEventInput } from '../volunteer/schemas'
import { newSignup } from '../volunteer/seats'
import type {
  Category, Grid, Message, PhotoReview, Signup, Survey, SurveyResponse, Ticket, TicketEvent, User, VolunteerEvent
} from '../types'
import { DATUM } from '../types'

/** Test-data builders: one per entity, valid by default, so a test states only what matters to it. */

const BASE_MS = Date.UTC(2025, 2, 1, 8, 0, 0)

/** A fixed ISO time: 2025-03-01T08:00:00.000Z plus `minutes`. */
export function isoAt (minutes: number): string {
  return new Date(BASE_MS + minutes * 60_000).toISOString()
}

let seq = 0
/** A fresh id; zero-padded so string order matches creation order within a run. */
export function nextId (prefix: string): string {
  seq += 1
  return `${prefix}-${String(seq).padStart(6, '0')}`
}

export function aUser (o: Partial<User> = {}): User {
  const id = o.id ?? nextId('user')
  return { id, openid: `openid-${id}`, nickname: '张三', roles: ['citizen'], gridIds: [], createdAt: isoAt(0), ...o }
}

export function aGrid (o: Partial<Grid> = {}): Grid {
  const id = o.id ?? nextId('grid')
  return {
    id,
    code: `330102001001${String(seq % 1000).padStart(3, '0')}`,
    name: '清波街道第一网格',
    district: '上城区',
    street: '清波街道',
    community: '清波社区',
    datum: DATUM,
    polygon: [[120.16, 30.24], [120.17, 30.24], [120.17, 30.25], [120.16, 30.25]],
    managerIds: [],
    population: 3200,
    ...o
  }
}

export function aCategory (o: Partial<Category> = {}): Category {
  const id = o.id ?? nextId('cat')
  return {
    id,
    code: `0201${String(seq % 100).padStart(2, '0')}`,
    kind: 'event',
    level: 2,
    parentCode: '02',
    name: '暴露垃圾',
    icon: 'trash',
    timeLimitHours: 24,
    department: '环卫所',
    duplicateRadiusM: 30,
    allowAnonymous: true,
    active: true,
    ...o
  }
}

export function aTicket (o: Partial<Ticket> = {}): Ticket {
  const id = o.id ?? nextId('ticket')
  return {
    id,
    clientRequestId: `req-${id}`,
    reporterId: 'user-reporter',
    anonymous: false,
    categoryId: 'cat-garbage',
    description: '路边有一堆垃圾',
    location: { lng: 120.165, lat: 30.245 },
    address: '清波街 1 号',
    gridId: 'grid-1',
    assigneeId: null,
    department: '环卫所',
    state: 'triage',
    closeReason: null,
    mergedInto: null,
    photos: ['photo-1.jpg'],
    afterPhotos: [],
    deadline: isoAt(24 * 60),
    overdue: false,
    reworkCount: 0,
    followers: 0,
    rating: null,
    createdAt: isoAt(0),
    updatedAt: isoAt(0),
    dispatchedAt: null,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    version: 1,
    ...o
  }
}

export function aTicketEvent (o: Partial<TicketEvent> = {}): TicketEvent {
  return {
    id: o.id ?? nextId('tev'),
    ticketId: 'ticket-1',
    action: 'report',
    fromState: null,
    toState: 'triage',
    actorId: 'user-reporter',
    actorRole: 'citizen',
    note: '',
    at: isoAt(0),
    ...o
  }
}

/** The "reported" event belonging to `ticket`. */
export function aReportEvent (ticket: Ticket, o: Partial<TicketEvent> = {}): TicketEvent {
  return aTicketEvent({ ticketId: ticket.id, toState: ticket.state, actorId: ticket.reporterId, at: ticket.createdAt, ...o })
}

export function aVolunteerEvent (o: Partial<VolunteerEvent> = {}): VolunteerEvent {
  const id = o.id ?? nextId('event')
  return {
    id,
    kind: 'service',
    title: '清波社区垃圾分类宣传',
    description: '在小区门口宣传垃圾分类',
    topic: '环境保护',
    servingTarget: '社区居民',
    requiredTrainings: [],
    organizerId: 'user-organizer',
    gridId: 'grid-1',
    address: '清波社区服务中心',
    location: { lng: 120.165, lat: 30.245 },
    startAt: isoAt(7 * 24 * 60),
    endAt: isoAt(7 * 24 * 60 + 120),
    capacity: 10,
    taken: 0,
    waitlistEnabled: true,
    cancelDeadline: isoAt(6 * 24 * 60),
    status: 'published',
    servedCount: null,
    cancelReason: null,
    createdAt: isoAt(0),
    updatedAt: isoAt(0),
    ...o
  }
}

/** What the organiser's event form sends for a new service event: only the fields the schema has no default for. */
export function aSaveEventForm (o: Partial<z.input<typeof saveEventInput>> = {}): z.input<typeof saveEventInput> {
  return {
    kind: 'service',
    title: '河道清洁志愿活动',
    topic: '环境保护',
    address: '浏阳河风光带入口',
    startAt: '2026-12-10T01:00:00.000Z',
    endAt: '2026-12-10T04:00:00.000Z',
    cancelDeadline: '2026-12-09T01:00:00.000Z',
    capacity: 20,
    ...o
  }
}

/** A signup; its id is the deterministic (event, person) one unless given. */
export function aSignup (o: Partial<Signup> = {}): Signup {
  const eventId = o.eventId ?? 'event-1'
  const userId = o.userId ?? 'user-volunteer'
  return { ...newSignup(eventId, userId, o.createdAt ?? isoAt(0)), ...o }
}

export function aSurvey (o: Partial<Survey> = {}): Survey {
  return {
    id: o.id ?? nextId('survey'),
    title: '创建文明城市知晓率调查',
    description: '请花一分钟回答',
    status: 'open',
    opensAt: isoAt(0),
    closesAt: isoAt(30 * 24 * 60),
    questions: [
      { id: 'q1', type: 'single', title: '你知道本市正在创建文明城市吗？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0] },
      { id: 'q2', type: 'text', title: '你的建议', options: [], indicator: 'none', positive: [] }
    ],
    createdAt: isoAt(0),
    ...o
  }
}

export function aSurveyResponse (o: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id: o.id ?? nextId('resp'),
    surveyId: 'survey-1',
    userId: 'user-citizen',
    gridId: 'grid-1',
    answers: { q1: [0], q2: '多种树' },
    at: isoAt(60),
    ...o
  }
}

export function aMessage (o: Partial<Message> = {}): Message {
  return {
    id: o.id ?? nextId('msg'),
    userId: 'user-citizen',
    ticketId: null,
    title: '你的上报已受理',
    body: '网格员会尽快处理',
    read: false,
    at: isoAt(0),
    ...o
  }
}

export function aPhotoReview (o: Partial<PhotoReview> = {}): PhotoReview {
  const fileId = o.fileId ?? nextId('file')
  return { fileId, ownerId: 'user-reporter', status: 'pending', traceId: `trace-${fileId}`, at: isoAt(0), ...o }
}
