import type { Message, Signup, VolunteerEvent } from '../types'

/** The in-app messages volunteer service sends (and pushes on WeChat). Ids are deterministic: a retry adds nothing. */

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** 12月5日 周六 14:00 in China time, whatever the server's zone. */
export function chinaWhen (iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
}

const message = (id: string, s: Pick<Signup, 'userId' | 'eventId'>, title: string, body: string, at: string): Message =>
  ({ id, userId: s.userId, ticketId: null, eventId: s.eventId, title, body, read: false, at })

export function offerNotice (event: Pick<VolunteerEvent, 'title'>, nowIso: string) {
  return (s: Signup): Message => message(`m-offer-${s.id}-${s.version}`, s, '候补转正：请确认参加',
    `「${event.title}」空出了名额，为你保留到 ${chinaWhen(s.offerExpiresAt ?? nowIso)}。请在此之前打开活动确认参加，逾期名额将让给下一位候补。`, nowIso)
}

export function eventCancelledNotice (event: Pick<VolunteerEvent, 'title' | 'startAt'>, reason: string, nowIso: string) {
  return (s: Signup): Message => message(`m-event-cancelled-${s.id}-${s.version}`, s, '活动已取消',
    `你报名的「${event.title}」（${chinaWhen(event.startAt)}）已取消，原因：${reason}。你的报名已自动取消，不影响守约记录。`, nowIso)
}

export type ReminderKind = 'day' | 'hour'

/** Which reminder is due for an event starting at `startAt`: a day before, then an hour before. */
export function reminderDue (startAt: string, nowIso: string): ReminderKind | null {
  const left = Date.parse(startAt) - Date.parse(nowIso)
  if (left <= 0) return null
  if (left <= 3_600_000) return 'hour'
  if (left <= 24 * 3_600_000) return 'day'
  return null
}

export function reminderNotice (event: Pick<VolunteerEvent, 'title' | 'startAt' | 'address'>, kind: ReminderKind, nowIso: string) {
  return (s: Signup): Message => message(`m-remind-${kind}-${s.id}`, s, kind === 'day' ? '明天有志愿活动' : '活动一小时后开始',
    `「${event.title}」${chinaWhen(event.startAt)} 开始，集合地点：${event.address}。到场后请扫组织者的二维码签到。`, nowIso)
}

export function hoursNotice (event: Pick<VolunteerEvent, 'title'>, s: Signup, nowIso: string): Message {
  const earned = s.earnedHours ?? 0
  const manual = s.manualHours ?? 0
  const parts = [earned > 0 ? `信用时长 ${earned} 小时` : '', manual > 0 ? `补录 ${manual} 小时` : ''].filter(Boolean).join('，')
  return message(`m-hours-${s.id}-${s.version}`, s, '服务时长已确认',
    `「${event.title}」的服务时长已由组织者确认：${parts || '0 小时'}。可在「我的志愿」查看星级进度。`, nowIso)
}

/** What changed of a published event that people signed up must hear of (time or place); null when nothing did. */
export function eventChange (before: Pick<VolunteerEvent, 'startAt' | 'endAt' | 'address'>, after: Pick<VolunteerEvent, 'startAt' | 'endAt' | 'address'>): string | null {
  const parts: string[] = []
  if (before.startAt !== after.startAt || before.endAt !== after.endAt) parts.push(`时间改为 ${chinaWhen(after.startAt)}–${chinaWhen(after.endAt).slice(-5)}`)
  if (before.address !== after.address) parts.push(`集合地点改为 ${after.address}`)
  return parts.length > 0 ? parts.join('，') : null
}

export function eventChangedNotice (event: Pick<VolunteerEvent, 'title' | 'updatedAt'>, change: string) {
  return (s: Signup): Message => message(`m-event-changed-${s.id}-${event.updatedAt}`, s, '活动有变动',
    `你报名的「${event.title}」${change}。如不能参加，请在取消截止前取消报名，把名额让给别人。`, event.updatedAt)
}
