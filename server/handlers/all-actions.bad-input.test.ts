import { ok } from '../testing/app'
import { app, cast, gridMessageId, HUGE, run, snapshot, t, useBadInputWorld } from '../testing/bad-input'
import { CASES, validReport } from '../testing/bad-input-cases'
import { callAs, outcomeOf } from '../testing/matrix'
import { rateLimitCounterKeys } from '../testing/snapshot'
import { adminActions } from './admin'
import { authActions } from './auth'
import { reportsActions } from './reports'
import { statsActions } from './stats'
import { surveysActions } from './surveys'
import { ticketsActions } from './tickets'
import { usersActions } from './users'
import { volunteerActions } from './volunteer'

/** Bad input to every action changes nothing: harness in server/testing/bad-input.ts, cases in bad-input-cases.ts. */

useBadInputWorld()

describe('bad input to every action changes nothing', () => {
  it('covers every action of every function but timer', () => {
    const tables = { users: usersActions, reports: reportsActions, tickets: ticketsActions, volunteer: volunteerActions, surveys: surveysActions, stats: statsActions, admin: adminActions, auth: authActions }
    const all = Object.entries(tables).flatMap(([fn, table]) => Object.keys(table).map((a) => `${fn}.${a}`)).sort()
    expect([...new Set(CASES.map((c) => `${c.fn}.${c.action}`))].sort()).toEqual(all)
  })

  it('the snapshot sees the entities a stray write would touch', async () => {
    const s = await snapshot()
    expect(s.tickets.find((x) => x.ticket.id === t.dispatched.id)?.followers).toEqual(['u-volunteer'])
    expect(s.messages['u-grid'].items.find((m) => m.id === gridMessageId)?.read).toBe(false)
    expect(s.counters).toMatchObject({ [rateLimitCounterKeys(app.clock.now())(['u-citizen'])[1]]: 3 })
    expect(s.responses.length).toBeGreaterThan(0)
    expect(s.events.length).toBeGreaterThan(0)
  })

  it.each(CASES)('$name → $expected', run)

})

describe('bad envelopes to every function change nothing', () => {
  const FNS = ['users', 'reports', 'tickets', 'volunteer', 'surveys', 'stats', 'admin', 'auth'] as const
  const ENVELOPES: Array<[string, unknown]> = [
    ['null', null],
    ['an array', [{ action: 'me' }]],
    ['a string', 'me'],
    ['no action', { id: 'x' }],
    ['action a number', { action: 1 }],
    ['action __proto__', { action: '__proto__' }],
    ['action constructor', { action: 'constructor' }],
    ['action toString', { action: 'toString' }],
    ['action of 10,000 chars', { action: HUGE }]
  ]
  const cells = FNS.flatMap((fn) => ENVELOPES.map(([name, event]) => ({ name: `${fn}: ${name}`, fn, event })))

  it.each(cells)('$name → UNKNOWN_ACTION', async ({ fn, event }) => {
    const before = await snapshot()
    const r = await app.routers[fn](event, cast.identity.admin)
    expect(outcomeOf(r)).toBe('UNKNOWN_ACTION')
    expect(await snapshot()).toEqual(before)
  })
})

describe('the snapshot notices writes (positive controls, run last)', () => {
  it('a valid report shows as a new ticket and a higher rate-limit count', async () => {
    const before = await snapshot()
    ok(await callAs(app, cast.identity.reporter, 'reports', 'submit', validReport()))
    const after = await snapshot()
    expect(after.tickets).toHaveLength(before.tickets.length + 1)
    const [hourKey] = rateLimitCounterKeys(app.clock.now())(['u-citizen'])
    expect(after.counters[hourKey]).toBe(before.counters[hourKey] + 1)
  })

  it('marking a message read shows in messages', async () => {
    const before = await snapshot()
    ok(await callAs(app, cast.identity.assignedGm, 'users', 'readMessages', { ids: [gridMessageId] }))
    expect(await snapshot()).not.toEqual(before)
  })
})
