import { DEFAULT_SETTINGS } from '../settings'
import { aSignup, aVolunteerEvent, isoAt } from '../testing/builders'
import {
  attendRefusal, checkedIn, checkedOut, confirmedHours, countedHours, earnedHours, eventHours, markedAttendance,
  maxHoursFor, originalEarned, roundHours, withinCheckinRadius, type HoursInput
} from './attendance'

const s = DEFAULT_SETTINGS.volunteer // 30 min early, 60 min late, ≥ 60 % of the event, at most 8 h
const START = 7 * 24 * 60
/** Minutes from the event's start. */
const at = (min: number) => isoAt(START + min)
const msAfter = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()
const event = aVolunteerEvent({ id: 'event-1', startAt: at(0), endAt: at(120) }) // two hours
const long = (hours: number) => ({ startAt: at(0), endAt: at(hours * 60) })
const booked = aSignup({ eventId: 'event-1', status: 'confirmed' })
const inside = aSignup({ eventId: 'event-1', checkInAt: at(-10), checkInBy: 'qr', checkOutAt: at(120), checkOutBy: 'qr', earnedHours: 1.5, version: 3 })
const now = at(200)

describe('attendRefusal', () => {
  test('only a published event someone holds a seat for', () => {
    expect(attendRefusal(null, booked, 'in', at(0), s)?.code).toBe('NOT_FOUND')
    expect(attendRefusal({ ...event, status: 'draft' }, booked, 'in', at(0), s)?.code).toBe('NOT_FOUND')
    expect(attendRefusal({ ...event, status: 'cancelled' }, booked, 'in', at(0), s)).toEqual({ code: 'CONFLICT', message: '活动已取消' })
    expect(attendRefusal(event, null, 'in', at(0), s)?.code).toBe('FORBIDDEN')
    expect(attendRefusal(event, { ...booked, status: 'waitlisted' }, 'in', at(0), s)?.code).toBe('FORBIDDEN')
    expect(attendRefusal(event, { ...booked, status: 'offered' }, 'in', at(0), s)?.code).toBe('FORBIDDEN')
    expect(attendRefusal(event, { ...booked, status: 'cancelled' }, 'in', at(0), s)?.code).toBe('FORBIDDEN')
  })

  test('check-in opens 30 minutes before the start and closes at the end, both inclusive', () => {
    const early = attendRefusal(event, booked, 'in', msAfter(at(-30), -1), s)
    expect(early?.code).toBe('CONFLICT')
    expect(early?.message).toContain('30 分钟')
    expect(attendRefusal(event, booked, 'in', at(-30), s)).toBeNull()
    expect(attendRefusal(event, booked, 'in', at(60), s)).toBeNull()
    expect(attendRefusal(event, booked, 'in', at(120), s)).toBeNull()
    expect(attendRefusal(event, booked, 'in', msAfter(at(120), 1), s)?.message).toContain('活动已结束')
  })

  test('a second check-in is refused', () => {
    expect(attendRefusal(event, { ...booked, checkInAt: at(0) }, 'in', at(10), s)).toEqual({ code: 'CONFLICT', message: '你已经签到过了' })
  })

  test('check-out needs a check-in, once, until 60 minutes after the end', () => {
    const checked = { ...booked, checkInAt: at(-5) }
    expect(attendRefusal(event, booked, 'out', at(100), s)?.message).toBe('你还没有签到，请先签到')
    expect(attendRefusal(event, checked, 'out', at(100), s)).toBeNull()
    expect(attendRefusal(event, checked, 'out', at(180), s)).toBeNull()
    expect(attendRefusal(event, checked, 'out', msAfter(at(180), 1), s)?.message).toContain('补录')
    expect(attendRefusal(event, { ...checked, checkOutAt: at(110) }, 'out', at(115), s)?.message).toBe('你已经签退过了')
  })

  test('the windows follow the settings', () => {
    const tight = { checkinEarlyMinutes: 10, checkoutLateMinutes: 0 }
    expect(attendRefusal(event, booked, 'in', at(-11), tight)?.message).toContain('10 分钟')
    expect(attendRefusal(event, booked, 'in', at(-10), tight)).toBeNull()
    expect(attendRefusal(event, { ...booked, checkInAt: at(0) }, 'out', msAfter(at(120), 1), tight)?.code).toBe('CONFLICT')
  })
})

describe('earnedHours', () => {
  test('only the time inside the event window counts', () => {
    expect(earnedHours(event, at(-25), at(150), s)).toBe(2)
    expect(earnedHours(event, at(30), at(120), s)).toBe(1.5)
    expect(earnedHours(event, at(0), at(90), s)).toBe(1.5)
  })

  test('below 60 % of the event no hours; at 60 % exactly the hours count', () => {
    expect(earnedHours(event, at(48), at(120), s)).toBe(1.2) // 72 of 120 minutes
    expect(earnedHours(event, at(49), at(120), s)).toBe(0) // 71 of 120 minutes
    expect(earnedHours(event, at(0), at(71), { ...s, minAttendShare: 0.5 })).toBe(1.1)
  })

  test('rounded down to 0.1 h: never more than the minutes attended', () => {
    expect(earnedHours(event, at(0), at(97), s)).toBe(1.6) // 1.617 h
    expect(earnedHours(event, at(0), at(119), s)).toBe(1.9) // 1.983 h, not 2.0
    expect(roundHours(1.2)).toBe(1.2)
    expect(roundHours(0.7 * 3)).toBe(2.1)
    expect(roundHours(1.99)).toBe(1.9)
  })

  test('at most the cap per event', () => {
    expect(earnedHours(long(10), at(0), at(600), s)).toBe(8)
    expect(earnedHours(long(3), at(0), at(180), { ...s, maxHoursPerEvent: 2 })).toBe(2)
    expect(earnedHours(long(10), at(0), at(600), { ...s, maxHoursPerEvent: null })).toBe(10)
  })

  test('nothing for a check-out before the check-in, time outside the window, or an empty event', () => {
    expect(earnedHours(event, at(100), at(90), s)).toBe(0)
    expect(earnedHours(event, at(-30), at(-1), s)).toBe(0)
    expect(earnedHours({ startAt: at(0), endAt: at(0) }, at(-10), at(10), s)).toBe(0)
  })
})

describe('eventHours and maxHoursFor', () => {
  test('the event length, rounded down, within the city cap', () => {
    expect(eventHours(event)).toBe(2)
    expect(eventHours(long(95 / 60))).toBe(1.5)
    expect(maxHoursFor(event, s)).toBe(2)
    expect(maxHoursFor(long(10), s)).toBe(8)
    expect(maxHoursFor(long(10), { maxHoursPerEvent: null })).toBe(10)
    expect(maxHoursFor(long(3), { maxHoursPerEvent: 2 })).toBe(2)
  })
})

describe('withinCheckinRadius', () => {
  test('within 300 m of the event point; null without a point', () => {
    const { lng, lat } = event.location!
    expect(withinCheckinRadius(event, { lng, lat: lat + 0.002 }, s)).toBe(true) // ~222 m
    expect(withinCheckinRadius(event, { lng, lat: lat + 0.003 }, s)).toBe(false) // ~334 m
    expect(withinCheckinRadius({ location: null }, { lng, lat }, s)).toBeNull()
  })
})

describe('checkedIn and checkedOut', () => {
  test('check-in records when and how; check-out computes the earned hours', () => {
    const inn = checkedIn({ ...booked, noShow: true }, at(20), 'position')
    expect(inn).toMatchObject({ checkInAt: at(20), checkInBy: 'position', noShow: false, version: booked.version + 1 })
    const out = checkedOut(inn, event, at(110), 'qr', s)
    expect(out).toMatchObject({ checkOutAt: at(110), checkOutBy: 'qr', earnedHours: 1.5, version: booked.version + 2 })
    expect(out.hoursConfirmedAt).toBeNull()
  })

  test('a check-out without a check-in is a programming error', () => {
    expect(() => checkedOut(booked, event, at(110), 'qr', s)).toThrow('check-out before check-in')
  })
})

describe('confirmedHours', () => {
  const confirm = (signup = inside, input: HoursInput = {}, settings = s) => confirmedHours(signup, event, input, 'user-organizer', now, settings)

  test('a plain confirmation keeps what check-in and check-out earned and needs no reason', () => {
    const r = confirm()
    if (!r.ok) throw new Error(r.message)
    expect(r.signup).toMatchObject({ earnedHours: 1.5, manualHours: null, hoursConfirmedAt: now, hoursConfirmedBy: 'user-organizer', version: 4 })
    expect(r.signup.adjustments).toEqual([])
    expect(countedHours(r.signup)).toEqual({ earned: 1.5, manual: 0 })
  })

  test('信用时长 may be lowered, with a reason, and the change is kept with who, when and why', () => {
    const r = confirm(inside, { earnedHours: 1, reason: ' 提前离开 ' })
    if (!r.ok) throw new Error(r.message)
    expect(r.signup.earnedHours).toBe(1)
    expect(r.signup.adjustments).toEqual([{ at: now, by: 'user-organizer', field: 'earned', from: 1.5, to: 1, reason: '提前离开' }])
  })

  test('信用时长 is never raised above what check-in and check-out earned, even after a lowering', () => {
    const raised = confirm(inside, { earnedHours: 1.6, reason: '多算一点' })
    expect(raised).toEqual({ ok: false, message: expect.stringContaining('1.5 小时') })
    const lowered = confirm(inside, { earnedHours: 1, reason: '提前离开' })
    if (!lowered.ok) throw new Error(lowered.message)
    expect(originalEarned(lowered.signup)).toBe(1.5)
    const back = confirm(lowered.signup, { earnedHours: 1.5, reason: '核实后恢复' })
    if (!back.ok) throw new Error(back.message)
    expect(back.signup.earnedHours).toBe(1.5)
    expect(back.signup.adjustments.map((a) => [a.from, a.to])).toEqual([[1.5, 1], [1, 1.5]])
    expect(confirm(lowered.signup, { earnedHours: 1.6, reason: '核实后恢复' }).ok).toBe(false)
  })

  test('a change without a reason (at least 2 characters) is refused', () => {
    expect(confirm(inside, { earnedHours: 1 })).toEqual({ ok: false, message: '调整或补录时长需要写明原因' })
    expect(confirm(inside, { earnedHours: 1, reason: ' 走 ' }).ok).toBe(false)
    expect(confirm(inside, { manualHours: 0.5, reason: '' }).ok).toBe(false)
    // restating the same figure is no change
    expect(confirm(inside, { earnedHours: 1.5 }).ok).toBe(true)
  })

  test('补录 is added with a reason and the total stays within the event length', () => {
    const r = confirm(inside, { manualHours: 0.5, reason: '签退时手机没电' })
    if (!r.ok) throw new Error(r.message)
    expect(r.signup).toMatchObject({ earnedHours: 1.5, manualHours: 0.5 })
    expect(r.signup.adjustments).toEqual([{ at: now, by: 'user-organizer', field: 'manual', from: null, to: 0.5, reason: '签退时手机没电' }])
    expect(countedHours(r.signup)).toEqual({ earned: 1.5, manual: 0.5 })
    expect(confirm(inside, { manualHours: 0.6, reason: '签退时手机没电' })).toEqual({ ok: false, message: '本次活动最多记 2 小时（信用 1.5 + 补录 0.6）' })
  })

  test('the city cap per event bounds the total too', () => {
    const ten = aSignup({ checkInAt: at(0), checkOutAt: at(600), earnedHours: 8 })
    const r = confirmedHours(ten, long(10), { manualHours: 0.1, reason: '整理物资' }, 'user-organizer', now, s)
    expect(r).toEqual({ ok: false, message: expect.stringContaining('最多记 8 小时') })
    const capped = confirmedHours(aSignup({ checkInAt: at(0) }), event, { manualHours: 1.5, reason: '忘记签退' }, 'u', now, { maxHoursPerEvent: 1 })
    expect(capped.ok).toBe(false)
  })

  test('补录 can be taken back to zero, with a reason', () => {
    const added = confirm(inside, { manualHours: 0.5, reason: '忘记签退' })
    if (!added.ok) throw new Error(added.message)
    const removed = confirm(added.signup, { manualHours: 0, reason: '录错了' })
    if (!removed.ok) throw new Error(removed.message)
    expect(removed.signup.manualHours).toBeNull()
    expect(removed.signup.adjustments.map((a) => [a.field, a.from, a.to])).toEqual([['manual', null, 0.5], ['manual', 0.5, 0]])
  })

  test('checked in but never checked out: no 信用时长, 补录 with a reason', () => {
    const noOut = aSignup({ checkInAt: at(0), checkInBy: 'qr' })
    const r = confirm(noOut, { manualHours: 1.8, reason: '忘记签退' })
    if (!r.ok) throw new Error(r.message)
    expect(r.signup).toMatchObject({ earnedHours: null, manualHours: 1.8 })
    expect(confirm(noOut, { earnedHours: 1, reason: '忘记签退' }).ok).toBe(false)
  })

  test('never checked in: only 补录 with a reason, which also records the attendance', () => {
    expect(confirm(booked)).toEqual({ ok: false, message: '该志愿者没有签到，如确实参加请补录时长并说明原因' })
    const r = confirm(booked, { manualHours: 2, reason: '现场登记，未扫码' })
    if (!r.ok) throw new Error(r.message)
    expect(r.signup).toMatchObject({ earnedHours: null, manualHours: 2, checkInAt: event.startAt, checkInBy: 'organizer' })
    expect(countedHours(r.signup)).toEqual({ earned: 0, manual: 2 })
  })

  test('refused for a signup without a seat or marked absent', () => {
    expect(confirm({ ...inside, status: 'waitlisted' })).toEqual({ ok: false, message: '只有已报名的志愿者才能确认时长' })
    expect(confirm({ ...inside, status: 'cancelled' }).ok).toBe(false)
    expect(confirm({ ...inside, noShow: true })).toEqual({ ok: false, message: '已标记缺席，请先标记为出席' })
  })

  test('confirming resolves an open appeal and keeps earlier adjustments', () => {
    const earlier = { at: at(150), by: 'user-organizer', field: 'earned' as const, from: 1.8, to: 1.5, reason: '提前离开' }
    const appealed = { ...inside, adjustments: [earlier], appeal: { at: at(160), reason: '我一直在现场', resolvedAt: null } }
    const r = confirm(appealed, { earnedHours: 1.8, reason: '核实属实' })
    if (!r.ok) throw new Error(r.message)
    expect(r.signup.appeal).toEqual({ at: at(160), reason: '我一直在现场', resolvedAt: now })
    expect(r.signup.adjustments).toHaveLength(2)
    expect(r.signup.adjustments[0]).toEqual(earlier)
  })
})

describe('markedAttendance', () => {
  test('present: checked in by the organiser at the start unless already checked in', () => {
    const marked = markedAttendance({ ...booked, noShow: true }, true, event, 'user-organizer', now)
    expect(marked).toMatchObject({ noShow: false, checkInAt: event.startAt, checkInBy: 'organizer', version: booked.version + 1 })
    const scanned = markedAttendance({ ...booked, checkInAt: at(5), checkInBy: 'qr' }, true, event, 'user-organizer', now)
    expect(scanned).toMatchObject({ checkInAt: at(5), checkInBy: 'qr' })
  })

  test('present resolves an open appeal (a no-show disputed), leaves a resolved one as it was', () => {
    const open = { at: at(130), reason: '我到了', resolvedAt: null }
    expect(markedAttendance({ ...booked, noShow: true, appeal: open }, true, event, 'o', now).appeal?.resolvedAt).toBe(now)
    const closed = { ...open, resolvedAt: at(140) }
    expect(markedAttendance({ ...booked, appeal: closed }, true, event, 'o', now).appeal?.resolvedAt).toBe(at(140))
  })

  test('absent: clears attendance and hours, so nothing counts', () => {
    const confirmed = { ...inside, manualHours: 0.5, hoursConfirmedAt: at(130), hoursConfirmedBy: 'user-organizer' }
    const absent = markedAttendance(confirmed, false, event, 'user-organizer', now)
    expect(absent).toMatchObject({
      noShow: true, checkInAt: null, checkInBy: null, checkOutAt: null, checkOutBy: null,
      earnedHours: null, manualHours: null, hoursConfirmedAt: null, hoursConfirmedBy: null, version: inside.version + 1
    })
    expect(countedHours(absent)).toEqual({ earned: 0, manual: 0 })
  })
})

describe('countedHours', () => {
  test('only once the organiser has confirmed, and only for a seat held', () => {
    expect(countedHours(inside)).toEqual({ earned: 0, manual: 0 })
    const confirmed = { ...inside, manualHours: 0.3, hoursConfirmedAt: now }
    expect(countedHours(confirmed)).toEqual({ earned: 1.5, manual: 0.3 })
    expect(countedHours({ ...confirmed, status: 'cancelled' })).toEqual({ earned: 0, manual: 0 })
    expect(countedHours({ ...confirmed, earnedHours: null, manualHours: null })).toEqual({ earned: 0, manual: 0 })
  })
})
