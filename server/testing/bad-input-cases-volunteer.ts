import { app, cast, HUGE, V, type Case } from './bad-input'
import { idCases, pointCases, table } from './bad-input-shapes'

/** The bad-input cases of volunteer service (the harness is bad-input.ts; the other tables are in bad-input-cases.ts). */

const hoursAhead = (h: number) => new Date(Date.parse(app.clock.now()) + h * 3_600_000).toISOString()
const validEvent = (): Record<string, unknown> => ({
  kind: 'service', title: '坏输入测试活动', topic: '环境保护', address: '香樟路社区广场', location: cast.spot,
  startAt: hoursAhead(72), endAt: hoursAhead(74), capacity: 10, waitlistEnabled: true, cancelDeadline: hoursAhead(48)
})
const validRegistration = (): Record<string, unknown> => ({ realName: '王小明', phone: '13800138000', community: '香樟路社区', skills: ['环境保护'] })

/** A point in the demo city (the cast's spot is only known once the world is seeded). */
const SPOT = { lng: 112.98, lat: 28.18 }

export const VOLUNTEER_CASES: Case[] = [
  ...table('volunteer', 'events', () => ({}), [
    ['kind unknown', { kind: 'party' }], ['topic unknown', { topic: '唱歌' }], ['fromIso not a time', { fromIso: '明天' }],
    ['withinKm 0', { near: SPOT, withinKm: 0 }], ['withinKm 1,000', { near: SPOT, withinKm: 1000 }]
  ]),
  ...pointCases('volunteer', 'events', (near) => ({ near })),
  ...idCases('volunteer', 'event', 'id', 'ev-nope'),
  ...idCases('volunteer', 'acceptOffer', 'eventId', 'ev-nope'),
  { name: 'volunteer.acceptOffer: a seat already mine is answered as it stands', fn: 'volunteer', action: 'acceptOffer', payload: () => ({ eventId: 'ev-001' }), expected: 'allowed', check: (d) => expect((d as { signup: { status: string } }).signup.status).toBe('confirmed') },
  { name: 'volunteer.acceptOffer: an event I never signed up for answers NOT_FOUND', fn: 'volunteer', action: 'acceptOffer', payload: () => ({ eventId: 'ev-003' }), expected: 'NOT_FOUND' },
  ...table('volunteer', 'register', validRegistration, [
    ['realName missing', { realName: undefined }], ['realName one char', { realName: '王' }], ['realName of 10,000 chars', { realName: HUGE }],
    ['realName with digits', { realName: '王小明123' }], ['realName a number', { realName: 42 }],
    ['phone missing', { phone: undefined }], ['phone of 10 digits', { phone: '1380013800' }], ['phone a number', { phone: 13800138000 }], ['phone landline', { phone: '073185880000' }],
    ['community missing', { community: undefined }], ['community of 10,000 chars', { community: HUGE }],
    ['skills empty', { skills: [] }], ['skills unknown', { skills: ['唱歌'] }], ['skills repeated', { skills: ['环境保护', '环境保护'] }], ['skills a string', { skills: '环境保护' }],
    ['homeGridId of 10,000 chars', { homeGridId: HUGE }]
  ]),
  { name: 'volunteer.register: an unknown home grid answers VALIDATION', fn: 'volunteer', action: 'register', payload: () => ({ ...validRegistration(), homeGridId: 'g-nope' }), expected: V, as: () => cast.identity.reporter },
  ...table('volunteer', 'checkIn', () => ({}), [
    ['neither code nor position', {}], ['code empty', { code: '' }], ['code of 10,000 chars', { code: HUGE }], ['code a number', { code: 1234567890 }],
    ['a text that is not our code', { code: 'https://example.com/qr?x=1' }],
    ['a forged code', { code: 'WMV1.ev-002.99999999.abcdefghijklmnopqrstuv' }, 'FORBIDDEN'],
    ['position for an unknown event', { eventId: 'ev-nope', location: SPOT }, 'NOT_FOUND'],
    ['position for an event I have not signed up for', { eventId: 'ev-002', location: SPOT }, 'FORBIDDEN']
  ]),
  ...pointCases('volunteer', 'checkIn', (location) => ({ eventId: 'ev-002', location })),
  ...table('volunteer', 'checkOut', () => ({}), [
    ['neither code nor position', {}], ['code of 10,000 chars', { code: HUGE }], ['a forged code', { code: 'WMV1.ev-002.99999999.abcdefghijklmnopqrstuv' }, 'FORBIDDEN']
  ]),
  ...idCases('volunteer', 'appeal', 'eventId', 'ev-nope', () => ({ reason: '我到场了但没能签到' })),
  ...table('volunteer', 'appeal', () => ({ eventId: 'ev-001', reason: '我到场了但没能签到' }), [
    ['reason missing', { reason: undefined }], ['reason too short', { reason: '冤' }], ['reason of 10,000 chars', { reason: HUGE }]
  ]),
  { name: 'volunteer.requestCertificate: an unregistered volunteer is told to register first (junk ignored)', fn: 'volunteer', action: 'requestCertificate', payload: () => ({ junk: HUGE }), expected: 'CONFLICT', as: () => ({ kind: 'user', openid: 'bad-unregistered' }) },
  ...table('volunteer', 'certificate', () => ({}), [
    ['number missing', {}], ['number malformed', { number: 'ZZ-1' }], ['number of 10,000 chars', { number: HUGE }], ['number an object', { number: { $ne: null } }],
    ['number unknown', { number: 'ZZ2026-999999' }, 'NOT_FOUND']
  ]),
  ...table('volunteer', 'verifyCertificate', () => ({ number: 'ZZ2026-999999', code: 'K7M2Q9' }), [
    ['number missing', { number: undefined }], ['code missing', { code: undefined }], ['code lower case', { code: 'k7m2q9' }], ['code of 10,000 chars', { code: HUGE }],
    ['number unknown', {}, 'NOT_FOUND']
  ]),
  ...table('volunteer', 'saveEvent', validEvent, [
    ['title missing', { title: undefined }], ['title too short', { title: '清扫' }], ['title of 10,000 chars', { title: HUGE }],
    ['kind unknown', { kind: 'party' }], ['topic unknown', { topic: '唱歌' }], ['address missing', { address: undefined }],
    ['capacity 0', { capacity: 0 }], ['capacity 1,001', { capacity: 1001 }], ['capacity fractional', { capacity: 2.5 }], ['capacity a string', { capacity: '10' }],
    ['startAt not a time', { startAt: '下周六上午' }], ['end before start', () => ({ endAt: hoursAhead(71) })], ['longer than 24 hours', () => ({ endAt: hoursAhead(100) })],
    ['cancellation deadline after the start', () => ({ cancelDeadline: hoursAhead(73) })],
    ['requirements on a training', { kind: 'training', requiredTrainings: ['环境保护'] }], ['requirements unknown', { requiredTrainings: ['唱歌'] }],
    ['description of 10,000 chars', { description: HUGE }], ['location an array', { location: [112.98, 28.18] }],
    ['a start in the past', () => ({ startAt: hoursAhead(-2), endAt: hoursAhead(-1), cancelDeadline: hoursAhead(-3) }), 'CONFLICT'],
    ['an unknown id to edit', { id: 'ev-nope' }, 'NOT_FOUND'],
    ['capacity below the seats taken of a held event', { id: 'ev-001', capacity: 1 }, 'CONFLICT']
  ]),
  ...idCases('volunteer', 'publishEvent', 'id', 'ev-nope'),
  ...idCases('volunteer', 'cancelEvent', 'id', 'ev-nope', () => ({ reason: '天气原因' })),
  ...table('volunteer', 'cancelEvent', () => ({ id: 'ev-002', reason: '天气原因' }), [
    ['reason missing', { reason: undefined }], ['reason one char', { reason: '雨' }], ['reason of 10,000 chars', { reason: HUGE }],
    ['an event already held', { id: 'ev-001' }, 'CONFLICT']
  ]),
  ...idCases('volunteer', 'roster', 'id', 'ev-nope'),
  ...idCases('volunteer', 'checkinCode', 'id', 'ev-nope'),
  { name: 'volunteer.checkinCode: an event days away shows no code (CONFLICT)', fn: 'volunteer', action: 'checkinCode', payload: () => ({ id: 'ev-002' }), expected: 'CONFLICT' },
  ...idCases('volunteer', 'markAttendance', 'eventId', 'ev-nope', () => ({ userId: 'u-volunteer', attended: true })),
  ...table('volunteer', 'markAttendance', () => ({ eventId: 'ev-002', userId: 'u-volunteer', attended: true }), [
    ['userId missing', { userId: undefined }], ['attended a string', { attended: 'yes' }], ['attended missing', { attended: undefined }],
    ['an event not begun', {}, 'CONFLICT']
  ]),
  ...idCases('volunteer', 'confirmHours', 'eventId', 'ev-nope', () => ({ userId: 'u-volunteer' })),
  ...table('volunteer', 'confirmHours', () => ({ eventId: 'ev-001', userId: 'u-volunteer' }), [
    ['earnedHours negative', { earnedHours: -1 }], ['earnedHours 25', { earnedHours: 25 }], ['earnedHours two decimals', { earnedHours: 1.25 }],
    ['manualHours a string', { manualHours: '2' }], ['manualHours NaN', { manualHours: Number.NaN }], ['reason of 10,000 chars', { reason: HUGE }],
    ['raising 信用时长', { earnedHours: 5, reason: '多干了一会儿' }, 'CONFLICT'],
    ['someone not on the roster', { userId: 'u-citizen' }, 'NOT_FOUND']
  ]),
  ...idCases('volunteer', 'recordServed', 'id', 'ev-nope', () => ({ servedCount: 10 })),
  ...table('volunteer', 'recordServed', () => ({ id: 'ev-002', servedCount: 10 }), [
    ['servedCount negative', { servedCount: -1 }], ['servedCount fractional', { servedCount: 1.5 }], ['servedCount huge', { servedCount: 1e9 }], ['servedCount missing', { servedCount: undefined }],
    ['an event not begun', {}, 'CONFLICT']
  ]),
  ...idCases('volunteer', 'exportRoster', 'id', 'ev-nope'),
  ...table('volunteer', 'orgReport', () => ({ year: 2026 }), [
    ['year missing', { year: undefined }], ['year 1999', { year: 1999 }], ['year 2101', { year: 2101 }], ['year a string', { year: '2026' }], ['year fractional', { year: 2026.5 }],
    ['organizerId of 10,000 chars', { organizerId: HUGE }]
  ])
]
