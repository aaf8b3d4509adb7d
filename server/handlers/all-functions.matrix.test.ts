import { FUNCTION_NAMES, type FunctionName } from '../../core/api'
import {
  accessOutcome, ACTION_TABLES, allActions, authorizationOf, CALLERS, callAs, outcomeOf, whoIs,
  type AuthOutcome, type CallerKey, type Outcome, type Who
} from '../testing/matrix'
import { openWorld, validRow, type World } from '../testing/matrix-rows'

/**
 * The authorization policy of every action of every function, one cell per action × caller (CALLERS in
 * testing/matrix.ts: callers relative to a ticket filed by 张阿姨 in 赵网格's grid). Each cell calls the action with
 * a valid payload (testing/matrix-rows.ts) and checks the answer against POLICY below. 'allowed' means
 * authorization let the call through: the answer is neither UNAUTHENTICATED nor FORBIDDEN. Such a cell must then
 * succeed, unless BUSINESS names the refusal it gets instead (a CONFLICT for a state that does not fit is a
 * business answer, not an authorization one). A refused cell changes nothing in the store.
 *
 * Every transition of tickets.act × caller, the privacy of tickets.get and forged identities are in
 * reports-tickets.matrix.test.ts.
 */

const A = 'allowed'
const U = 'UNAUTHENTICATED'
const F = 'FORBIDDEN'

interface PolicyRow {
  cells: Record<CallerKey, AuthOutcome>
  /** Why the handler refuses callers the action's `access` lets through (a handler may narrow access, never widen it). */
  narrowedBy?: string
}

const row = (...cells: AuthOutcome[]): PolicyRow => {
  if (cells.length !== CALLERS.length) throw new Error(`a policy row needs ${CALLERS.length} cells`)
  return { cells: Object.fromEntries(CALLERS.map((c, i) => [c, cells[i]])) as Record<CallerKey, AuthOutcome> }
}
const narrowed = (by: string, r: PolicyRow): PolicyRow => ({ ...r, narrowedBy: by })

/**
 * THE POLICY, reviewed by a person. Columns are CALLERS: every demo account also holds 'citizen'; the admin is
 * not a grid manager, the organizer not a volunteer.
 */
const POLICY: Record<string, PolicyRow> = {
  //                              anonymous reporter otherCitizen volunteer organizer assignedGm otherGm admin system
  'users.me': row(                U,        A,       A,           A,        A,        A,         A,      A,    U),
  'users.messages': row(          U,        A,       A,           A,        A,        A,         A,      A,    U),
  'users.readMessages': row(      U,        A,       A,           A,        A,        A,         A,      A,    U),

  'reports.categories': row(      A,        A,       A,           A,        A,        A,         A,      A,    A),
  'reports.gridMap': row(         A,        A,       A,           A,        A,        A,         A,      A,    A),
  'reports.locate': row(          U,        A,       A,           A,        A,        A,         A,      A,    U),
  'reports.submit': row(          U,        A,       A,           A,        A,        A,         A,      A,    U),
  'reports.mine': row(            U,        A,       A,           A,        A,        A,         A,      A,    U),
  'reports.nearby': row(          U,        A,       A,           A,        A,        A,         A,      A,    U),
  'reports.follow': row(          U,        A,       A,           A,        A,        A,         A,      A,    U),
  'reports.followed': row(        U,        A,       A,           A,        A,        A,         A,      A,    U),
  // WeChat's media-check push: the platform only, never a person signed in or not.
  'reports.photoReviewed': row(   F,        F,       F,           F,        F,        F,         F,      F,    A),

  'tickets.inbox': row(           U,        F,       F,           F,        F,        A,         A,      F,    U),
  'tickets.triage': row(          U,        F,       F,           F,        F,        F,         F,      A,    U),
  'tickets.overdue': row(         U,        F,       F,           F,        F,        F,         F,      A,    U),
  'tickets.verifyQueue': row(     U,        F,       F,           F,        F,        F,         F,      A,    U),
  'tickets.get': narrowed('canOpenTicket: its reporter, the manager of its grid and admins (and its followers)',
    row(                          U,        A,       F,           F,        F,        A,         F,      A,    U)),
  // Payload: accept a dispatched ticket (every transition is in reports-tickets.matrix.test.ts).
  'tickets.act': narrowed('canOpenTicket, then core decide(): accept is the assignee\'s or an admin\'s',
    row(                          U,        F,       F,           F,        F,        A,         F,      A,    U)),
  // The office's pickers and 督办.
  'tickets.mergeCandidates': row( U,        F,       F,           F,        F,        F,         F,      A,    U),
  'tickets.dispatchOptions': row( U,        F,       F,           F,        F,        F,         F,      A,    U),
  'tickets.urge': row(            U,        F,       F,           F,        F,        F,         F,      A,    U),
  'tickets.defer': row(           U,        F,       F,           F,        F,        F,         F,      A,    U),
  // Moderation: the office's alone (the reporter may not hide their own report either).
  'tickets.hide': row(            U,        F,       F,           F,        F,        F,         F,      A,    U),
  'tickets.unhide': row(          U,        F,       F,           F,        F,        F,         F,      A,    U),
  'tickets.redactPhoto': row(     U,        F,       F,           F,        F,        F,         F,      A,    U),

  'volunteer.events': row(        U,        A,       A,           A,        A,        A,         A,      A,    U),
  'volunteer.event': row(         U,        A,       A,           A,        A,        A,         A,      A,    U),
  'volunteer.signup': row(        U,        F,       F,           A,        F,        F,         F,      F,    U),
  'volunteer.cancel': row(        U,        F,       F,           A,        F,        F,         F,      F,    U),
  'volunteer.acceptOffer': row(   U,        F,       F,           A,        F,        F,         F,      F,    U),
  // Anyone signed in may register as a volunteer and see their own record (empty until they do).
  'volunteer.register': row(      U,        A,       A,           A,        A,        A,         A,      A,    U),
  'volunteer.mine': row(          U,        A,       A,           A,        A,        A,         A,      A,    U),
  'volunteer.mySignups': row(     U,        A,       A,           A,        A,        A,         A,      A,    U),
  'volunteer.checkIn': row(       U,        F,       F,           A,        F,        F,         F,      F,    U),
  'volunteer.checkOut': row(      U,        F,       F,           A,        F,        F,         F,      F,    U),
  'volunteer.appeal': row(        U,        F,       F,           A,        F,        F,         F,      F,    U),
  'volunteer.requestCertificate': row(U,    F,       F,           A,        F,        F,         F,      F,    U),
  // One's own certificate (someone else's is not found for them; the office sees any).
  'volunteer.certificate': row(   U,        A,       A,           A,        A,        A,         A,      A,    U),
  // Anyone holding a certificate's number and check code: a public page, no account needed.
  'volunteer.verifyCertificate': row(A,     A,       A,           A,        A,        A,         A,      A,    A),
  // The organiser's side: their own events (another organiser's answer NOT_FOUND), the office all.
  'volunteer.myEvents': row(      U,        F,       F,           F,        A,        F,         F,      A,    U),
  'volunteer.saveEvent': row(     U,        F,       F,           F,        A,        F,         F,      A,    U),
  'volunteer.publishEvent': row(  U,        F,       F,           F,        A,        F,         F,      A,    U),
  'volunteer.cancelEvent': row(   U,        F,       F,           F,        A,        F,         F,      A,    U),
  'volunteer.roster': row(        U,        F,       F,           F,        A,        F,         F,      A,    U),
  'volunteer.checkinCode': row(   U,        F,       F,           F,        A,        F,         F,      A,    U),
  'volunteer.markAttendance': row(U,        F,       F,           F,        A,        F,         F,      A,    U),
  'volunteer.confirmHours': row(  U,        F,       F,           F,        A,        F,         F,      A,    U),
  'volunteer.recordServed': row(  U,        F,       F,           F,        A,        F,         F,      A,    U),
  'volunteer.exportRoster': row(  U,        F,       F,           F,        A,        F,         F,      A,    U),
  'volunteer.orgReport': row(     U,        F,       F,           F,        A,        F,         F,      A,    U),

  'surveys.list': row(            U,        A,       A,           A,        A,        A,         A,      A,    U),
  'surveys.get': row(             U,        A,       A,           A,        A,        A,         A,      A,    U),
  'surveys.answer': row(          U,        A,       A,           A,        A,        A,         A,      A,    U),
  'surveys.result': row(          U,        A,       A,           A,        A,        A,         A,      A,    U),
  // The office writes, publishes and reads the surveys.
  'surveys.templates': row(       U,        F,       F,           F,        F,        F,         F,      A,    U),
  'surveys.adminList': row(       U,        F,       F,           F,        F,        F,         F,      A,    U),
  'surveys.adminGet': row(        U,        F,       F,           F,        F,        F,         F,      A,    U),
  'surveys.fromTemplate': row(    U,        F,       F,           F,        F,        F,         F,      A,    U),
  'surveys.save': row(            U,        F,       F,           F,        F,        F,         F,      A,    U),
  'surveys.publish': row(         U,        F,       F,           F,        F,        F,         F,      A,    U),
  'surveys.close': row(           U,        F,       F,           F,        F,        F,         F,      A,    U),
  'surveys.duplicate': row(       U,        F,       F,           F,        F,        F,         F,      A,    U),
  'surveys.results': row(         U,        F,       F,           F,        F,        F,         F,      A,    U),
  'surveys.export': row(          U,        F,       F,           F,        F,        F,         F,      A,    U),

  // The city's indicators are public, the scheduler included.
  'stats.headline': row(          A,        A,       A,           A,        A,        A,         A,      A,    A),
  // The dashboard's reads and the export: the office's.
  'stats.table': row(             U,        F,       F,           F,        F,        F,         F,      A,    U),
  'stats.trend': row(             U,        F,       F,           F,        F,        F,         F,      A,    U),
  'stats.export': row(            U,        F,       F,           F,        F,        F,         F,      A,    U),
  'stats.reconcile': row(         U,        F,       F,           F,        F,        F,         F,      A,    U),

  'admin.grids': row(             U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.users': row(             U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.managers': row(          U,        F,       F,           F,        F,        F,         F,      A,    U),
  // Open311 keys of partner systems: the office alone issues, lists and revokes them.
  'admin.open311Keys': row(       U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.createOpen311Key': row(  U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.revokeOpen311Key': row(  U,        F,       F,           F,        F,        F,         F,      A,    U),
  // People, roles, the audit list and report bans: the office alone.
  'admin.findUsers': row(         U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.grantRole': row(         U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.revokeRole': row(        U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.audit': row(             U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.banReporter': row(       U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.unban': row(             U,        F,       F,           F,        F,        F,         F,      A,    U),
  // The taxonomy and the settings: the office alone reads the whole of them and changes them.
  'admin.categories': row(        U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.saveCategory': row(      U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.settings': row(          U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.saveSettings': row(      U,        F,       F,           F,        F,        F,         F,      A,    U),
  // The grid map: checking a file, importing it, the versions, restoring one, editing a grid — the office alone
  // (a grid manager may not draw or staff their own grids).
  'admin.previewGrids': row(      U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.importGrids': row(       U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.gridVersions': row(      U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.restoreGrids': row(      U,        F,       F,           F,        F,        F,         F,      A,    U),
  'admin.saveGrid': row(          U,        F,       F,           F,        F,        F,         F,      A,    U),

  // Scan to sign in: the desk is nobody until it is signed in, so its two actions are public (a random secret and
  // rate limits guard them); confirming, looking at a request and the sessions are the signed-in person's, anyone's.
  'auth.request': row(            A,        A,       A,           A,        A,        A,         A,      A,    A),
  'auth.poll': row(               A,        A,       A,           A,        A,        A,         A,      A,    A),
  'auth.describe': row(           U,        A,       A,           A,        A,        A,         A,      A,    U),
  'auth.confirm': row(            U,        A,       A,           A,        A,        A,         A,      A,    U),
  'auth.cancel': row(             U,        A,       A,           A,        A,        A,         A,      A,    U),
  'auth.sessions': row(           U,        A,       A,           A,        A,        A,         A,      A,    U),
  'auth.endSession': row(         U,        A,       A,           A,        A,        A,         A,      A,    U),
  'auth.signOut': row(            U,        A,       A,           A,        A,        A,         A,      A,    U),

  'timer.sweep': row(             F,        F,       F,           F,        F,        F,         F,      F,    A)
}

/** Cells authorization lets through that still do not succeed, and the business answer they get instead. */
const BUSINESS: Record<string, Partial<Record<CallerKey, Outcome>>> = {
  // A reporter cannot follow their own report (they hear of it anyway).
  'reports.follow': { reporter: 'CONFLICT' }
}

const describePolicy = (key: string): string => {
  const cells = POLICY[key].cells
  const allowed = CALLERS.filter((c) => cells[c] === A)
  if (allowed.length === CALLERS.length) return 'allowed for everyone'
  if (allowed.length === 0) return 'allowed for nobody'
  return `allowed for ${allowed.join(', ')} only`
}

const exactOutcome = (key: string, caller: CallerKey): Outcome => {
  const auth = POLICY[key].cells[caller]
  return auth === A ? BUSINESS[key]?.[caller] ?? A : auth
}

describe('the policy covers every action, and agrees with the access each action declares', () => {
  const served = allActions().map((a) => a.key)
  let w: World
  let who: Record<CallerKey, Who>
  beforeAll(async () => {
    w = await openWorld('all-matrix-policy')
    who = await whoIs(w.app, w.cast)
  })
  afterAll(() => w.app.close())

  it('the action tables are the functions of the API contract', () => {
    expect(Object.keys(ACTION_TABLES).sort()).toEqual([...FUNCTION_NAMES].sort())
    expect(served.length).toBeGreaterThan(FUNCTION_NAMES.length)
  })

  it('every action in an action table has a policy row and a valid payload', () => {
    expect(served.filter((k) => !(k in POLICY))).toEqual([])
    expect(allActions().filter((a) => !validRow(a.fn, a.action)).map((a) => a.key)).toEqual([])
  })

  it('every policy row and business answer names an action that exists', () => {
    expect(Object.keys(POLICY).filter((k) => !served.includes(k))).toEqual([])
    expect(Object.keys(BUSINESS).filter((k) => !served.includes(k))).toEqual([])
  })

  it('a business answer is never an authorization refusal, and only where authorization allows', () => {
    for (const [key, byCaller] of Object.entries(BUSINESS)) {
      for (const [caller, code] of Object.entries(byCaller) as Array<[CallerKey, Outcome]>) {
        expect({ key, caller, code, auth: authorizationOf(code) }).toEqual({ key, caller, code, auth: A })
        expect({ key, caller, policy: POLICY[key].cells[caller] }).toEqual({ key, caller, policy: A })
      }
    }
  })

  it('every valid payload passes its action\'s own input schema', async () => {
    for (const a of allActions()) {
      for (const caller of CALLERS) {
        const { payload } = await validRow(a.fn, a.action)!.given(w, caller)
        const parsed = a.def.input.safeParse(payload)
        expect({ cell: `${a.key}/${caller}`, issues: parsed.success ? [] : parsed.error.issues }).toEqual({ cell: `${a.key}/${caller}`, issues: [] })
      }
    }
  })

  it.each(allActions().map((a) => ({ key: a.key, def: a.def })))('$key: the policy is what its access lets through, narrowed only where said', ({ key, def }) => {
    const policy = POLICY[key]
    const derived = Object.fromEntries(CALLERS.map((c) => [c, accessOutcome(def.access, who[c])])) as Record<CallerKey, AuthOutcome>
    // Where the handler narrows, the policy may refuse with FORBIDDEN a caller access lets through; nothing else.
    const narrowedCells = CALLERS.filter((c) => derived[c] === A && policy.cells[c] === F)
    const expected = Object.fromEntries(CALLERS.map((c) => [c, policy.narrowedBy && narrowedCells.includes(c) ? A : policy.cells[c]]))
    expect({ key, access: derived }).toEqual({ key, access: expected })
    // A `narrowedBy` note that narrows nothing has gone stale.
    expect({ key, narrows: narrowedCells.length > 0 }).toEqual({ key, narrows: policy.narrowedBy !== undefined })
  })
})

interface Cell { name: string; fn: FunctionName; action: string; key: string; caller: CallerKey; expected: Outcome }

const FUNCTIONS_WITH_CELLS: Array<{ fn: FunctionName; cells: Cell[] }> = FUNCTION_NAMES.map((fn) => ({
  fn,
  cells: Object.keys(ACTION_TABLES[fn]).filter((action) => `${fn}.${action}` in POLICY).flatMap((action) => CALLERS.map((caller) => {
    const key = `${fn}.${action}`
    return { name: `${key} as ${caller} → ${exactOutcome(key, caller)}`, fn, action, key, caller, expected: exactOutcome(key, caller) }
  }))
}))

/** One seeded city per function: its cells touch only their own fresh tickets, request ids and seats. */
describe.each(FUNCTIONS_WITH_CELLS)('authorization matrix: $fn, every action × every caller', ({ fn, cells }) => {
  let w: World
  beforeAll(async () => { w = await openWorld(`all-matrix-${fn}`) })
  afterAll(() => w.app.close())

  it.each(cells)('$name', async ({ fn, action, key, caller, expected }) => {
    const valid = validRow(fn, action)!
    const given = await valid.given(w, caller)
    const refused = authorizationOf(expected) !== A
    const before = refused ? await w.snapshot() : null
    const result = await callAs(w.app, w.cast.identity[caller], fn, action, given.payload)
    const cell = `${key}/${caller} (${describePolicy(key)})`
    expect({ cell, outcome: outcomeOf(result) }).toEqual({ cell, outcome: expected })
    if (refused) expect(await w.snapshot()).toEqual(before)
    else await valid.allowed?.(w, given, result)
  })
})
