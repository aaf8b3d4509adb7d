import { DEFAULT_SETTINGS } from '../settings'
import { aSignup, aVolunteerEvent } from '../testing/builders'
import type { Signup, VolunteerEvent } from '../types'
import { confirmedHours } from './attendance'
import {
  certificateStatement, hoursTotals, missingTrainingMessage, missingTrainings, orgReport, reliability, starProgress, trainingsHeld,
  type SignupWithEvent
} from './record'

const s = DEFAULT_SETTINGS.volunteer
const PROVINCE = s.starThresholds // 100 / 300 / 600 / 1,000 / 1,500
const BEIJING = [100, 200, 500, 800, 1000] // 志愿北京

/** An event from `startAt`, `hours` long. */
const ev = (id: string, startAt: string, o: Partial<VolunteerEvent> = {}, hours = 2): VolunteerEvent =>
  aVolunteerEvent({ id, startAt, endAt: new Date(Date.parse(startAt) + hours * 3_600_000).toISOString(), ...o })
/** A person who came: checked in at the start, out at the end, hours confirmed unless told otherwise. */
const came = (event: VolunteerEvent, userId: string, o: Partial<Signup> = {}): Signup => aSignup({
  eventId: event.id, userId, checkInAt: event.startAt, checkInBy: 'qr', checkOutAt: event.endAt, checkOutBy: 'qr',
  earnedHours: 2, hoursConfirmedAt: event.endAt, hoursConfirmedBy: event.organizerId, ...o
})
const row = (event: VolunteerEvent, signup: Signup): SignupWithEvent => ({ event, signup })

describe('starProgress', () => {
  test('the default (province) table: none below 100 h', () => {
    expect(starProgress(0, PROVINCE)).toEqual({ stars: 0, hours: 0, nextAt: 100, toNext: 100, share: 0 })
    expect(starProgress(99.9, PROVINCE)).toMatchObject({ stars: 0, nextAt: 100, toNext: 0.1 })
    expect(starProgress(25, PROVINCE).share).toBe(0.25)
  })

  test('a star at its exact threshold, with the way to the next measured from it', () => {
    expect(starProgress(100, PROVINCE)).toEqual({ stars: 1, hours: 100, nextAt: 300, toNext: 200, share: 0 })
    expect(starProgress(200, PROVINCE)).toMatchObject({ stars: 1, nextAt: 300, toNext: 100, share: 0.5 })
    expect(starProgress(300, PROVINCE)).toMatchObject({ stars: 2, nextAt: 600, toNext: 300, share: 0 })
    expect(starProgress(1000, PROVINCE)).toMatchObject({ stars: 4, nextAt: 1500, toNext: 500 })
    expect(starProgress(100.3, PROVINCE).toNext).toBe(199.7)
  })

  test('at the top: five stars, nothing next, the bar full', () => {
    expect(starProgress(1500, PROVINCE)).toEqual({ stars: 5, hours: 1500, nextAt: null, toNext: null, share: 1 })
    expect(starProgress(2400, PROVINCE)).toMatchObject({ stars: 5, nextAt: null, share: 1 })
  })

  test('the 志愿北京 table gives other stars for the same hours', () => {
    expect(starProgress(200, BEIJING)).toMatchObject({ stars: 2, nextAt: 500, toNext: 300, share: 0 })
    expect(starProgress(200, PROVINCE).stars).toBe(1)
    expect(starProgress(650, BEIJING)).toMatchObject({ stars: 3, nextAt: 800, toNext: 150, share: 0.5 })
    expect(starProgress(799.9, BEIJING)).toMatchObject({ stars: 3, toNext: 0.1 })
    expect(starProgress(1000, BEIJING)).toEqual({ stars: 5, hours: 1000, nextAt: null, toNext: null, share: 1 })
    expect(starProgress(1000, PROVINCE).stars).toBe(4)
  })
})

describe('trainingsHeld and missingTrainings', () => {
  const first = ev('t-1', '2025-03-01T01:00:00.000Z', { kind: 'training', topic: '医疗健康', title: '急救培训' })
  const second = ev('t-2', '2025-09-01T01:00:00.000Z', { kind: 'training', topic: '应急救援', title: '消防培训' })
  const service = ev('s-1', '2025-10-01T01:00:00.000Z')
  const rows = [row(first, came(first, 'u-a')), row(second, came(second, 'u-a')), row(service, came(service, 'u-a'))]
  const now = '2026-06-01T00:00:00.000Z'

  test('a training counts once its hours are confirmed, valid 24 months from its end, newest first', () => {
    expect(trainingsHeld(rows, now, s)).toEqual([
      { topic: '应急救援', title: '消防培训', completedAt: second.endAt, expiresAt: '2027-09-01T03:00:00.000Z', valid: true },
      { topic: '医疗健康', title: '急救培训', completedAt: first.endAt, expiresAt: '2027-03-01T03:00:00.000Z', valid: true }
    ])
  })

  test('expired from its expiry instant on', () => {
    const held = (at: string) => trainingsHeld([row(first, came(first, 'u-a'))], at, s)[0].valid
    expect(held('2027-03-01T02:59:59.999Z')).toBe(true)
    expect(held('2027-03-01T03:00:00.000Z')).toBe(false)
    expect(trainingsHeld([row(first, came(first, 'u-a'))], now, { trainingValidMonths: 12 })[0]).toMatchObject({ expiresAt: '2026-03-01T03:00:00.000Z', valid: false })
  })

  test('not held: hours unconfirmed, marked absent, seat cancelled, or a service event', () => {
    const rowsNot = [
      row(first, came(first, 'u-a', { hoursConfirmedAt: null })),
      row(first, came(first, 'u-a', { noShow: true })),
      row(first, came(first, 'u-a', { status: 'cancelled' })),
      row(service, came(service, 'u-a'))
    ]
    expect(trainingsHeld(rowsNot, now, s)).toEqual([])
  })

  test('missing: the required topics not held, or held but expired by the event\'s start, in the event\'s order', () => {
    const held = trainingsHeld(rows, now, s) // 医疗健康 until 2027-03-01T03:00Z, 应急救援 until 2027-09-01T03:00Z
    const needs = (startAt: string) => ({ requiredTrainings: ['应急救援', '医疗健康', '法律维权'] as VolunteerEvent['requiredTrainings'], startAt })
    expect(missingTrainings(needs('2026-07-01T01:00:00.000Z'), held)).toEqual(['法律维权'])
    // valid today, but lapsed before this event begins
    expect(missingTrainings(needs('2027-03-01T03:00:00.000Z'), held)).toEqual(['医疗健康', '法律维权'])
    expect(missingTrainings(needs('2027-10-01T01:00:00.000Z'), held)).toEqual(['应急救援', '医疗健康', '法律维权'])
    expect(missingTrainings({ requiredTrainings: [], startAt: '2026-07-01T01:00:00.000Z' }, [])).toEqual([])
  })

  test('the message names what to take', () => {
    expect(missingTrainingMessage(['医疗健康', '法律维权'])).toBe('报名本活动需要先完成「医疗健康」「法律维权」培训（有效期内），请先报名相应培训')
  })
})

describe('reliability', () => {
  const now = '2026-06-01T00:00:00.000Z'
  const past = (id: string) => ev(id, '2026-05-01T01:00:00.000Z')

  test('attended out of the seats held on events that are over', () => {
    const rows = [
      row(past('e-1'), came(past('e-1'), 'u-a')),
      row(past('e-2'), came(past('e-2'), 'u-a', { noShow: true, checkInAt: null })),
      row(past('e-3'), aSignup({ eventId: 'e-3', userId: 'u-a' })), // booked, never came
      row(past('e-4'), aSignup({ eventId: 'e-4', userId: 'u-a', checkInAt: past('e-4').startAt, checkInBy: 'organizer' })),
      // not counted: not over yet, cancelled by the organiser, cancelled in time, waited and lapsed
      row(ev('e-5', '2026-06-02T01:00:00.000Z'), aSignup({ eventId: 'e-5', userId: 'u-a' })),
      row({ ...past('e-6'), status: 'cancelled' }, aSignup({ eventId: 'e-6', userId: 'u-a' })),
      row(past('e-7'), aSignup({ eventId: 'e-7', userId: 'u-a', status: 'cancelled' })),
      row(past('e-8'), aSignup({ eventId: 'e-8', userId: 'u-a', status: 'lapsed' }))
    ]
    expect(reliability(rows, now)).toEqual({ signedUp: 4, attended: 2, share: 0.5 })
  })

  test('null before any event is over; an event counts from its end', () => {
    const e = past('e-1')
    expect(reliability([], now)).toEqual({ signedUp: 0, attended: 0, share: null })
    expect(reliability([row(e, came(e, 'u-a'))], '2026-05-01T02:59:59.999Z').share).toBeNull()
    expect(reliability([row(e, came(e, 'u-a'))], e.endAt)).toEqual({ signedUp: 1, attended: 1, share: 1 })
  })
})

describe('hoursTotals and certificateStatement', () => {
  const a = ev('e-a', '2026-04-01T01:00:00.000Z', { title: '河道清洁', topic: '环境保护' })
  const b = ev('e-b', '2026-02-01T01:00:00.000Z', { title: '敬老院陪伴', topic: '居家养老' })
  const c = ev('e-c', '2026-05-01T01:00:00.000Z', { title: '社区垃圾分类', topic: '环境保护' })
  const d = ev('e-d', '2026-05-10T01:00:00.000Z', { title: '交通劝导', topic: '交通劝导' })
  const t = ev('e-t', '2026-01-10T01:00:00.000Z', { title: '急救培训', topic: '医疗健康', kind: 'training' })
  const rows = [
    row(a, came(a, 'u-a', { earnedHours: 1.5, manualHours: 0.4 })),
    row(b, came(b, 'u-a', { earnedHours: 0.1 })),
    row(c, came(c, 'u-a', { earnedHours: 0.2 })),
    row(d, came(d, 'u-a', { earnedHours: 1.2, hoursConfirmedAt: null })), // checked out, not confirmed yet
    row(t, came(t, 'u-a', { earnedHours: 0, manualHours: null })) // confirmed at zero
  ]

  test('counted hours are confirmed ones, split; the unconfirmed are pending and not counted', () => {
    expect(hoursTotals(rows)).toEqual({ earned: 1.8, manual: 0.4, total: 2.2, pending: 1.2, serviceCount: 3 })
    expect(hoursTotals([])).toEqual({ earned: 0, manual: 0, total: 0, pending: 0, serviceCount: 0 })
  })

  test('a cancelled or absent signup neither counts nor is pending', () => {
    const gone = [row(a, came(a, 'u-a', { status: 'cancelled' })), row(d, came(d, 'u-a', { status: 'cancelled', hoursConfirmedAt: null }))]
    expect(hoursTotals(gone)).toEqual({ earned: 0, manual: 0, total: 0, pending: 0, serviceCount: 0 })
  })

  test('a certificate states only confirmed hours, oldest first, with the 补录 marked', () => {
    expect(certificateStatement(rows)).toEqual({
      earnedHours: 1.8,
      manualHours: 0.4,
      serviceCount: 3,
      firstServiceAt: b.startAt,
      lastServiceAt: c.startAt,
      topics: ['居家养老', '环境保护'],
      records: [
        { title: '敬老院陪伴', kind: 'service', topic: '居家养老', date: b.startAt, hours: 0.1, manual: false },
        { title: '河道清洁', kind: 'service', topic: '环境保护', date: a.startAt, hours: 1.9, manual: true },
        { title: '社区垃圾分类', kind: 'service', topic: '环境保护', date: c.startAt, hours: 0.2, manual: false }
      ]
    })
  })

  test('nothing confirmed: an empty statement', () => {
    expect(certificateStatement([rows[3]])).toEqual({
      earnedHours: 0, manualHours: 0, serviceCount: 0, firstServiceAt: null, lastServiceAt: null, topics: [], records: []
    })
  })
})

describe('orgReport', () => {
  // China time: 2026-01-01 00:30 is still 2025 in UTC; 2027-01-01 01:00 is still 2026 in UTC.
  const newYear = ev('s-new-year', '2025-12-31T16:30:00.000Z', { topic: '环境保护', servedCount: 40 })
  const june = ev('s-june', '2026-06-01T02:00:00.000Z', { topic: '居家养老', servedCount: 25 })
  const t1 = ev('t-1', '2026-03-01T01:00:00.000Z', { kind: 'training', topic: '医疗健康', servedCount: 0 })
  const t2 = ev('t-2', '2026-09-01T01:00:00.000Z', { kind: 'training', topic: '医疗健康' })
  const t3 = ev('t-3', '2026-10-01T01:00:00.000Z', { kind: 'training', topic: '法律维权' })
  const cancelled = ev('s-cancelled', '2026-05-01T01:00:00.000Z', { status: 'cancelled', servedCount: 100 })
  const draft = ev('s-draft', '2026-05-02T01:00:00.000Z', { status: 'draft' })
  const lastYear = ev('s-2025', '2025-12-31T15:30:00.000Z', { servedCount: 7 }) // 2025-12-31 23:30 China time
  const nextYear = ev('s-2027', '2026-12-31T17:00:00.000Z', { servedCount: 9 }) // 2027-01-01 01:00 China time
  const events = [newYear, june, t1, t2, t3, cancelled, draft, lastYear, nextYear]
  // u-f never checked in; the organiser records 补录 for them.
  const bulu = confirmedHours(aSignup({ eventId: june.id, userId: 'u-f' }), june, { manualHours: 1, reason: '现场登记，未扫码' }, 'o', june.endAt, s)
  if (!bulu.ok) throw new Error(bulu.message)
  const signups = [
    came(newYear, 'u-a'),
    came(newYear, 'u-b', { hoursConfirmedAt: null }), // came, hours not confirmed yet: a person-time, no hours
    came(newYear, 'u-c', { noShow: true, checkInAt: null }),
    aSignup({ eventId: newYear.id, userId: 'u-d' }), // booked, never came
    came(newYear, 'u-e', { status: 'cancelled' }),
    came(june, 'u-a', { earnedHours: 1.5, manualHours: 0.5 }),
    bulu.signup,
    came(t1, 'u-a', { earnedHours: 1 }),
    came(t1, 'u-b', { earnedHours: 1 }),
    came(t2, 'u-a', { earnedHours: 1 }), // the same person trained twice on one topic
    came(t2, 'u-c', { earnedHours: 1, hoursConfirmedAt: null }), // attended, not confirmed: not yet trained
    came(t3, 'u-d', { earnedHours: 1 }),
    came(lastYear, 'u-x'),
    came(nextYear, 'u-y')
  ]
  const after = '2027-01-15T00:00:00.000Z'

  test('the year\'s figures, in China time', () => {
    expect(orgReport(2026, events, signups, after, s)).toEqual({
      year: 2026,
      trainingsHeld: 3,
      trainingsRequired: 2,
      trainingsMet: true,
      trainedByTopic: [{ topic: '医疗健康', people: 2 }, { topic: '法律维权', people: 1 }],
      personTimes: 4, // new-year u-a, u-b; june u-a, u-f
      volunteers: 5, // u-a, u-b, u-c, u-d, u-f
      peopleServed: 65,
      hours: 9, // 2 + 2 + 1 (补录) + 4 × 1 (confirmed trainings)
      events: 5,
      cancelled: 1
    })
  })

  test('the neighbouring years get the events on their side of midnight China time', () => {
    expect(orgReport(2025, events, signups, after, s)).toMatchObject({ events: 1, personTimes: 1, peopleServed: 7, trainingsHeld: 0, trainingsMet: false, cancelled: 0 })
    expect(orgReport(2027, events, signups, after, s)).toMatchObject({ events: 1, personTimes: 1, peopleServed: 9, hours: 2 })
  })

  test('only events already over count as held', () => {
    const duringJune = '2026-06-01T03:00:00.000Z'
    expect(orgReport(2026, events, signups, duringJune, s)).toMatchObject({
      trainingsHeld: 1, trainingsMet: false, personTimes: 2, events: 2, peopleServed: 40, hours: 4, cancelled: 1
    })
  })

  test('the bulletin\'s training rule follows the setting', () => {
    expect(orgReport(2026, events, signups, after, { trainingsPerYear: 4 })).toMatchObject({ trainingsHeld: 3, trainingsRequired: 4, trainingsMet: false })
  })
})

describe('training expiry at the end of a month', () => {
  it('a training ending on 29 February expires on 28 February two years later, not 1 March', () => {
    const event = aVolunteerEvent({ kind: 'training', topic: '医疗健康', startAt: '2028-02-29T01:00:00.000Z', endAt: '2028-02-29T03:00:00.000Z' })
    const signup = aSignup({ eventId: event.id, checkInAt: event.startAt, checkOutAt: event.endAt, earnedHours: 2, hoursConfirmedAt: event.endAt })
    const [held] = trainingsHeld([{ event, signup }], '2028-03-01T00:00:00.000Z', { trainingValidMonths: 24 })
    expect(held.expiresAt).toBe('2030-02-28T03:00:00.000Z')
  })
})
