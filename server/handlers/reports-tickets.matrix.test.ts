import { TRANSITIONS, transitionFor, type Actor, type TicketAction } from '../../core/tickets/workflow'
import type { Ticket, TicketState } from '../../core/types'
import type { TicketDetailView, TicketView } from '../../core/views'
import { ok, openTestApp, type TestApp } from '../testing/app'
import {
  CALLERS, callAs, demoCast, expectOnly, outcomeOf, ticketFactory,
  type CallerKey, type Cast, type Outcome
} from '../testing/matrix'
import { ticketsActions } from './tickets'

/**
 * Authorization matrix of every transition of tickets.act: one cell per transition × caller, expected 'allowed'
 * or the refusal code. Callers are relative to a ticket filed by 张阿姨 (u-citizen) in 赵网格's grid (see CALLERS
 * in testing/matrix.ts). One app for the file; every cell gets a fresh ticket, already in the state its
 * transition needs. Also here: identities forged in the body, and what tickets.get shows each viewer. The
 * action × caller matrix of every function (reports and tickets included) is all-functions.matrix.test.ts.
 */

let app: TestApp
let cast: Cast
let fresh: ReturnType<typeof ticketFactory>
/** A ticket to merge duplicates into. */
let original: Ticket

beforeAll(async () => {
  app = await openTestApp()
  cast = await demoCast(app)
  fresh = ticketFactory(app, cast, 'matrix')
  original = await fresh('dispatched')
})
afterAll(() => app.close())

interface Row {
  /** Name in the report: `act:<transition>`. */
  label: string
  transition: TicketAction
  /** The state of the fresh ticket the cell needs. */
  ticketState: Exclude<TicketState, 'closed'>
  payload: (ticket: Ticket) => Record<string, unknown>
  expect: Record<CallerKey, Outcome>
}

const REPORT = { categoryId: 'cat-E02-01', description: '路灯杆上贴满小广告' }

/**
 * Who may take each transition, written out by hand (an independent oracle: a test below checks it against
 * core's TRANSITIONS table). autoClose is the scheduler's, and the scheduler cannot call tickets.act (it is a
 * signed-in action), so nobody may take it through the API.
 */
const ACT_ALLOWED: Record<TicketAction, CallerKey[]> = {
  dispatch: ['admin'],
  accept: ['assignedGm', 'admin'],
  handBack: ['assignedGm'],
  resolve: ['assignedGm', 'admin'],
  confirmFixed: ['reporter', 'admin'],
  rejectFix: ['reporter', 'admin'],
  autoClose: [],
  merge: ['admin'],
  refer: ['admin'],
  reject: ['admin'],
  closeUnable: ['admin'],
  reopen: ['reporter', 'admin']
}

/**
 * The state each transition starts from. Where the transition allows it, a state in which the ticket is
 * assigned to 赵网格 (dispatched rather than triage), so "assignee" is a real relation the check must reject.
 * dispatch needs triage: there 赵网格 handed it back (no assignee) but still manages its grid (he can open it).
 */
const ACT_STATE: Record<TicketAction, Exclude<TicketState, 'closed'>> = {
  dispatch: 'triage',
  accept: 'dispatched',
  handBack: 'dispatched',
  resolve: 'accepted',
  confirmFixed: 'resolved',
  rejectFix: 'resolved',
  autoClose: 'resolved',
  merge: 'dispatched',
  refer: 'dispatched',
  reject: 'dispatched',
  closeUnable: 'accepted',
  reopen: 'fixed'
}

/** Everything else each transition needs, so an allowed caller really goes through. */
const ACT_INPUT: Record<TicketAction, () => Record<string, unknown>> = {
  dispatch: () => ({ gridId: cast.grid.id }),
  accept: () => ({}),
  handBack: () => ({ note: '属于物业管理范围' }),
  resolve: () => ({ note: '已清理', afterPhotos: ['f-after-2'] }),
  confirmFixed: () => ({ rating: 'basic' }),
  rejectFix: () => ({ note: '还没清理干净' }),
  autoClose: () => ({}),
  merge: () => ({ mergedInto: original.id }),
  refer: () => ({ note: '转交供电公司' }),
  reject: () => ({ note: '照片与描述不符' }),
  closeUnable: () => ({ note: '产权不明，无法处置' }),
  reopen: () => ({ note: '又贴上了' })
}

const ACT_ROWS: Row[] = TRANSITIONS.map((t) => ({
  label: `act:${t.action}`,
  transition: t.action,
  ticketState: ACT_STATE[t.action],
  payload: (ticket) => ({ id: ticket.id, transition: t.action, expectedVersion: ticket.version, ...ACT_INPUT[t.action]() }),
  expect: expectOnly(ACT_ALLOWED[t.action])
}))

const CELLS = ACT_ROWS.flatMap((row) => CALLERS.map((caller) => ({
  name: `tickets.${row.label} as ${caller}`,
  row,
  caller,
  expected: row.expect[caller]
})))

describe('the matrix covers every transition', () => {
  it('has a row for every transition, a cell for every caller', () => {
    expect('act' in ticketsActions).toBe(true)
    expect(ACT_ROWS.map((r) => r.label)).toEqual(TRANSITIONS.map((t) => `act:${t.action}`))
    expect(CELLS).toHaveLength(TRANSITIONS.length * CALLERS.length)
  })

  it('agrees with core TRANSITIONS on who may act, and starts each transition from a state it allows', () => {
    const callerOf: Record<Actor, CallerKey[]> = { reporter: ['reporter'], assignee: ['assignedGm'], admin: ['admin'], system: [] }
    for (const t of TRANSITIONS) {
      expect({ action: t.action, allowed: [...ACT_ALLOWED[t.action]].sort() })
        .toEqual({ action: t.action, allowed: t.by.flatMap((a) => callerOf[a]).sort() })
      expect(t.from).toContain(ACT_STATE[t.action])
    }
  })
})

describe('authorization matrix: every transition of tickets.act, every caller', () => {
  it.each(CELLS)('$name → $expected', async ({ row, caller, expected }) => {
    const ticket = await fresh(row.ticketState)
    const result = await callAs(app, cast.identity[caller], 'tickets', 'act', row.payload(ticket))
    expect({ cell: `${row.label}/${caller}`, outcome: outcomeOf(result) }).toEqual({ cell: `${row.label}/${caller}`, outcome: expected })
    const after = await app.store.getTicket(ticket.id)
    if (expected === 'allowed') {
      const to = transitionFor(row.transition).to
      expect((result as { data: TicketView }).data.state).toBe(to)
      expect(after).toMatchObject({ state: to, version: ticket.version + 1 })
    } else {
      // A refused step changes nothing at all.
      expect(after).toEqual(ticket)
    }
  })
})

describe('a follower may open a ticket but take no step on it', () => {
  // Following lets anyone signed in open a ticket (the public view: `openable` in tickets.ts),
  // so the workflow's own check is all that stands between a follower and every transition.
  it.each(TRANSITIONS.map((t) => ({ transition: t.action })))('a follower may not $transition', async ({ transition }) => {
    const t = await fresh(ACT_STATE[transition])
    ok(await callAs(app, cast.identity.otherCitizen, 'reports', 'follow', { id: t.id }))
    const followed = await app.store.getTicket(t.id)
    expect(outcomeOf(await callAs(app, cast.identity.otherCitizen, 'tickets', 'get', { id: t.id }))).toBe('allowed')
    const r = await callAs(app, cast.identity.otherCitizen, 'tickets', 'act', { id: t.id, transition, expectedVersion: followed!.version, ...ACT_INPUT[transition]() })
    expect(outcomeOf(r)).toBe('FORBIDDEN')
    expect(await app.store.getTicket(t.id)).toEqual(followed)
  })
})

describe('an identity forged in the request body is ignored', () => {
  const FORGED = {
    openid: 'dev-admin',
    userId: 'u-admin',
    roles: ['admin'],
    user: { id: 'u-admin', openid: 'dev-admin', roles: ['admin', 'grid_manager'] },
    identity: { kind: 'system' },
    userInfo: { openId: 'dev-admin' },
    OPENID: 'dev-admin',
    Type: 'Timer'
  }

  it('users.me still answers the citizen', async () => {
    const me = ok(await callAs(app, cast.identity.reporter, 'users', 'me', FORGED)) as { user: { id: string; roles: string[] } }
    expect(me.user).toMatchObject({ id: 'u-citizen', roles: ['citizen'] })
  })

  it('users.me from nobody is still UNAUTHENTICATED', async () => {
    expect(outcomeOf(await callAs(app, cast.identity.anonymous, 'users', 'me', FORGED))).toBe('UNAUTHENTICATED')
  })

  it.each([
    ['tickets', 'triage'], ['tickets', 'overdue'], ['tickets', 'verifyQueue'], ['tickets', 'inbox'],
    ['tickets', 'mergeCandidates'], ['tickets', 'dispatchOptions'], ['tickets', 'urge'],
    ['admin', 'grids'], ['admin', 'users'], ['admin', 'managers'], ['timer', 'sweep']
  ] as const)('a citizen claiming to be admin is refused %s.%s', async (fn, action) => {
    expect(outcomeOf(await callAs(app, cast.identity.reporter, fn, action, FORGED))).toBe('FORBIDDEN')
  })

  it.each([
    ['dispatch', 'triage'], ['reject', 'dispatched'], ['merge', 'dispatched'], ['accept', 'dispatched'], ['closeUnable', 'accepted']
  ] as const)('the reporter claiming to be admin may not %s their own ticket (and it stays as it was)', async (transition, state) => {
    const t = await fresh(state)
    const r = await callAs(app, cast.identity.reporter, 'tickets', 'act', { ...FORGED, id: t.id, transition, ...ACT_INPUT[transition]() })
    expect(outcomeOf(r)).toBe('FORBIDDEN')
    expect(await app.store.getTicket(t.id)).toEqual(t)
  })

  it('another citizen claiming to be admin may not open someone else\'s ticket', async () => {
    const t = await fresh('dispatched')
    expect(outcomeOf(await callAs(app, cast.identity.otherCitizen, 'tickets', 'get', { ...FORGED, id: t.id }))).toBe('FORBIDDEN')
  })

  it('a report filed with a forged reporter is filed as the caller', async () => {
    const r = ok(await callAs(app, cast.identity.reporter, 'reports', 'submit', {
      ...FORGED, reporterId: 'u-admin', ...REPORT, clientRequestId: 'req-matrix-forged-1', location: cast.spot
    })) as { ticket: { id: string } }
    expect(await app.store.getTicket(r.ticket.id)).toMatchObject({ reporterId: 'u-citizen' })
  })
})

/**
 * What each viewer sees of a ticket through tickets.get (core/tickets/visibility.ts): the exact point and
 * address only for the reporter, its handlers (the assignee, or any grid manager of the ticket's grid — see
 * isHandler in core/tickets/workflow.ts) and admins; the reporter's identity for the reporter, and — unless
 * the report is anonymous — handlers and admins. Followers get the public view. `gridManagerNotAssignee` is
 * 赵网格 after he handed the ticket back to triage: no longer its assignee, still the manager of its grid.
 */
type Viewer = 'reporter' | 'assignedGm' | 'admin' | 'follower' | 'gridManagerNotAssignee' | 'otherCitizen' | 'volunteer' | 'organizer' | 'otherGm' | 'anonymous'
type Seen = { location: boolean; reporter: boolean } | 'FORBIDDEN' | 'UNAUTHENTICATED'

const PRIVACY: Record<Viewer, { named: Seen; anonymous: Seen }> = {
  reporter: { named: { location: true, reporter: true }, anonymous: { location: true, reporter: true } },
  assignedGm: { named: { location: true, reporter: true }, anonymous: { location: true, reporter: false } },
  admin: { named: { location: true, reporter: true }, anonymous: { location: true, reporter: false } },
  follower: { named: { location: false, reporter: false }, anonymous: { location: false, reporter: false } },
  gridManagerNotAssignee: { named: { location: true, reporter: true }, anonymous: { location: true, reporter: false } },
  otherCitizen: { named: 'FORBIDDEN', anonymous: 'FORBIDDEN' },
  volunteer: { named: 'FORBIDDEN', anonymous: 'FORBIDDEN' },
  organizer: { named: 'FORBIDDEN', anonymous: 'FORBIDDEN' },
  otherGm: { named: 'FORBIDDEN', anonymous: 'FORBIDDEN' },
  anonymous: { named: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED' }
}

const PRIVACY_CELLS = (Object.keys(PRIVACY) as Viewer[]).flatMap((viewer) => (['named', 'anonymous'] as const).map((kind) => ({
  name: `${kind} report seen by ${viewer}`, viewer, kind, expected: PRIVACY[viewer][kind]
})))

/** A fresh ticket and the caller who views it, following it first when the viewer is a follower. */
async function viewing (viewer: Viewer, anonymous: boolean): Promise<{ ticket: Ticket; as: CallerKey }> {
  if (viewer === 'gridManagerNotAssignee') return { ticket: await fresh('triage', { anonymous }), as: 'assignedGm' }
  const ticket = await fresh('dispatched', { anonymous })
  if (viewer === 'follower') {
    ok(await callAs(app, cast.identity.otherCitizen, 'reports', 'follow', { id: ticket.id }))
    return { ticket, as: 'otherCitizen' }
  }
  return { ticket, as: viewer }
}

describe('privacy: what tickets.get shows each viewer', () => {
  it.each(PRIVACY_CELLS)('$name', async ({ viewer, kind, expected }) => {
    const { ticket, as } = await viewing(viewer, kind === 'anonymous')
    const r = await callAs(app, cast.identity[as], 'tickets', 'get', { id: ticket.id })
    if (typeof expected === 'string') {
      expect(outcomeOf(r)).toBe(expected)
      return
    }
    const seen = (ok(r) as TicketDetailView).ticket
    expect(seen.location).toEqual(expected.location ? ticket.location : null)
    expect(seen.address).toBe(expected.location ? ticket.address : '')
    expect(seen.reporterId).toBe(expected.reporter ? 'u-citizen' : null)
    expect(seen.reporterName).toBe(expected.reporter ? '张阿姨' : null)
    expect(seen).not.toHaveProperty('clientRequestId')
  })

  const HIDDEN_REPORTER = PRIVACY_CELLS.filter((c) => typeof c.expected !== 'string' && !c.expected.reporter)

  // Where the reporter is hidden, the timeline hides the id on the steps they took (core timelineFor).
  it.each(HIDDEN_REPORTER)('$name: the timeline does not reveal the reporter either', async ({ viewer, kind }) => {
    const { ticket, as } = await viewing(viewer, kind === 'anonymous')
    const detail = ok(await callAs(app, cast.identity[as], 'tickets', 'get', { id: ticket.id })) as TicketDetailView
    expect(detail.timeline.map((e) => e.actorId)).not.toContain('u-citizen')
    expect(JSON.stringify(detail)).not.toContain('"u-citizen"')
  })
})
