import type { ActionName, FunctionName } from '../../core/api'
import type { Result } from '../../core/errors'
import type { Ticket, VolunteerEvent } from '../../core/types'
import type { DispatchOptionView, MergeCandidatesView, TicketDetailView, TicketView } from '../../core/views'
import { overdueStep } from '../../core/tickets/step'
import { checkedIn, checkedOut } from '../../core/volunteer/attendance'
import { offerNotice } from '../../core/volunteer/notices'
import { isLiveSignup, newSignup } from '../../core/volunteer/seats'
import type { Certificate, Survey } from '../../core/types'
import { aVolunteerEvent } from '../../core/testing/builders'
import { readAll } from '../paging'
import { SURVEY_ID } from '../seed/survey'
import { openTestApp, type TestApp } from './app'
import { ADMIN_ROWS } from './matrix-rows-admin'
import { AUTH_ROWS } from './matrix-rows-auth'
import { demoCast, ticketFactory, type CallerKey, type Cast } from './matrix'
import { rateLimitCounterKeys, snapshotStore, type StoreSnapshot } from './snapshot'

/**
 * A valid payload for every action of every function, built from the seeded demo city, so that a refusal in the
 * authorization matrix (all-functions.matrix.test.ts) is authorization and never validation. The matrix checks
 * each payload against the action's own input schema. (bad-input-cases.ts has valid base payloads too, but they
 * are bound to that harness's world and its module state, so they are not reused here.)
 */

/** One seeded demo city and the helpers a cell needs. */
export interface World {
  app: TestApp
  cast: Cast
  /** A ticket of 张阿姨's in 赵网格's grid, fresh for each cell, in the state asked for. */
  fresh: ReturnType<typeof ticketFactory>
  snapshot: () => Promise<StoreSnapshot>
}

export async function openWorld (tag: string): Promise<World> {
  const app = await openTestApp()
  const cast = await demoCast(app)
  return {
    app,
    cast,
    fresh: ticketFactory(app, cast, tag),
    snapshot: () => snapshotStore(app.store, { counterKeys: rateLimitCounterKeys(app.clock.now()) })
  }
}

export interface Given {
  payload: Record<string, unknown>
  /** The fresh ticket the cell is about, when it is about one. */
  ticket?: Ticket
}

export interface ValidRow {
  /** The payload for this caller. Each caller gets its own resources (ticket, request id), so no cell depends on another. */
  given (w: World, caller: CallerKey): Promise<Given>
  /** More checks on a cell authorization let through (the answer code is checked by the matrix). */
  allowed? (w: World, given: Given, result: Result<unknown>): Promise<void>
}

let fresh = 0
const fixed = (payload: Record<string, unknown> = {}): ValidRow => ({ given: async () => ({ payload }) })
const spot = (w: World) => ({ lng: w.cast.spot.lng, lat: w.cast.spot.lat })
/** The grids in use as a grid file (the office's export): importing it changes nothing routing reads. */

/** The seeded survey, answered by nobody of the cast (respondents are the seeded residents). */
const SURVEY_ANSWERS = { q1: [0], q2: [0], q3: [1], q4: [0], q5: [0, 2], q6: [1], q7: '希望多组织志愿活动' }

export const VALID: { [F in FunctionName]: Record<ActionName<F>, ValidRow> } = {
  users: {
    me: fixed(),
    messages: fixed({ limit: 5 }),
    readMessages: {
      // The caller's own unread messages (none for some callers: an empty list is valid too).
      async given (w, caller) {
        const id = w.cast.userId[caller]
        const page = id ? await w.app.store.listMessages({ userId: id, limit: 20 }) : { items: [] }
        return { payload: { ids: page.items.filter((m) => !m.read).map((m) => m.id).slice(0, 3) } }
      }
    }
  },
  reports: {
    categories: fixed(),
    gridMap: fixed(),
    locate: { given: async (w) => ({ payload: spot(w) }) },
    submit: {
      given: async (w, caller) => ({
        payload: { clientRequestId: `req-all-matrix-${caller}`, categoryId: 'cat-E02-01', description: '路灯杆上贴满小广告', location: spot(w) }
      }),
      async allowed (w, _given, result) {
        const filed = (result as { ok: true; data: { ticket: TicketView; created: boolean } }).data
        expect(filed.created).toBe(true)
        expect(await w.app.store.getTicket(filed.ticket.id)).toMatchObject({ state: 'dispatched', gridId: w.cast.grid.id })
      }
    },
    mine: fixed(),
    nearby: { given: async (w) => ({ payload: { categoryId: 'cat-E02-01', location: spot(w) } }) },
    follow: {
      async given (w) {
        const ticket = await w.fresh('dispatched')
        return { payload: { id: ticket.id }, ticket }
      },
      async allowed (w, { ticket }, result) {
        // The reporter's CONFLICT (own report) leaves it unfollowed; everyone else follows it.
        expect((await w.app.store.getTicket(ticket!.id))!.followers).toBe(result.ok ? 1 : 0)
      }
    },
    followed: fixed(),
    photoReviewed: fixed({ traceId: 'trace-all-matrix', verdict: 'pass' })
  },
  tickets: {
    inbox: fixed(),
    triage: fixed(),
    overdue: fixed(),
    verifyQueue: fixed(),
    get: {
      async given (w) {
        const ticket = await w.fresh('dispatched')
        return { payload: { id: ticket.id }, ticket }
      },
      async allowed (_w, { ticket }, result) {
        expect((result as { ok: true; data: TicketDetailView }).data.ticket.id).toBe(ticket!.id)
      }
    },
    act: {
      // One transition stands for the action here; every transition × caller is in reports-tickets.matrix.test.ts.
      async given (w) {
        const ticket = await w.fresh('dispatched')
        return { payload: { id: ticket.id, transition: 'accept', expectedVersion: ticket.version }, ticket }
      },
      async allowed (w, { ticket }, result) {
        expect((result as { ok: true; data: TicketView }).data.state).toBe('accepted')
        expect(await w.app.store.getTicket(ticket!.id)).toMatchObject({ state: 'accepted', version: ticket!.version + 1 })
      }
    },
    mergeCandidates: {
      async given (w) {
        const ticket = await w.fresh('dispatched')
        return { payload: { id: ticket.id }, ticket }
      },
      async allowed (_w, { ticket }, result) {
        const found = (result as { ok: true; data: MergeCandidatesView }).data.candidates
        expect(found.length).toBeGreaterThan(0)
        expect(found.map((c) => c.id)).not.toContain(ticket!.id)
      }
    },
    dispatchOptions: {
      async given (w) {
        const ticket = await w.fresh('triage')
        return { payload: { id: ticket.id }, ticket }
      },
      async allowed (w, _given, result) {
        // The point lies in 赵网格's grid: he is suggested first.
        expect((result as { ok: true; data: DispatchOptionView[] }).data[0]).toMatchObject({ managerId: w.cast.userId.assignedGm, inGrid: true, suggested: true })
      }
    },
    defer: {
      async given (w) {
        const ticket = await w.fresh('dispatched')
        const until = new Date(Date.parse(ticket.deadline) + 10 * 86_400_000).toISOString()
        return { payload: { id: ticket.id, expectedVersion: ticket.version, until, reason: '需等待城管部门统一采购护栏' }, ticket }
      },
      async allowed (w, { ticket, payload }, result) {
        expect((result as { ok: true; data: TicketView }).data).toMatchObject({ state: 'dispatched', deadline: payload.until })
        const told = await w.app.store.listMessages({ userId: w.cast.userId.assignedGm!, limit: 5 })
        expect(told.items.some((m) => m.ticketId === ticket!.id && m.title === '案卷已批准缓办')).toBe(true)
      }
    },
    urge: {
      async given (w) {
        const ticket = await overdueTicket(w)
        return { payload: { id: ticket.id, expectedVersion: ticket.version }, ticket }
      },
      async allowed (w, { ticket }, result) {
        expect((result as { ok: true; data: TicketView }).data).toMatchObject({ state: 'dispatched', urgeCount: 1 })
        const told = await w.app.store.listMessages({ userId: w.cast.userId.assignedGm!, limit: 5 })
        expect(told.items.some((m) => m.ticketId === ticket!.id && m.title === '文明办督办')).toBe(true)
      }
    },
    hide: {
      async given (w) {
        const ticket = await w.fresh('dispatched')
        return { payload: { id: ticket.id, reason: '含有他人的门牌和车牌' }, ticket }
      },
      async allowed (w, { ticket }) {
        expect((await w.app.store.getTicket(ticket!.id))?.hidden).toMatchObject({ by: w.cast.userId.admin, reason: '含有他人的门牌和车牌' })
        expect((await w.app.store.listAudit({ targetId: ticket!.id })).items.map((e) => e.action)).toEqual(['hide'])
      }
    },
    unhide: {
      async given (w) {
        const ticket = await moderated(w, (_t, now) => ({ hidden: { at: now, by: 'u-admin', reason: '待核实' }, updatedAt: now }))
        return { payload: { id: ticket.id, reason: '核实无误，恢复显示' }, ticket }
      },
      async allowed (w, { ticket }) {
        expect((await w.app.store.getTicket(ticket!.id))?.hidden).toBeNull()
      }
    },
    redactPhoto: {
      async given (w) {
        const ticket = await moderated(w, (t, now) => ({ photos: [`f-matrix-${t.id}`], updatedAt: now }))
        return { payload: { id: ticket.id, fileId: ticket.photos[0], reason: '照片拍到了路人的脸' }, ticket }
      },
      async allowed (w, { ticket }, result) {
        expect((result as { ok: true; data: TicketView }).data.redactedPhotos).toMatchObject([{ fileId: ticket!.photos[0], reason: '照片拍到了路人的脸' }])
        expect((await w.app.store.getTicket(ticket!.id))?.redactedPhotos?.map((r) => r.fileId)).toEqual(ticket!.photos)
      }
    }
  },
  volunteer: {
    events: fixed(),
    event: fixed({ id: 'ev-002' }),
    signup: {
      async given (w) {
        return { payload: { eventId: (await upcomingEvents(w))[0].id } }
      },
      async allowed (w, { payload }, result) {
        expect(result.ok && (result.data as { signup: { userId: string } }).signup.userId).toBe(w.cast.userId.volunteer)
        expect(await liveSignupOf(w, payload.eventId as string, w.cast.userId.volunteer!)).toBe(true)
      }
    },
    cancel: {
      // Another event than signup's, which the volunteer has signed up for (before the cell, whoever calls).
      async given (w) {
        const events = (await upcomingEvents(w)).filter((e) => e.requiredTrainings.length === 0)
        const event = events[events.length - 1]
        if (events.length < 2 || Date.parse(event.cancelDeadline) <= Date.parse(w.app.clock.now())) throw new Error('no second event to cancel in the seed')
        const volunteer = w.cast.userId.volunteer!
        if (!(await liveSignupOf(w, event.id, volunteer))) {
          const taken = await w.app.store.takeSeat(newSignup(event.id, volunteer, w.app.clock.now()))
          if (!taken.signup) throw new Error(`could not sign the volunteer up for ${event.id}`)
        }
        return { payload: { eventId: event.id } }
      },
      async allowed (w, { payload }, result) {
        expect(result.ok && (result.data as { signup: { status: string } }).signup.status).toBe('cancelled')
        expect(await liveSignupOf(w, payload.eventId as string, w.cast.userId.volunteer!)).toBe(false)
      }
    },
    acceptOffer: {
      // A full event of one seat: the volunteer waits, the seat holder cancels, the volunteer is offered it.
      async given (w, caller) {
        const e = await freshEvent(w, caller, { startInHours: 72, capacity: 1 })
        const volunteer = w.cast.userId.volunteer!
        await w.app.store.takeSeat(newSignup(e.id, 'u-volunteer-2', w.app.clock.now()))
        await w.app.store.takeSeat(newSignup(e.id, volunteer, w.app.clock.now()))
        const now = w.app.clock.now()
        await w.app.store.cancelSignup(e.id, 'u-volunteer-2', { now, offerUntil: new Date(Date.parse(now) + 3_600_000).toISOString() }, offerNotice(e, now))
        return { payload: { eventId: e.id } }
      },
      async allowed (w, { payload }) {
        expect((await w.app.store.getSignup(payload.eventId as string, w.cast.userId.volunteer!))?.status).toBe('confirmed')
      }
    },
    register: {
      given: async () => ({ payload: { realName: '测试志愿者', phone: '13800000000', community: '香樟路社区', skills: ['环境保护'] } }),
      // Registering gives the caller the volunteer role; the cast's non-volunteers lose it again here, so later
      // cells see the cast as cast (the registration itself stays).
      async allowed (w, _given, result) {
        const profile = (result as { ok: true; data: { profile: { userId: string; volunteerNo: string } } }).data.profile
        expect(profile.volunteerNo).toMatch(/^V\d{10}$/)
        const u = await w.app.store.getUser(profile.userId)
        expect(u?.roles).toContain('volunteer')
        if (u && profile.userId !== w.cast.userId.volunteer) await w.app.store.putUser({ ...u, roles: u.roles.filter((r) => r !== 'volunteer') })
      }
    },
    mine: fixed(),
    mySignups: fixed({ limit: 5 }),
    checkIn: {
      async given (w, caller) {
        const e = await freshEvent(w, caller, { startInHours: 0.25, signedUp: 'booked' })
        return { payload: { eventId: e.id, location: e.location } }
      },
      async allowed (w, { payload }) {
        expect((await w.app.store.getSignup(payload.eventId as string, w.cast.userId.volunteer!))?.checkInAt).toBe(w.app.clock.now())
      }
    },
    checkOut: {
      async given (w, caller) {
        const e = await freshEvent(w, caller, { startInHours: -1.5, hours: 2, signedUp: 'in' })
        return { payload: { eventId: e.id, location: e.location } }
      },
      async allowed (w, { payload }) {
        expect((await w.app.store.getSignup(payload.eventId as string, w.cast.userId.volunteer!))?.checkOutAt).toBe(w.app.clock.now())
      }
    },
    appeal: {
      async given (w, caller) {
        const e = await freshEvent(w, caller, { startInHours: -5, hours: 2, signedUp: 'booked' })
        return { payload: { eventId: e.id, reason: '我到场了，但手机没电没能签到' } }
      }
    },
    requestCertificate: fixed(),
    certificate: {
      // The caller's own certificate (the handler finds only one's own, or any for the office).
      async given (w, caller) {
        return { payload: { number: (await certificateOf(w, caller)).number } }
      }
    },
    verifyCertificate: {
      async given (w, caller) {
        const c = await certificateOf(w, caller)
        return { payload: { number: c.number, code: c.checkCode } }
      }
    },
    myEvents: fixed({ limit: 5 }),
    saveEvent: {
      given: async (w) => {
        const start = new Date(Date.parse(w.app.clock.now()) + 72 * 3_600_000)
        const iso = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000).toISOString()
        return {
          payload: {
            kind: 'service', title: '矩阵测试志愿活动', topic: '环境保护', address: '香樟路社区广场', location: spot(w),
            startAt: iso(start, 0), endAt: iso(start, 2), capacity: 10, waitlistEnabled: true, cancelDeadline: iso(start, -24)
          }
        }
      }
    },
    publishEvent: { given: async (w, caller) => ({ payload: { id: (await freshEvent(w, caller, { startInHours: 72, status: 'draft' })).id } }) },
    cancelEvent: { given: async (w, caller) => ({ payload: { id: (await freshEvent(w, caller, { startInHours: 72, signedUp: 'booked' })).id, reason: '天气原因' } }) },
    roster: fixed({ id: 'ev-002' }),
    checkinCode: { given: async (w, caller) => ({ payload: { id: (await freshEvent(w, caller, { startInHours: 0.25 })).id } }) },
    markAttendance: {
      async given (w, caller) {
        const e = await freshEvent(w, caller, { startInHours: -0.5, signedUp: 'booked' })
        return { payload: { eventId: e.id, userId: w.cast.userId.volunteer, attended: true } }
      }
    },
    confirmHours: {
      async given (w, caller) {
        const e = await freshEvent(w, caller, { startInHours: -3, hours: 2, signedUp: 'out' })
        return { payload: { eventId: e.id, userId: w.cast.userId.volunteer } }
      }
    },
    recordServed: { given: async (w, caller) => ({ payload: { id: (await freshEvent(w, caller, { startInHours: -3, hours: 2 })).id, servedCount: 40 } }) },
    exportRoster: fixed({ id: 'ev-002' }),
    orgReport: { given: async (w) => ({ payload: { year: new Date(w.app.clock.now()).getUTCFullYear() } }) }
  },
  surveys: {
    list: fixed(),
    get: fixed({ id: SURVEY_ID }),
    answer: fixed({ surveyId: SURVEY_ID, answers: SURVEY_ANSWERS }),
    result: { given: async (w, caller) => ({ payload: { id: (await freshSurvey(w, caller, 'closed')).id } }) },
    templates: fixed(),
    adminList: fixed({ limit: 5 }),
    adminGet: fixed({ id: SURVEY_ID }),
    fromTemplate: {
      given: async () => ({ payload: { template: 'mock' } }),
      async allowed (_w, _given, result) {
        expect((result as { ok: true; data: { status: string; template: string } }).data).toMatchObject({ status: 'draft', template: 'mock' })
      }
    },
    save: {
      given: async (w) => ({
        payload: {
          title: '矩阵测试问卷', opensAt: w.app.clock.now(), closesAt: new Date(Date.parse(w.app.clock.now()) + 86_400_000).toISOString(),
          questions: [{ id: 'q1', type: 'single', title: '您是否知道创文？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0] }]
        }
      })
    },
    publish: {
      given: async (w, caller) => ({ payload: { id: (await freshSurvey(w, caller, 'draft')).id } }),
      async allowed (w, { payload }) {
        expect((await w.app.store.getSurvey(payload.id as string))?.status).toBe('open')
      }
    },
    close: {
      given: async (w, caller) => ({ payload: { id: (await freshSurvey(w, caller, 'open')).id } }),
      async allowed (w, { payload }) {
        expect((await w.app.store.getSurvey(payload.id as string))?.status).toBe('closed')
      }
    },
    duplicate: fixed({ id: SURVEY_ID }),
    results: fixed({ id: SURVEY_ID }),
    export: fixed({ id: SURVEY_ID, format: 'csv' })
  },
  stats: {
    headline: { given: async (w) => ({ payload: { gridId: w.cast.grid.id } }) },
    table: fixed({ areaCode: '', fromDay: '2026-11-01', toDay: '2026-11-30' }),
    trend: fixed({ areaCode: '', grain: 'week', fromDay: '2026-11-01', toDay: '2026-11-30' }),
    export: fixed({ areaCode: '', fromDay: '2026-11-01', toDay: '2026-11-30', format: 'csv' }),
    reconcile: {
      given: async () => ({ payload: {} }),
      // The seed writes its cells with its answers: nothing to repair.
      async allowed (_w, _given, result) {
        expect((result as { ok: true; data: { drifted: number } }).data.drifted).toBe(0)
      }
    }
  },
  admin: ADMIN_ROWS,
  auth: AUTH_ROWS,
  timer: {
    sweep: fixed()
  }
}

/** A fresh dispatched ticket past its deadline, flagged by the timer's step (the clock stays where it is). */
async function overdueTicket (w: World): Promise<Ticket> {
  const t = await w.fresh('dispatched')
  const now = w.app.clock.now()
  const step = overdueStep(t, `te-all-matrix-late-${t.id}`, now)
  const late = await w.app.store.changeTicket({
    id: t.id, expectedVersion: t.version, patch: { ...step.patch, deadline: new Date(Date.parse(now) - 3_600_000).toISOString() }, event: step.event, photoReviews: [], follows: null, messages: []
  })
  if (!late) throw new Error('could not make the ticket overdue')
  return late
}

/** A fresh dispatched ticket with `patch` written straight to the store (a hidden report, one with a photo). */
async function moderated (w: World, patch: (t: Ticket, now: string) => Partial<Ticket>): Promise<Ticket> {
  const t = await w.fresh('dispatched')
  const now = w.app.clock.now()
  const step = overdueStep(t, `te-all-matrix-setup-${t.id}`, now)
  const changed = await w.app.store.changeTicket({ id: t.id, expectedVersion: t.version, patch: patch(t, now), event: step.event, photoReviews: [], follows: null, messages: [] })
  if (!changed) throw new Error('could not set the ticket up')
  return changed
}

/** Published events that have not started, soonest first (the seed's have free seats). */
async function upcomingEvents (w: World): Promise<VolunteerEvent[]> {
  const now = Date.parse(w.app.clock.now())
  const events = await readAll((q) => w.app.store.listEvents({ ...q, fromIso: w.app.clock.now() }))
  const open = events.filter((e) => e.status === 'published' && Date.parse(e.startAt) > now && e.taken < e.capacity)
  if (open.length === 0) throw new Error('no upcoming event with seats in the seed')
  return open.sort((a, b) => a.startAt.localeCompare(b.startAt))
}

/**
 * A fresh event of the demo organiser's for one cell, starting `startInHours` from the world's now, with the demo
 * volunteer signed up (booked), checked in, or checked in and out, when asked.
 */
async function freshEvent (
  w: World, caller: CallerKey,
  o: { startInHours: number; hours?: number; capacity?: number; status?: VolunteerEvent['status']; signedUp?: 'booked' | 'in' | 'out' }
): Promise<VolunteerEvent> {
  const now = Date.parse(w.app.clock.now())
  const startAt = new Date(now + o.startInHours * 3_600_000).toISOString()
  const e = aVolunteerEvent({
    id: `ev-all-matrix-${caller}-${++fresh}`, organizerId: w.cast.userId.organizer!, location: spot(w), gridId: w.cast.grid.id,
    startAt, endAt: new Date(Date.parse(startAt) + (o.hours ?? 2) * 3_600_000).toISOString(), cancelDeadline: new Date(Date.parse(startAt) - 3_600_000).toISOString(),
    capacity: o.capacity ?? 10, status: o.status ?? 'published', createdAt: w.app.clock.now(), updatedAt: w.app.clock.now()
  })
  await w.app.store.putEvent(e)
  if (o.signedUp) {
    const taken = await w.app.store.takeSeat(newSignup(e.id, w.cast.userId.volunteer!, w.app.clock.now()))
    let s = taken.signup!
    if (o.signedUp !== 'booked') {
      const inAt = e.startAt
      let next = checkedIn(s, inAt, 'qr')
      if (o.signedUp === 'out') next = checkedOut(next, e, e.endAt, 'qr', w.app.deps.settings.volunteer)
      await w.app.store.updateSignup(next, s.version)
      s = next
    }
  }
  return e
}

/** A certificate of this caller's (anyone's for callers without an account: the volunteer's). */
async function certificateOf (w: World, caller: CallerKey): Promise<Certificate> {
  const n = ++fresh
  const c: Certificate = {
    number: `ZZ2026-${String(900000 + n).padStart(6, '0')}`, checkCode: 'K7M2Q9', userId: w.cast.userId[caller] ?? w.cast.userId.volunteer!, issuedAt: w.app.clock.now(),
    realName: '测试者', volunteerNo: 'V2026000001', earnedHours: 3, manualHours: 0, serviceCount: 1, firstServiceAt: w.app.clock.now(), lastServiceAt: w.app.clock.now(),
    topics: ['环境保护'], records: [], issuer: w.app.deps.settings.volunteer.issuer
  }
  await w.app.store.addCertificate(c)
  return c
}

/** A survey of the seeded one's questions, fresh for one cell, in the status asked for. */
async function freshSurvey (w: World, caller: CallerKey, status: Survey['status']): Promise<Survey> {
  const seeded = (await w.app.store.getSurvey(SURVEY_ID))!
  const now = Date.parse(w.app.clock.now())
  const s: Survey = {
    ...seeded, id: `sv-all-matrix-${caller}-${++fresh}`, status,
    opensAt: new Date(now - 10 * 86_400_000).toISOString(), closesAt: new Date(now + (status === 'closed' ? -86_400_000 : 10 * 86_400_000)).toISOString()
  }
  await w.app.store.putSurvey(s)
  return s
}

async function liveSignupOf (w: World, eventId: string, userId: string): Promise<boolean> {
  const page = await w.app.store.listSignups({ eventId, userId, limit: 10 })
  return page.items.some(isLiveSignup)
}

/** The valid-payload row of `fn.action`, if there is one (the matrix's guard wants one for every action). */
export function validRow (fn: FunctionName, action: string): ValidRow | undefined {
  const rows = VALID[fn] as Record<string, ValidRow>
  return Object.prototype.hasOwnProperty.call(rows, action) ? rows[action] : undefined
}
