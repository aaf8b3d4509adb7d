import { aSignup } from '../testing/builders'
import { chinaWhen, eventCancelledNotice, hoursNotice, offerNotice, reminderDue, reminderNotice } from './notices'

const event = { title: '河道清洁志愿活动', startAt: '2026-12-10T01:00:00.000Z', address: '浏阳河风光带入口' }
const now = '2026-12-08T02:00:00.000Z'
const signup = aSignup({ eventId: 'event-9', userId: 'user-v', version: 3 })
const hour = 3_600_000
const before = (ms: number) => new Date(Date.parse(event.startAt) - ms).toISOString()

describe('chinaWhen', () => {
  test('month, day, weekday and time in China time', () => {
    expect(chinaWhen('2026-12-05T06:00:00.000Z')).toBe('12月5日 周六 14:00')
    expect(chinaWhen(event.startAt)).toBe('12月10日 周四 09:00')
  })
  test('past midnight China time it is the next day, though still the day before in UTC', () => {
    expect(chinaWhen('2026-12-04T16:30:00.000Z')).toBe('12月5日 周六 00:30')
    expect(chinaWhen('2026-12-31T16:05:00.000Z')).toBe('1月1日 周五 00:05')
  })
})

describe('reminderDue', () => {
  test('a day before, then an hour before, then none once started', () => {
    expect(reminderDue(event.startAt, before(24 * hour + 1))).toBeNull()
    expect(reminderDue(event.startAt, before(24 * hour))).toBe('day')
    expect(reminderDue(event.startAt, before(2 * hour))).toBe('day')
    expect(reminderDue(event.startAt, before(hour + 1))).toBe('day')
    expect(reminderDue(event.startAt, before(hour))).toBe('hour')
    expect(reminderDue(event.startAt, before(1))).toBe('hour')
    expect(reminderDue(event.startAt, event.startAt)).toBeNull()
    expect(reminderDue(event.startAt, before(-hour))).toBeNull()
  })
})

describe('notices', () => {
  test('an offer says until when the place is held, for the person it is to', () => {
    const offered = { ...signup, status: 'offered' as const, offerExpiresAt: '2026-12-08T06:00:00.000Z' }
    const m = offerNotice(event, now)(offered)
    expect(m).toMatchObject({ id: `m-offer-${signup.id}-3`, userId: 'user-v', eventId: 'event-9', ticketId: null, read: false, at: now, title: '候补转正：请确认参加' })
    expect(m.body).toContain('「河道清洁志愿活动」')
    expect(m.body).toContain('12月8日 周二 14:00')
  })

  test('ids are deterministic: a retry makes the same message, a new offer a new one', () => {
    const offered = { ...signup, status: 'offered' as const, offerExpiresAt: '2026-12-08T06:00:00.000Z' }
    expect(offerNotice(event, now)(offered).id).toBe(offerNotice(event, '2026-12-08T02:05:00.000Z')(offered).id)
    expect(offerNotice(event, now)({ ...offered, version: 5 }).id).toBe(`m-offer-${signup.id}-5`)
    expect(eventCancelledNotice(event, '天气原因', now)(signup).id).toBe(eventCancelledNotice(event, '天气原因', '2026-12-08T03:00:00.000Z')(signup).id)
    // one reminder of each kind per signup, whatever the version or the time it is sent
    expect(reminderNotice(event, 'day', now)(signup).id).toBe(`m-remind-day-${signup.id}`)
    expect(reminderNotice(event, 'day', '2026-12-09T05:00:00.000Z')({ ...signup, version: 9 }).id).toBe(`m-remind-day-${signup.id}`)
    expect(reminderNotice(event, 'hour', now)(signup).id).toBe(`m-remind-hour-${signup.id}`)
    expect(hoursNotice(event, signup, now).id).toBe(hoursNotice(event, signup, '2026-12-11T00:00:00.000Z').id)
  })

  test('a cancellation gives the reason and the event\'s time', () => {
    const m = eventCancelledNotice(event, '天气原因', now)(signup)
    expect(m.title).toBe('活动已取消')
    expect(m.body).toBe('你报名的「河道清洁志愿活动」（12月10日 周四 09:00）已取消，原因：天气原因。你的报名已自动取消，不影响守约记录。')
  })

  test('reminders say when and where', () => {
    expect(reminderNotice(event, 'day', now)(signup)).toMatchObject({ title: '明天有志愿活动', body: expect.stringContaining('12月10日 周四 09:00 开始，集合地点：浏阳河风光带入口') })
    expect(reminderNotice(event, 'hour', now)(signup).title).toBe('活动一小时后开始')
  })

  test('the hours notice states both kinds, or 0 hours', () => {
    expect(hoursNotice(event, { ...signup, earnedHours: 1.5, manualHours: 0.5 }, now).body).toContain('信用时长 1.5 小时，补录 0.5 小时')
    expect(hoursNotice(event, { ...signup, earnedHours: null, manualHours: 2 }, now).body).toContain('：补录 2 小时。')
    expect(hoursNotice(event, { ...signup, earnedHours: 0, manualHours: null }, now).body).toContain('：0 小时。')
  })
})
