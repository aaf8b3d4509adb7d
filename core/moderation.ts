import type { AuditEntry } from './audit'
import type { Step } from './tickets/step'
import { canSeeLocation } from './tickets/visibility'
import type { ActingUser } from './tickets/workflow'
import type { RedactedPhoto, ReportBan, Role, Ticket, User } from './types'

/**
 * Moderation, as the office practises it on abuse (DOMAIN "Abuse"): take a report out of public view, redact one of
 * its photos, stop a person from reporting for a while. Pure rules; the handlers (server/handlers/moderation.ts,
 * admin-people.ts) write what these decide, each with its timeline entry or message and an audit entry.
 */

/** Longest ban the office may set at once, counted from now. */
export const MAX_BAN_DAYS = 366
const DAY_MS = 86_400_000

// ---------------------------------------------------------------------------------------------- hidden reports

type Parties = Pick<Ticket, 'reporterId' | 'assigneeId' | 'gridId'> & Partial<Pick<Ticket, 'hidden'>>

/**
 * Whether this viewer may see the ticket in a list or a picker that strangers see too (nearby duplicates, the
 * followed list, a follower opening it). A hidden report stays for its reporter, its handler and the office only.
 */
export function shownTo (viewer: ActingUser, t: Parties): boolean {
  return !t.hidden || canSeeLocation(viewer, t)
}

/** Whether the report is in public view at all (Open311 and anything else with no viewer). */
export function isPublic (t: Partial<Pick<Ticket, 'hidden'>>): boolean {
  return !t.hidden
}

type Moderated = Pick<Ticket, 'id' | 'state'> & Partial<Pick<Ticket, 'hidden' | 'redactedPhotos' | 'photos' | 'afterPhotos'>>

/** Why the office cannot hide (or show again) this report now, or null when it can. */
export function hideRefusal (t: Moderated, hide: boolean): string | null {
  if (hide && t.hidden) return '这条上报已经不公开显示了'
  if (!hide && !t.hidden) return '这条上报本来就是公开显示的'
  return null
}

const event = (t: Pick<Ticket, 'id' | 'state'>, action: 'hide' | 'unhide' | 'redactPhoto', who: { id: string }, eventId: string, now: string, note: string): Step['event'] =>
  ({ id: eventId, ticketId: t.id, action, fromState: t.state, toState: t.state, actorId: who.id, actorRole: 'admin', note, at: now })

/** 屏蔽 / 取消屏蔽 as a step: the state stays; who, when and why are kept on the ticket while it is hidden. */
export function hideStep (t: Pick<Ticket, 'id' | 'state'>, hide: boolean, who: { id: string }, eventId: string, now: string, reason: string): Step {
  return {
    patch: { hidden: hide ? { at: now, by: who.id, reason } : null, updatedAt: now },
    event: event(t, hide ? 'hide' : 'unhide', who, eventId, now, reason)
  }
}

/** Why the office cannot redact this photo of this ticket, or null; `missing` when the photo is not the ticket's. */
export function redactRefusal (t: Moderated, fileId: string): { code: 'NOT_FOUND' | 'CONFLICT'; message: string } | null {
  if (![...(t.photos ?? []), ...(t.afterPhotos ?? [])].includes(fileId)) return { code: 'NOT_FOUND', message: '这张照片不属于这条上报' }
  if ((t.redactedPhotos ?? []).some((r) => r.fileId === fileId)) return { code: 'CONFLICT', message: '这张照片已经屏蔽了' }
  return null
}

/** 屏蔽照片 as a step: the photo stays on the ticket (and in storage) but is listed as redacted, with the reason. */
export function redactStep (t: Moderated, fileId: string, who: { id: string }, eventId: string, now: string, reason: string): Step {
  const redacted: RedactedPhoto = { fileId, at: now, by: who.id, reason }
  const which = (t.afterPhotos ?? []).includes(fileId) ? '一张处理后照片' : '一张上报照片'
  return {
    patch: { redactedPhotos: [...(t.redactedPhotos ?? []), redacted], updatedAt: now },
    event: event(t, 'redactPhoto', who, eventId, now, `屏蔽了${which}：${reason}`)
  }
}

/**
 * The photos this viewer sees of a list of the ticket's: redacted ones are the office's alone (it sees them marked,
 * see redactedFor); everyone else never learns they were there.
 */
export function unredacted (viewer: { roles: readonly Role[] }, photos: readonly string[], t: Partial<Pick<Ticket, 'redactedPhotos'>>): string[] {
  if (viewer.roles.includes('admin') || !t.redactedPhotos?.length) return [...photos]
  const gone = new Set(t.redactedPhotos.map((r) => r.fileId))
  return photos.filter((p) => !gone.has(p))
}

/** The redaction records a viewer may see: the office's, with the reasons; nobody else's. */
export function redactedFor (viewer: { roles: readonly Role[] }, t: Partial<Pick<Ticket, 'redactedPhotos'>>): RedactedPhoto[] {
  return viewer.roles.includes('admin') ? [...(t.redactedPhotos ?? [])] : []
}

// ---------------------------------------------------------------------------------------------- report bans

/** The ban that stops this person from reporting now, or null (none, or it ran out). */
export function reportBan (user: Pick<User, 'reportBan'>, nowIso: string): ReportBan | null {
  const ban = user.reportBan
  if (!ban) return null
  return Date.parse(ban.until) > Date.parse(nowIso) ? ban : null
}

/** Why the office cannot ban this person until `until` now (a sentence for the office), or null. */
export function banRefusal (target: Pick<User, 'id'>, actorId: string, until: string, nowIso: string): string | null {
  if (target.id === actorId) return '不能暂停自己的上报'
  const to = Date.parse(until)
  if (!(to > Date.parse(nowIso))) return '暂停到的时间要晚于现在'
  if (to > Date.parse(nowIso) + MAX_BAN_DAYS * DAY_MS) return '一次最多暂停一年；到期后如仍需要，可以再次暂停'
  return null
}

/** 2026年12月20日 18:00 in China time (UTC+8, no daylight saving), whatever the server's zone. */
export function chinaDateTime (iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
}

/** What a banned person reads when they try to report: why, until when (China time), and whom to ask. */
export function banMessage (ban: Pick<ReportBan, 'until' | 'reason'>): string {
  return `你的随手拍上报已被文明办暂停至 ${chinaDateTime(ban.until)}（北京时间），原因：${ban.reason}。到期后可以继续上报；如有疑问，请联系文明办。`
}

/** The in-app message a ban or its lifting brings to the person. */
export function banNotice (ban: Pick<ReportBan, 'until' | 'reason'> | null, reason: string): { title: string; body: string } {
  return ban
    ? { title: '随手拍上报已暂停', body: banMessage(ban) }
    : { title: '随手拍上报已恢复', body: `文明办已恢复你的随手拍上报，现在可以继续上报了。说明：${reason}` }
}

// ---------------------------------------------------------------------------------------------- audit entries

/** The audit entry of one moderation step (kind 'moderation'); its id follows the step's, so a retry lands once. */
export function moderationAudit (
  o: { id: string; at: string; actorId: string; action: 'hide' | 'unhide' | 'redactPhoto' | 'ban' | 'unban'; targetId: string; reason: string; summary: string; before?: unknown; after?: unknown }
): AuditEntry {
  return { kind: 'moderation', ...o }
}
