import type { FunctionName } from '../../core/api'
import type { Ticket } from '../../core/types'
import type { Identity } from '../deps'
import { readAll } from '../paging'
import { ok, openTestApp, type TestApp } from './app'
import { callAs, demoCast, outcomeOf, ticketFactory, type Cast, type Outcome } from './matrix'
import { rateLimitCounterKeys, snapshotStore, type StoreSnapshot } from './snapshot'

/**
 * Every action of every function but timer, fed malformed payloads: the answer is refused with VALIDATION
 * (or NOT_FOUND for a well-formed id that names nothing) and the whole store reads the same before and after
 * (snapshot.ts, plus the report rate-limit counters of every user). A few cases are well-formed
 * but pointless or foreign; they say what happens instead (ignored junk → allowed, a foreign ticket → FORBIDDEN …)
 * and still change nothing.
 *
 * This module is the harness: the seeded world every case runs in, the case shape and `run`. The tables are in
 * bad-input-cases.ts, the test blocks in server/handlers/all-actions.bad-input.test.ts.
 */

export let app: TestApp
export let cast: Cast
/** Tickets in known states, filed by 张阿姨 in 赵网格's grid. */
export const t = {} as { dispatched: Ticket; triage: Ticket; accepted: Ticket; foreign: Ticket }
/** A message of 赵网格 (unread) that 张阿姨 must not be able to mark read. */
export let gridMessageId: string

/** Seed the world once per test file (call at the top level of the test file). */
export function useBadInputWorld (): void {
  beforeAll(async () => {
    app = await openTestApp()
    cast = await demoCast(app)
    const fresh = ticketFactory(app, cast, 'bad-input')
    t.dispatched = await fresh('dispatched')
    t.triage = await fresh('triage')
    t.accepted = await fresh('accepted')
    // Followers and messages exist, so a stray write to them would show in the snapshot.
    ok(await callAs(app, cast.identity.volunteer, 'reports', 'follow', { id: t.accepted.id }))
    ok(await callAs(app, cast.identity.volunteer, 'reports', 'follow', { id: t.dispatched.id }))
    ok(await callAs(app, cast.identity.assignedGm, 'tickets', 'act', { id: t.dispatched.id, transition: 'accept' }))
    ok(await callAs(app, cast.identity.assignedGm, 'tickets', 'act', { id: t.dispatched.id, transition: 'handBack', note: '属于物业' }))
    ok(await callAs(app, cast.identity.admin, 'tickets', 'act', { id: t.dispatched.id, transition: 'dispatch', gridId: cast.grid.id }))
    t.dispatched = (await app.store.getTicket(t.dispatched.id))!
    const seeded = await readAll((q) => app.store.listTickets(q))
    t.foreign = seeded.find((x) => x.reporterId !== 'u-citizen' && x.assigneeId !== 'u-citizen')!
    const gridMessages = await app.store.listMessages({ userId: 'u-grid' })
    const unreadOne = gridMessages.items.find((m) => !m.read)
    if (!unreadOne) throw new Error('expected an unread message of u-grid')
    gridMessageId = unreadOne.id
    expect(await app.store.countUnreadMessages('u-citizen')).toBeGreaterThan(0)
    // A volunteer who has not registered (no profile): a certificate request answers what to do first.
    await app.store.putUser({ id: 'u-bad-unregistered', openid: 'bad-unregistered', nickname: '未注册志愿者', roles: ['citizen', 'volunteer'], gridIds: [], createdAt: app.clock.now() })
  })
  afterAll(() => app.close())
}

export const snapshot = (): Promise<StoreSnapshot> => snapshotStore(app.store, { counterKeys: rateLimitCounterKeys(app.clock.now()) })

export interface Case {
  name: string
  fn: Exclude<FunctionName, 'timer'>
  action: string
  payload: () => Record<string, unknown>
  expected: Outcome
  /** Caller override (default: an account allowed to call the action, see DEFAULT_CALLER). */
  as?: () => Identity
  /** Extra check on the data of an allowed call. */
  check?: (data: unknown) => void
}

const DEFAULT_CALLER: Record<string, () => Identity> = {
  users: () => cast.identity.reporter,
  reports: () => cast.identity.reporter,
  'tickets.inbox': () => cast.identity.assignedGm,
  tickets: () => cast.identity.admin,
  volunteer: () => cast.identity.volunteer,
  ...Object.fromEntries(['myEvents', 'saveEvent', 'publishEvent', 'cancelEvent', 'roster', 'checkinCode', 'markAttendance', 'confirmHours', 'recordServed', 'exportRoster', 'orgReport']
    .map((a) => [`volunteer.${a}`, () => cast.identity.organizer])),
  'volunteer.verifyCertificate': () => cast.identity.anonymous,
  ...Object.fromEntries(['reconcile', 'table', 'trend', 'export'].map((a) => [`stats.${a}`, () => cast.identity.admin])),
  ...Object.fromEntries(['templates', 'adminList', 'adminGet', 'fromTemplate', 'save', 'publish', 'close', 'duplicate', 'results', 'export']
    .map((a) => [`surveys.${a}`, () => cast.identity.admin])),
  surveys: () => cast.identity.reporter,
  stats: () => cast.identity.anonymous,
  admin: () => cast.identity.admin,
  'auth.request': () => cast.identity.anonymous,
  'auth.poll': () => cast.identity.anonymous,
  auth: () => cast.identity.reporter
}
export const callerOf = (c: Case): Identity => (c.as ?? DEFAULT_CALLER[`${c.fn}.${c.action}`] ?? DEFAULT_CALLER[c.fn])()

export const HUGE = 'x'.repeat(10_000)
export const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64url')
export const V: Outcome = 'VALIDATION'

/** One case: answer as expected, and the store reads exactly the same afterwards. */
export async function run (c: Case): Promise<void> {
  const before = await snapshot()
  // The router logs errors it did not expect; none of these inputs should be one.
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  let result
  try {
    result = await callAs(app, callerOf(c), c.fn, c.action, c.payload())
  } finally {
    logged.mockRestore()
  }
  const after = await snapshot()
  expect({ case: c.name, outcome: outcomeOf(result) }).toEqual({ case: c.name, outcome: c.expected })
  if (result.ok) c.check?.(result.data)
  else expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/)
  expect(logged).not.toHaveBeenCalled()
  expect(after).toEqual(before)
}
