import type { Signup, VolunteerEvent } from '../types'
import type { SaveEventInput } from './schemas'

/** The organiser's side of an event's life: draft → published → (held | cancelled). */

export type EventRefusal = { code: 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN'; message: string }

/** Organisers change their own events; the office any. */
export function mayManage (event: Pick<VolunteerEvent, 'organizerId'>, user: { id: string; roles: readonly string[] }): boolean {
  return user.roles.includes('admin') || event.organizerId === user.id
}

/** Why this save cannot be made; null when it can. `existing` is null for a new event. */
export function saveRefusal (existing: VolunteerEvent | null, input: SaveEventInput, nowIso: string): EventRefusal | null {
  const now = Date.parse(nowIso)
  if (existing !== null) {
    if (existing.status === 'cancelled') return { code: 'CONFLICT', message: '活动已取消，不能再修改' }
    if (Date.parse(existing.startAt) <= now) return { code: 'CONFLICT', message: '活动已开始，不能再修改；如需记录人数请用「填写服务人次」' }
    if (input.capacity < existing.taken) return { code: 'CONFLICT', message: `名额不能少于已报名的 ${existing.taken} 人` }
    if (input.kind !== existing.kind && existing.taken > 0) return { code: 'CONFLICT', message: '已有人报名，不能更改活动类型' }
  }
  if (Date.parse(input.startAt) <= now) return { code: 'CONFLICT', message: '开始时间已过，请选择以后的时间' }
  return null
}

/** The event as saved: a new one is a draft with no seats taken; an edit keeps its state, seats and history. */
export function savedEvent (existing: VolunteerEvent | null, input: SaveEventInput, ids: { id: string; organizerId: string }, nowIso: string): VolunteerEvent {
  const { id: _ignored, ...fields } = input
  void _ignored
  const base = existing ?? {
    id: ids.id, organizerId: ids.organizerId, taken: 0, status: 'draft' as const, servedCount: null, cancelReason: null, createdAt: nowIso
  }
  return {
    ...base,
    ...fields,
    gridId: fields.gridId ?? null,
    requiredTrainings: fields.kind === 'training' ? [] : fields.requiredTrainings,
    id: base.id,
    organizerId: base.organizerId,
    taken: base.taken,
    status: base.status,
    servedCount: base.servedCount,
    cancelReason: base.cancelReason,
    createdAt: base.createdAt,
    updatedAt: nowIso
  }
}

export function publishRefusal (event: VolunteerEvent, nowIso: string): EventRefusal | null {
  if (event.status === 'published') return null
  if (event.status === 'cancelled') return { code: 'CONFLICT', message: '活动已取消，不能发布' }
  if (Date.parse(event.startAt) <= Date.parse(nowIso)) return { code: 'CONFLICT', message: '开始时间已过，请先修改时间再发布' }
  return null
}

export function cancelEventRefusal (event: VolunteerEvent, nowIso: string): EventRefusal | null {
  if (event.status === 'cancelled') return { code: 'CONFLICT', message: '活动已经取消了' }
  if (Date.parse(event.endAt) <= Date.parse(nowIso)) return { code: 'CONFLICT', message: '活动已结束，不能取消' }
  return null
}

/** Hours and attendance are recorded once the event has begun, until a month after it (then the record is closed). */
export function recordRefusal (event: VolunteerEvent, nowIso: string): EventRefusal | null {
  if (event.status !== 'published') return { code: 'CONFLICT', message: event.status === 'cancelled' ? '活动已取消' : '活动还没有发布' }
  if (Date.parse(nowIso) < Date.parse(event.startAt)) return { code: 'CONFLICT', message: '活动开始后才能记录出勤和时长' }
  if (Date.parse(nowIso) > Date.parse(event.endAt) + 30 * 86_400_000) return { code: 'CONFLICT', message: '活动结束已超过 30 天，记录已封存；如需更正请联系文明办' }
  return null
}

export type RosterState = 'waiting' | 'offered' | 'booked' | 'in' | 'out' | 'no_show' | 'gone'

export function rosterState (s: Pick<Signup, 'status' | 'checkInAt' | 'checkOutAt' | 'noShow'>): RosterState {
  if (s.status === 'waitlisted') return 'waiting'
  if (s.status === 'offered') return 'offered'
  if (s.status !== 'confirmed') return 'gone'
  if (s.noShow) return 'no_show'
  if (s.checkOutAt !== null) return 'out'
  if (s.checkInAt !== null) return 'in'
  return 'booked'
}

/** Whether the check-in code is shown: from the check-in opening until check-out closes. */
export function codeWindowOpen (event: Pick<VolunteerEvent, 'status' | 'startAt' | 'endAt'>, nowIso: string, s: { checkinEarlyMinutes: number; checkoutLateMinutes: number }): boolean {
  const now = Date.parse(nowIso)
  return event.status === 'published' &&
    now >= Date.parse(event.startAt) - s.checkinEarlyMinutes * 60_000 &&
    now <= Date.parse(event.endAt) + s.checkoutLateMinutes * 60_000
}
