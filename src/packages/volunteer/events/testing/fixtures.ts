import type { Signup } from '../../../../../core/types'
import type { EventView } from '../../../../../core/views'
import type { EventChoice } from '../../../../../core/volunteer/event-choice'
import type { CertificateView } from '../../../../../core/volunteer/views'

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
