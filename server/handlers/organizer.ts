import { cancelEventInput, confirmHoursInput, idInput, markAttendanceInput, myEventsInput, orgReportInput, saveEventInput, servedCountInput } from '../../core/schemas'
import type { Role, Signup, User, VolunteerEvent } from '../../core/types'
import { confirmedHours, markedAttendance, maxHoursFor } from '../../core/volunteer/attendance'
import { cancelEventRefusal, codeWindowOpen, mayManage, publishRefusal, recordRefusal, rosterState, saveRefusal, savedEvent } from '../../core/volunteer/events'
import { eventCancelledNotice, eventChange, eventChangedNotice, hoursNotice, offerNotice } from '../../core/volunteer/notices'
import { maskPhone } from '../../core/volunteer/profile'
import { orgReport } from '../../core/volunteer/record'
import type { RosterEntry, RosterView } from '../../core/volunteer/views'
import { requireUser } from '../caller'
import type { Deps } from '../deps'
import { attendanceMarks } from '../indicator-effects'
import { AppError } from '../errors'
import { pushMessages } from '../notices'
import { readAll } from '../paging'
import { action } from '../router'
import { currentCode } from '../volunteer-code'
import { rosterWorkbook } from '../volunteer-export'
import { MAX_EVENT_SIGNUPS, policyFor, signupsOfEvent } from '../volunteer-record'

/** Organisers manage their own events; the office all of them. */
export const ORGANIZER_ROLES: readonly Role[] = ['organizer', 'admin']

/** Events one report reads: a city's year of events is in the hundreds. */
const MAX_REPORT_EVENTS = 5_000

/** The event if this caller may manage it; someone else's event is not found for them. */
async function managed (deps: Deps, user: User, id: string): Promise<VolunteerEvent> {
  const e = await deps.store.getEvent(id)
  if (!e || !mayManage(e, user)) throw new AppError('NOT_FOUND', '活动不存在，或不是你组织的活动')
  return e
}

/** A signup on an event this caller manages, for recording attendance and hours. */
async function recordable (deps: Deps, user: User, eventId: string, userId: string): Promise<{ event: VolunteerEvent; signup: Signup }> {
  const event = await managed(deps, user, eventId)
  const refusal = recordRefusal(event, deps.clock.now())
  if (refusal) throw new AppError(refusal.code, refusal.message)
  const signup = await deps.store.getSignup(eventId, userId)
  if (!signup || signup.status !== 'confirmed') throw new AppError('NOT_FOUND', '名单上没有这位已报名的志愿者')
  return { event, signup }
}

async function write (deps: Deps, next: Signup, read: Signup): Promise<Signup> {
  if (!(await deps.store.updateSignup(next, read.version, await attendanceMarks(deps, read, next)))) throw new AppError('CONFLICT', '这条记录刚被改过，请刷新名单后再试')
  return next
}

async function roster (deps: Deps, user: User, event: VolunteerEvent): Promise<RosterView> {
  const signups = await signupsOfEvent(deps, event.id)
  const whole = user.roles.includes('admin')
  const max = maxHoursFor(event, deps.settings.volunteer)
  const entries: RosterEntry[] = []
  for (const s of signups) {
    const person = await deps.store.getUser(s.userId)
    const profile = await deps.store.getVolunteer(s.userId)
    const phone = profile?.phone ?? person?.phone ?? ''
    entries.push({
      signup: s,
      name: profile?.realName ?? person?.nickname ?? '志愿者',
      phone: phone ? (whole ? phone : maskPhone(phone)) : '',
      volunteerNo: profile?.volunteerNo ?? null,
      attendance: rosterState(s),
      maxHours: max
    })
  }
  const count = (f: (e: RosterEntry) => boolean) => entries.filter(f).length
  return {
    event,
    entries,
    counts: {
      confirmed: count((e) => e.signup.status === 'confirmed'),
      waitlisted: count((e) => e.attendance === 'waiting'),
      offered: count((e) => e.attendance === 'offered'),
      checkedIn: count((e) => e.attendance === 'in' || e.attendance === 'out'),
      checkedOut: count((e) => e.attendance === 'out'),
      noShow: count((e) => e.attendance === 'no_show'),
      pendingHours: count((e) => e.signup.status === 'confirmed' && e.signup.hoursConfirmedAt === null && e.signup.earnedHours !== null)
    },
    codeOpen: codeWindowOpen(event, deps.clock.now(), deps.settings.volunteer)
  }
}

export const organizerActions = {
  myEvents: action({
    input: myEventsInput,
    access: { roles: ORGANIZER_ROLES },
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      const page = await deps.store.listEvents({ ...q, organizerId: me.id })
      const lengths = await deps.store.waitlistLengths(page.items.map((e) => e.id))
      return { items: page.items.map((e) => ({ ...e, waitlistLength: lengths[e.id] ?? 0 })), next: page.next }
    }
  }),

  saveEvent: action({
    input: saveEventInput,
    access: { roles: ORGANIZER_ROLES },
    async run ({ deps, user }, input) {
      const me = requireUser(user)
      const existing = input.id ? await managed(deps, me, input.id) : null
      const now = deps.clock.now()
      const refusal = saveRefusal(existing, input, now)
      if (refusal) throw new AppError(refusal.code, refusal.message)
      if (input.gridId && !(await deps.directory.get()).activeGridIds.has(input.gridId)) throw new AppError('VALIDATION', '所选网格不存在')
      const event = savedEvent(existing, input, { id: deps.ids.next('ev'), organizerId: me.id }, now)
      await deps.store.putEvent(event)
      // A new time or place is told to everyone signed up or waiting (message ids per signup and edit: once each).
      const change = existing && existing.status === 'published' ? eventChange(existing, event) : null
      if (change) {
        const notice = eventChangedNotice(event, change)
        const told = (await signupsOfEvent(deps, event.id, ['confirmed', 'waitlisted', 'offered'])).map(notice)
        for (const m of told) await deps.store.addMessage(m)
        await pushMessages(deps, told)
      }
      // More places on a published event go to those waiting, as a freed seat would.
      if (existing && event.status === 'published' && event.capacity > existing.capacity) {
        const policy = policyFor(deps, event)
        const { offered } = await deps.store.settleOffers(event.id, policy, offerNotice(event, policy.now))
        await pushMessages(deps, offered.map(offerNotice(event, policy.now)))
      }
      return (await deps.store.getEvent(event.id)) ?? event
    }
  }),

  publishEvent: action({
    input: idInput,
    access: { roles: ORGANIZER_ROLES },
    async run ({ deps, user }, { id }) {
      const e = await managed(deps, requireUser(user), id)
      const refusal = publishRefusal(e, deps.clock.now())
      if (refusal) throw new AppError(refusal.code, refusal.message)
      if (e.status === 'published') return e
      const published: VolunteerEvent = { ...e, status: 'published', updatedAt: deps.clock.now() }
      await deps.store.putEvent(published)
      return (await deps.store.getEvent(id)) ?? published
    }
  }),

  cancelEvent: action({
    input: cancelEventInput,
    access: { roles: ORGANIZER_ROLES },
    async run ({ deps, user }, { id, reason }) {
      const e = await managed(deps, requireUser(user), id)
      const now = deps.clock.now()
      const refusal = cancelEventRefusal(e, now)
      if (refusal) throw new AppError(refusal.code, refusal.message)
      const notice = eventCancelledNotice(e, reason, now)
      const result = await deps.store.cancelEvent(id, reason, now, notice)
      if (!result) throw new AppError('CONFLICT', '活动已经取消了')
      await pushMessages(deps, result.cancelled.map(notice))
      return { event: result.event, told: result.cancelled.length }
    }
  }),

  roster: action({
    input: idInput,
    access: { roles: ORGANIZER_ROLES },
    async run ({ deps, user }, { id }) {
      const me = requireUser(user)
      return roster(deps, me, await managed(deps, me, id))
    }
  }),

  checkinCode: action({
    input: idInput,
    access: { roles: ORGANIZER_ROLES },
    async run ({ deps, user }, { id }) {
      const e = await managed(deps, requireUser(user), id)
      const s = deps.settings.volunteer
      if (!codeWindowOpen(e, deps.clock.now(), s)) {
        throw new AppError('CONFLICT', e.status !== 'published' ? '活动未发布或已取消，没有签到码' : `签到码在活动开始前 ${s.checkinEarlyMinutes} 分钟到结束后 ${s.checkoutLateMinutes} 分钟之间显示`)
      }
      return { ...currentCode(deps.checkinKey, e.id, deps.clock.now(), s.qrRotateSeconds), rotateSeconds: s.qrRotateSeconds }
    }
  }),

  markAttendance: action({
    input: markAttendanceInput,
    access: { roles: ORGANIZER_ROLES },
    async run ({ deps, user }, { eventId, userId, attended }) {
      const me = requireUser(user)
      const { event, signup } = await recordable(deps, me, eventId, userId)
      return { signup: await write(deps, markedAttendance(signup, attended, event, me.id, deps.clock.now()), signup) }
    }
  }),

  confirmHours: action({
    input: confirmHoursInput,
    access: { roles: ORGANIZER_ROLES },
    async run ({ deps, user }, { eventId, userId, ...hours }) {
      const me = requireUser(user)
      const { event, signup } = await recordable(deps, me, eventId, userId)
      const now = deps.clock.now()
      const decided = confirmedHours(signup, event, hours, me.id, now, deps.settings.volunteer)
      if (!decided.ok) throw new AppError('CONFLICT', decided.message)
      const saved = await write(deps, decided.signup, signup)
      const told = hoursNotice(event, saved, now)
      await deps.store.addMessage(told)
      await pushMessages(deps, [told])
      return { signup: saved }
    }
  }),

  recordServed: action({
    input: servedCountInput,
    access: { roles: ORGANIZER_ROLES },
    async run ({ deps, user }, { id, servedCount }) {
      const e = await managed(deps, requireUser(user), id)
      const refusal = recordRefusal(e, deps.clock.now())
      if (refusal) throw new AppError(refusal.code, refusal.message)
      const next: VolunteerEvent = { ...e, servedCount, updatedAt: deps.clock.now() }
      await deps.store.putEvent(next)
      return (await deps.store.getEvent(id)) ?? next
    }
  }),

  exportRoster: action({
    input: idInput,
    access: { roles: ORGANIZER_ROLES },
    async run ({ deps, user }, { id }) {
      const me = requireUser(user)
      const view = await roster(deps, me, await managed(deps, me, id))
      const buffer = await rosterWorkbook(view, deps.clock.now())
      const day = view.event.startAt.slice(0, 10)
      return { filename: `志愿者名单-${view.event.title.slice(0, 20)}-${day}.xlsx`, base64: buffer.toString('base64'), rows: view.entries.length }
    }
  }),

  orgReport: action({
    input: orgReportInput,
    access: { roles: ORGANIZER_ROLES },
    async run ({ deps, user }, { year, organizerId }) {
      const me = requireUser(user)
      // An organiser sees their own; the office one organiser's or the whole city's.
      const who = me.roles.includes('admin') ? organizerId : me.id
      const from = new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000).toISOString()
      const to = new Date(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000).toISOString()
      const events = await readAll((p) => deps.store.listEvents({ ...p, fromIso: from, toIso: to, organizerId: who }), MAX_REPORT_EVENTS, '活动')
      const signups: Signup[] = []
      for (const e of events) signups.push(...await readAll((p) => deps.store.listSignups({ ...p, eventId: e.id, statuses: ['confirmed'] }), MAX_EVENT_SIGNUPS, '报名记录'))
      return orgReport(year, events, signups, deps.clock.now(), deps.settings.volunteer)
    }
  })
}
