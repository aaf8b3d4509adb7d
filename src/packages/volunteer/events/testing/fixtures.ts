import { aSignup } from '../../../../../core/testing/builders'
import type { Signup, VolunteerEvent } from '../../../../../core/types'
import type { EventView } from '../../../../../core/views'
import type { EventChoice } from '../../../../../core/volunteer/event-choice'
import type { CertificateView, MySignupView, MyVolunteerView, RosterEntry, RosterView } from '../../../../../core/volunteer/views'

/** What the volunteer pages' tests are answered with: complete views, as the server sends them. */

export function signupOf (eventId: string, over: Partial<Signup> = {}): Signup {
  return {
    id: `s-${eventId}`, eventId, userId: 'u-v', status: 'confirmed', createdAt: '2026-11-20T00:00:00.000Z', version: 1,
    offerExpiresAt: null, checkInAt: null, checkInBy: null, checkOutAt: null, checkOutBy: null, noShow: false,
    earnedHours: null, manualHours: null, hoursConfirmedAt: null, hoursConfirmedBy: null, adjustments: [], appeal: null, ...over
  }
}

export function eventOf (id: string, choice: EventChoice, over: Partial<EventView> = {}): EventView {
  const capacity = over.capacity ?? 30
  const taken = over.taken ?? 3
  return {
    id, kind: 'service', title: `活动${id}`, description: '', topic: '环境保护', servingTarget: '', requiredTrainings: [],
    organizerId: 'u-org', gridId: null, address: '香樟路社区广场', location: null,
    startAt: '2026-12-04T01:00:00.000Z', endAt: '2026-12-04T04:00:00.000Z', capacity, taken, waitlistEnabled: true,
    cancelDeadline: '2026-12-03T01:00:00.000Z', status: 'published', servedCount: null, cancelReason: null,
    createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
    mySignup: null, choice, canCancel: false, placesLeft: Math.max(0, capacity - taken), waitlistLength: 0, waitlistPosition: null,
    missingTrainings: [], distanceM: null, organizerName: '香樟路社区居委会', ...over
  }
}

export function certificateOf (over: Partial<CertificateView> = {}): CertificateView {
  return {
    number: 'ZZ2026-000004', checkCode: 'K7P2QX', userId: 'u-v', issuedAt: '2026-06-01T02:00:00.000Z', realName: '李志远', volunteerNo: 'V2026000007',
    earnedHours: 9.5, manualHours: 1, serviceCount: 3, firstServiceAt: '2026-03-01T01:00:00.000Z', lastServiceAt: '2026-05-04T01:00:00.000Z',
    topics: ['环境保护', '应急救援'],
    records: [
      { title: '应急救护培训', kind: 'training', topic: '应急救援', date: '2026-03-01T01:00:00.000Z', hours: 3, manual: false },
      { title: '湘江河岸清洁', kind: 'service', topic: '环境保护', date: '2026-04-11T01:00:00.000Z', hours: 4, manual: true },
      { title: '社区垃圾分类引导', kind: 'service', topic: '环境保护', date: '2026-05-04T01:00:00.000Z', hours: 3.5, manual: false }
    ],
    issuer: { organisation: '雨花区新时代文明实践中心', personInCharge: '刘建国', handler: '陈晓', contact: '0731-85880000' },
    // As the server builds it: the gateway's public verification page.
    verifyUrl: 'https://wm.example.cn/v/ZZ2026-000004?c=K7P2QX',
    ...over
  }
}

/** An instant `hours` from now (negative: ago): attendance and the check-in window depend on the real clock. */
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()

/** 我的志愿 of a registered volunteer one star up, 175.5 hours short of the second. */
export function myVolunteerOf (over: Partial<MyVolunteerView> = {}): MyVolunteerView {
  return {
    profile: { userId: 'u-v', realName: '李志远', phone: '139****5678', homeGridId: 'g1', community: '香樟路社区', skills: ['环境保护'], volunteerNo: 'V2026000007', registeredAt: '2026-01-05T00:00:00.000Z' },
    hours: { earned: 118.5, manual: 6, total: 124.5, pending: 2.5, serviceCount: 31 },
    stars: { stars: 1, hours: 124.5, nextAt: 300, toNext: 175.5, share: 0.1225 },
    thresholds: [100, 300, 600, 1000, 1500],
    trainings: [
      { topic: '应急救援', title: '应急救护培训', completedAt: '2026-03-01T04:00:00.000Z', expiresAt: '2028-03-01T04:00:00.000Z', valid: true },
      { topic: '医疗健康', title: '急救常识', completedAt: '2023-03-01T04:00:00.000Z', expiresAt: '2025-03-01T04:00:00.000Z', valid: false }
    ],
    reliability: { signedUp: 12, attended: 11, share: 11 / 12 },
    certificates: [{ number: 'ZZ2026-000003', issuedAt: '2026-06-01T02:00:00.000Z', earnedHours: 80, manualHours: 2 }],
    moreCertificates: false,
    offers: [],
    ...over
  }
}

/** One row of 我的报名: a confirmed signup for event `eventId`, no hours counted yet. */
export function mySignupOf (eventId: string, over: Partial<MySignupView> = {}): MySignupView {
  return {
    signup: signupOf(eventId),
    event: { id: eventId, title: `活动${eventId}`, kind: 'service', topic: '环境保护', startAt: '2026-05-04T01:00:00.000Z', endAt: '2026-05-04T04:00:00.000Z', address: '香樟路', status: 'published' },
    counted: { earned: 0, manual: 0 },
    canAppeal: false,
    ...over
  }
}

const SIGNUP_STATUS: Record<RosterEntry['attendance'], Signup['status']> = {
  waiting: 'waitlisted', offered: 'offered', gone: 'cancelled', booked: 'confirmed', in: 'confirmed', out: 'confirmed', no_show: 'confirmed'
}

/** A person on the roster of event `eventId`, whose signup is in the status their attendance implies. */
export function rosterEntryOf (eventId: string, userId: string, name: string, attendance: RosterEntry['attendance'], signup: Partial<Signup> = {}): RosterEntry {
  return {
    signup: aSignup({ eventId, userId, status: SIGNUP_STATUS[attendance], ...signup }),
    name, phone: '138****5678', volunteerNo: `V2026${userId.slice(-1).padStart(6, '0')}`, attendance, maxHours: 3
  }
}

const NO_COUNTS: RosterView['counts'] = { confirmed: 0, waitlisted: 0, offered: 0, checkedIn: 0, checkedOut: 0, noShow: 0, pendingHours: 0 }

/** An event's roster as the organiser reads it; counts zero unless given. */
export function rosterOf (event: VolunteerEvent, over: Partial<Omit<RosterView, 'event'>> = {}): RosterView {
  return { event, entries: [], counts: NO_COUNTS, codeOpen: false, ...over }
}
