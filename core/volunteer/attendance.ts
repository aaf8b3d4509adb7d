import { distanceMeters } from '../routing/geometry'
import type { VolunteerSettings } from '../settings'
import type { AttendMethod, GcjPoint, Signup, VolunteerEvent } from '../types'

/**
 * Attendance and hours (DOMAIN.md): check in and out by the event's rotating code or within N metres during the
 * window; hours = attended time inside the event window (travel excluded); below a share of the event no hours;
 * a cap per event. Check-in hours are 信用时长; the organiser's 补录 is kept apart and never exceeds the event.
 */

const HOUR_MS = 3_600_000

export type AttendRefusal = { code: 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN'; message: string }

/** The event's set length in hours. */
export function eventHours (event: Pick<VolunteerEvent, 'startAt' | 'endAt'>): number {
  return roundHours((Date.parse(event.endAt) - Date.parse(event.startAt)) / HOUR_MS)
}

/** Hours to one decimal, rounded down (a volunteer never gets more than the minutes attended). */
export function roundHours (h: number): number {
  return Math.floor(h * 10 + 1e-9) / 10
}

/** Why this person cannot check in (or out) now; null when they can. */
export function attendRefusal (
  event: Pick<VolunteerEvent, 'status' | 'startAt' | 'endAt'> | null,
  signup: Pick<Signup, 'status' | 'checkInAt' | 'checkOutAt' | 'noShow'> | null,
  mode: 'in' | 'out',
  nowIso: string,
  s: Pick<VolunteerSettings, 'checkinEarlyMinutes' | 'checkoutLateMinutes'>
): AttendRefusal | null {
  if (event === null || event.status === 'draft') return { code: 'NOT_FOUND', message: '活动不存在' }
  if (event.status === 'cancelled') return { code: 'CONFLICT', message: '活动已取消' }
  if (signup === null || signup.status !== 'confirmed') return { code: 'FORBIDDEN', message: '你没有报名这个活动（或还在候补），不能签到' }
  const now = Date.parse(nowIso)
  const opens = Date.parse(event.startAt) - s.checkinEarlyMinutes * 60_000
  const closes = Date.parse(event.endAt) + s.checkoutLateMinutes * 60_000
  if (mode === 'in') {
    if (signup.checkInAt !== null) return { code: 'CONFLICT', message: '你已经签到过了' }
    if (now < opens) return { code: 'CONFLICT', message: `签到在活动开始前 ${s.checkinEarlyMinutes} 分钟开放，请稍后再扫码` }
    if (now > Date.parse(event.endAt)) return { code: 'CONFLICT', message: '活动已结束，不能再签到；如有遗漏请联系组织者补录' }
    return null
  }
  if (signup.checkInAt === null) return { code: 'CONFLICT', message: '你还没有签到，请先签到' }
  if (signup.checkOutAt !== null) return { code: 'CONFLICT', message: '你已经签退过了' }
  if (now > closes) return { code: 'CONFLICT', message: '签退时间已过，请联系组织者补录时长' }
  return null
}

/** Whether a position is near enough to the event's point for a position check-in; null when the event has no point. */
export function withinCheckinRadius (event: Pick<VolunteerEvent, 'location'>, point: GcjPoint, s: Pick<VolunteerSettings, 'checkinRadiusM'>): boolean | null {
  if (event.location === null) return null
  return distanceMeters(event.location, point) <= s.checkinRadiusM
}

/** 信用时长: attended time inside the window; none below the minimum share; at most the cap. */
export function earnedHours (
  event: Pick<VolunteerEvent, 'startAt' | 'endAt'>,
  checkInAt: string,
  checkOutAt: string,
  s: Pick<VolunteerSettings, 'minAttendShare' | 'maxHoursPerEvent'>
): number {
  const start = Date.parse(event.startAt)
  const end = Date.parse(event.endAt)
  const from = Math.max(start, Date.parse(checkInAt))
  const to = Math.min(end, Date.parse(checkOutAt))
  const attended = Math.max(0, to - from)
  if (end <= start || attended / (end - start) < s.minAttendShare) return 0
  return capHours(roundHours(attended / HOUR_MS), event, s)
}

/** The most hours one event can give a person: its length, and the city's cap per event. */
export function maxHoursFor (event: Pick<VolunteerEvent, 'startAt' | 'endAt'>, s: Pick<VolunteerSettings, 'maxHoursPerEvent'>): number {
  const length = eventHours(event)
  return s.maxHoursPerEvent === null ? length : Math.min(length, s.maxHoursPerEvent)
}

function capHours (h: number, event: Pick<VolunteerEvent, 'startAt' | 'endAt'>, s: Pick<VolunteerSettings, 'maxHoursPerEvent'>): number {
  return Math.min(h, maxHoursFor(event, s))
}

export function checkedIn (s: Signup, at: string, by: AttendMethod): Signup {
  return { ...s, checkInAt: at, checkInBy: by, noShow: false, version: s.version + 1 }
}

export function checkedOut (s: Signup, event: Pick<VolunteerEvent, 'startAt' | 'endAt'>, at: string, by: AttendMethod, settings: Pick<VolunteerSettings, 'minAttendShare' | 'maxHoursPerEvent'>): Signup {
  if (s.checkInAt === null) throw new Error('check-out before check-in')
  return { ...s, checkOutAt: at, checkOutBy: by, earnedHours: earnedHours(event, s.checkInAt, at, settings), version: s.version + 1 }
}

/** Hours that count: confirmed by the organiser, 信用 and 补录 together. */
export function countedHours (s: Pick<Signup, 'hoursConfirmedAt' | 'earnedHours' | 'manualHours' | 'status'>): { earned: number; manual: number } {
  if (s.status !== 'confirmed' || s.hoursConfirmedAt === null) return { earned: 0, manual: 0 }
  return { earned: s.earnedHours ?? 0, manual: s.manualHours ?? 0 }
}

/** The organiser marks attendance by hand: present (checked in by the organiser) or absent. */
export function markedAttendance (s: Signup, attended: boolean, event: Pick<VolunteerEvent, 'startAt'>, by: string, nowIso: string): Signup {
  if (attended) {
    return { ...s, noShow: false, checkInAt: s.checkInAt ?? event.startAt, checkInBy: s.checkInBy ?? 'organizer', appeal: s.appeal && { ...s.appeal, resolvedAt: s.appeal.resolvedAt ?? nowIso }, version: s.version + 1 }
  }
  void by
  return { ...s, noShow: true, checkInAt: null, checkInBy: null, checkOutAt: null, checkOutBy: null, earnedHours: null, manualHours: null, hoursConfirmedAt: null, hoursConfirmedBy: null, version: s.version + 1 }
}

export type HoursInput = { earnedHours?: number; manualHours?: number; reason?: string }

/**
 * The organiser confirms (and may adjust) a person's hours. 信用时长 may only be lowered from what check-in/out
 * earned; 补录 is added with a reason and keeps the total within the event's length and the cap. Every change is
 * kept with who, when and why. Returns the new signup or a refusal.
 */
export function confirmedHours (
  s: Signup,
  event: Pick<VolunteerEvent, 'startAt' | 'endAt'>,
  input: HoursInput,
  by: string,
  nowIso: string,
  settings: Pick<VolunteerSettings, 'maxHoursPerEvent'>
): { ok: true; signup: Signup } | { ok: false; message: string } {
  if (s.status !== 'confirmed') return { ok: false, message: '只有已报名的志愿者才能确认时长' }
  if (s.noShow) return { ok: false, message: '已标记缺席，请先标记为出席' }
  if (s.checkInAt === null && !(input.manualHours !== undefined && input.manualHours > 0)) return { ok: false, message: '该志愿者没有签到，如确实参加请补录时长并说明原因' }
  const reason = (input.reason ?? '').trim()
  const earnedOriginal = originalEarned(s)
  const earned = input.earnedHours ?? s.earnedHours ?? 0
  const manual = input.manualHours ?? s.manualHours ?? 0
  if (input.earnedHours !== undefined && input.earnedHours > (earnedOriginal ?? 0)) {
    return { ok: false, message: `信用时长只能按签到签退计算（${earnedOriginal ?? 0} 小时），不能调高；遗漏的时间请用补录` }
  }
  const cap = maxHoursFor(event, settings)
  if (earned + manual > cap + 1e-9) return { ok: false, message: `本次活动最多记 ${cap} 小时（信用 ${earned} + 补录 ${manual}）` }
  const changes: Signup['adjustments'] = []
  if (input.earnedHours !== undefined && input.earnedHours !== s.earnedHours) changes.push({ at: nowIso, by, field: 'earned', from: s.earnedHours, to: input.earnedHours, reason })
  if (input.manualHours !== undefined && input.manualHours !== (s.manualHours ?? 0)) changes.push({ at: nowIso, by, field: 'manual', from: s.manualHours, to: input.manualHours, reason })
  if (changes.length > 0 && reason.length < 2) return { ok: false, message: '调整或补录时长需要写明原因' }
  return {
    ok: true,
    signup: {
      ...s,
      earnedHours: s.earnedHours === null && input.earnedHours === undefined ? null : earned,
      manualHours: manual > 0 ? manual : null,
      // 补录 for someone who never checked in says they took part: record it as the organiser's check-in (as
      // markedAttendance does), so 守约率 and the yearly report count the same people the certificate does.
      ...(s.checkInAt === null && manual > 0 ? { checkInAt: event.startAt, checkInBy: 'organizer' as const } : {}),
      hoursConfirmedAt: nowIso,
      hoursConfirmedBy: by,
      adjustments: [...s.adjustments, ...changes],
      appeal: s.appeal && { ...s.appeal, resolvedAt: s.appeal.resolvedAt ?? nowIso },
      version: s.version + 1
    }
  }
}

/** What check-in/out earned before any adjustment. */
export function originalEarned (s: Pick<Signup, 'earnedHours' | 'adjustments'>): number | null {
  const first = s.adjustments.find((a) => a.field === 'earned')
  return first ? first.from : s.earnedHours
}
