import type { ActionName, FunctionName } from '../../core/api'
import type { Result } from '../../core/errors'
import type { Ticket, VolunteerEvent } from '../../core/types'
import type { DispatchOptionView, MergeCandidatesView, TicketDetailView, TicketView } from '../../core/views'
import { overdueStep } from '../../core/tickets/step'
import { isLiveSignup } from '../../core/volunteer/seats'
import { readAll } from '../paging'
import { SURVEY_ID } from '../seed/survey'
import { openTestApp, type TestApp } from './app'
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

let seats = 0
const fixed = (payload: Record<string, unknown> = {}): ValidRow => ({ given: async () => ({ payload }) })
const spot = (w: World) => ({ lng: w.cast.spot.lng, lat: w.cast.spot.lat })

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
    }
  },
  volunteer: {
    events: fixed(),
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
        const events = await upcomingEvents(w)
        const event = events[events.length - 1]
        if (events.length < 2 || Date.parse(event.cancelDeadline) <= Date.parse(w.app.clock.now())) throw new Error('no second event to cancel in the seed')
        const volunteer = w.cast.userId.volunteer!
        if (!(await liveSignupOf(w, event.id, volunteer))) {
          const taken = await w.app.store.takeSeat({
            id: `s-all-matrix-${++seats}`, eventId: event.id, userId: volunteer, status: 'confirmed', createdAt: w.app.clock.now(), checkInAt: null, checkOutAt: null, hours: null
          })
          if (!taken.signup) throw new Error(`could not sign the volunteer up for ${event.id}`)
        }
        return { payload: { eventId: event.id } }
      },
      async allowed (w, { payload }, result) {
        expect(result.ok && (result.data as { signup: { status: string } }).signup.status).toBe('cancelled')
        expect(await liveSignupOf(w, payload.eventId as string, w.cast.userId.volunteer!)).toBe(false)
      }
    }
  },
  surveys: {
    list: fixed(),
    get: fixed({ id: SURVEY_ID }),
    answer: fixed({ surveyId: SURVEY_ID, answers: SURVEY_ANSWERS })
  },
  stats: {
    headline: { given: async (w) => ({ payload: { gridId: w.cast.grid.id } }) }
  },
  admin: {
    grids: fixed({ limit: 5 }),
    users: fixed({ limit: 5 }),
    managers: fixed()
  },
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

/** Published events that have not started, soonest first (the seed's have free seats). */
async function upcomingEvents (w: World): Promise<VolunteerEvent[]> {
  const now = Date.parse(w.app.clock.now())
  const events = await readAll((q) => w.app.store.listEvents({ ...q, fromIso: w.app.clock.now() }))
  const open = events.filter((e) => e.status === 'published' && Date.parse(e.startAt) > now && e.taken < e.capacity)
  if (open.length === 0) throw new Error('no upcoming event with seats in the seed')
  return open.sort((a, b) => a.startAt.localeCompare(b.startAt))
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
