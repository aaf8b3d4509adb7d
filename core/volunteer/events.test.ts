import { DEFAULT_SETTINGS } from '../settings'
import { aSaveEventForm, aSignup, aVolunteerEvent } from '../testing/builders'
import type { VolunteerEvent } from '../types'
import {
  cancelEventRefusal, codeWindowOpen, mayManage, publishRefusal, recordRefusal, rosterState, savedEvent, saveRefusal
} from './events'
import { saveEventInput, type SaveEventInput } from './schemas'

const now = '2026-12-01T02:00:00.000Z'
const ms = (iso: string, d: number) => new Date(Date.parse(iso) + d).toISOString()
const input = (o: Record<string, unknown> = {}): SaveEventInput => saveEventInput.parse({ ...aSaveEventForm(), ...o })
const existing = aVolunteerEvent({
  id: 'event-7', organizerId: 'user-organizer', status: 'published', taken: 6, servedCount: null,
  startAt: '2026-12-08T01:00:00.000Z', endAt: '2026-12-08T03:00:00.000Z', cancelDeadline: '2026-12-07T01:00:00.000Z',
  requiredTrainings: ['医疗健康'], createdAt: '2026-11-20T00:00:00.000Z', updatedAt: '2026-11-21T00:00:00.000Z'
})

describe('mayManage', () => {
  test('the organiser their own events, the office any', () => {
    expect(mayManage(existing, { id: 'user-organizer', roles: ['organizer'] })).toBe(true)
    expect(mayManage(existing, { id: 'user-other', roles: ['organizer'] })).toBe(false)
    expect(mayManage(existing, { id: 'user-office', roles: ['admin'] })).toBe(true)
  })
})

describe('saveRefusal', () => {
  test('a new event starting later may be saved; one in the past may not', () => {
    expect(saveRefusal(null, input(), now)).toBeNull()
    expect(saveRefusal(null, input({ startAt: now, endAt: ms(now, 3_600_000), cancelDeadline: now }), now)?.message).toBe('开始时间已过，请选择以后的时间')
  })

  test('an edit keeps at least the seats already taken', () => {
    expect(saveRefusal(existing, input({ capacity: 6 }), now)).toBeNull()
    expect(saveRefusal(existing, input({ capacity: 5 }), now)).toEqual({ code: 'CONFLICT', message: '名额不能少于已报名的 6 人' })
  })

  test('the kind changes only while nobody has signed up', () => {
    const training = input({ kind: 'training', requiredTrainings: [] })
    expect(saveRefusal(existing, training, now)?.message).toBe('已有人报名，不能更改活动类型')
    expect(saveRefusal({ ...existing, taken: 0 }, training, now)).toBeNull()
  })

  test('a cancelled or started event is no longer edited', () => {
    expect(saveRefusal({ ...existing, status: 'cancelled' }, input(), now)?.message).toBe('活动已取消，不能再修改')
    expect(saveRefusal(existing, input(), existing.startAt)?.message).toContain('活动已开始')
    expect(saveRefusal(existing, input(), ms(existing.startAt, -1))).toBeNull()
  })
})

describe('savedEvent', () => {
  test('a new event is a draft with no seats taken', () => {
    const e = savedEvent(null, input(), { id: 'event-new', organizerId: 'user-organizer' }, now)
    expect(e).toMatchObject({
      id: 'event-new', organizerId: 'user-organizer', status: 'draft', taken: 0, servedCount: null, cancelReason: null,
      createdAt: now, updatedAt: now, gridId: null, location: null, waitlistEnabled: true, description: '',
      title: '河道清洁志愿活动', capacity: 20, startAt: '2026-12-10T01:00:00.000Z'
    })
  })

  test('an edit takes the new fields and keeps its id, organiser, seats, status and history', () => {
    const changed = input({ id: 'event-forged', title: '河道清洁（改期）', capacity: 30, startAt: '2026-12-11T01:00:00.000Z', endAt: '2026-12-11T03:00:00.000Z' })
    const e = savedEvent({ ...existing, servedCount: 12, cancelReason: null }, changed, { id: 'ignored', organizerId: 'user-office' }, now)
    expect(e).toMatchObject({
      id: 'event-7', organizerId: 'user-organizer', taken: 6, status: 'published', servedCount: 12,
      createdAt: '2026-11-20T00:00:00.000Z', updatedAt: now,
      title: '河道清洁（改期）', capacity: 30, startAt: '2026-12-11T01:00:00.000Z'
    })
  })

  test('requirements stay on a service event and are cleared on a training', () => {
    const service = savedEvent(existing, input({ requiredTrainings: ['应急救援'] }), { id: 'x', organizerId: 'y' }, now)
    expect(service.requiredTrainings).toEqual(['应急救援'])
    // the schema refuses requirements on a training; the rule holds here too for any caller that skips it
    const training: SaveEventInput = { ...input({ kind: 'training' }), requiredTrainings: ['应急救援'] }
    expect(savedEvent({ ...existing, taken: 0 }, training, { id: 'x', organizerId: 'y' }, now).requiredTrainings).toEqual([])
  })
})

describe('publishRefusal', () => {
  const draft: VolunteerEvent = { ...existing, status: 'draft', taken: 0 }
  test('a draft that has not started is published; publishing again is a no-op', () => {
    expect(publishRefusal(draft, now)).toBeNull()
    expect(publishRefusal(existing, ms(existing.endAt, 1))).toBeNull()
  })
  test('not a cancelled event, nor a draft whose start has passed', () => {
    expect(publishRefusal({ ...draft, status: 'cancelled' }, now)?.message).toBe('活动已取消，不能发布')
    expect(publishRefusal(draft, draft.startAt)?.message).toBe('开始时间已过，请先修改时间再发布')
  })
})

describe('cancelEventRefusal', () => {
  test('until the event ends', () => {
    expect(cancelEventRefusal(existing, now)).toBeNull()
    expect(cancelEventRefusal(existing, ms(existing.endAt, -1))).toBeNull()
    expect(cancelEventRefusal(existing, existing.endAt)?.message).toBe('活动已结束，不能取消')
    expect(cancelEventRefusal({ ...existing, status: 'cancelled' }, now)?.message).toBe('活动已经取消了')
  })
})

describe('recordRefusal', () => {
  test('from the start until 30 days after the end', () => {
    expect(recordRefusal(existing, ms(existing.startAt, -1))?.message).toBe('活动开始后才能记录出勤和时长')
    expect(recordRefusal(existing, existing.startAt)).toBeNull()
    expect(recordRefusal(existing, ms(existing.endAt, 30 * 86_400_000))).toBeNull()
    expect(recordRefusal(existing, ms(existing.endAt, 30 * 86_400_000 + 1))?.message).toContain('已封存')
  })
  test('only for a published event', () => {
    expect(recordRefusal({ ...existing, status: 'draft' }, existing.startAt)?.message).toBe('活动还没有发布')
    expect(recordRefusal({ ...existing, status: 'cancelled' }, existing.startAt)?.message).toBe('活动已取消')
  })
})

describe('rosterState', () => {
  test('what the roster shows for each signup', () => {
    const s = aSignup()
    expect(rosterState({ ...s, status: 'waitlisted' })).toBe('waiting')
    expect(rosterState({ ...s, status: 'offered' })).toBe('offered')
    expect(rosterState({ ...s, status: 'cancelled' })).toBe('gone')
    expect(rosterState({ ...s, status: 'lapsed' })).toBe('gone')
    expect(rosterState(s)).toBe('booked')
    expect(rosterState({ ...s, checkInAt: existing.startAt })).toBe('in')
    expect(rosterState({ ...s, checkInAt: existing.startAt, checkOutAt: existing.endAt })).toBe('out')
    expect(rosterState({ ...s, noShow: true })).toBe('no_show')
  })
})

describe('codeWindowOpen', () => {
  const v = DEFAULT_SETTINGS.volunteer // 30 min before the start until 60 min after the end
  test('shown from the check-in opening until check-out closes, inclusive', () => {
    expect(codeWindowOpen(existing, ms(existing.startAt, -30 * 60_000 - 1), v)).toBe(false)
    expect(codeWindowOpen(existing, ms(existing.startAt, -30 * 60_000), v)).toBe(true)
    expect(codeWindowOpen(existing, ms(existing.endAt, 60 * 60_000), v)).toBe(true)
    expect(codeWindowOpen(existing, ms(existing.endAt, 60 * 60_000 + 1), v)).toBe(false)
  })
  test('never for a draft or cancelled event', () => {
    expect(codeWindowOpen({ ...existing, status: 'draft' }, existing.startAt, v)).toBe(false)
    expect(codeWindowOpen({ ...existing, status: 'cancelled' }, existing.startAt, v)).toBe(false)
  })
})
