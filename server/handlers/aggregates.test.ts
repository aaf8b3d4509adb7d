import { surveyIndicators } from '../../core/indicators/survey'
import { mulberry32 } from '../../core/prng'
import { stateKind, TRANSITIONS } from '../../core/tickets/workflow'
import { newSignup } from '../../core/volunteer/seats'
import type { SurveyResponse, Ticket, User } from '../../core/types'
import { readAll } from '../paging'
import { ok, openTestApp, type TestApp } from '../testing/app'

/**
 * The aggregates equal a full recount after a randomized mix of every kind of write, through the real handlers and
 * the SQLite store: answers (first, repeated, retried with their key, refused by a full quota, staff tests), reports
 * filed and moved through every transition the workflow allows (dispatch, accept, resolve, verify, send back, rate,
 * reopen, close, merge …), 缓办, the timer's overdue marks and auto-closes, signups, cancellations, check-ins and
 * volunteer registrations.
 */

describe('survey aggregates against a recount', () => {
  let app: TestApp
  beforeEach(async () => { app = await openTestApp() })
  afterEach(async () => { await app.close() })

  it('after 400 random writes the headline equals a recount for the city and for a grid, and reconcile finds no drift', async () => {
    const rng = mulberry32(20261201)
    const pickIndex = (n: number) => Math.floor(rng() * n)
    const grids = (await app.store.listGrids({ limit: 100 })).items
    const people: User[] = Array.from({ length: 60 }, (_, i) => ({
      id: `u-agg-${i}`, openid: `agg-${i}`, nickname: `居民${i}`, roles: ['citizen'], gridIds: [], homeGridId: grids[i % 7].id, createdAt: app.clock.now()
    }))
    for (const p of people) await app.store.putUser(p)
    const admin = app.as('dev-admin')
    const sat = ok(await admin('surveys', 'fromTemplate', { template: 'satisfaction' }))
    const mock = ok(await admin('surveys', 'fromTemplate', { template: 'mock' }))
    // A quota on the mock survey's first district, so some answers are refused when its cell fills.
    ok(await admin('surveys', 'save', { ...mock, id: mock.id, quotas: [{ areaCode: grids[0].code.slice(0, 6), ageBand: '30-44', limit: 5 }] }))
    for (const s of [sat, mock]) ok(await admin('surveys', 'publish', { id: s.id }))
    const events = (await app.store.listEvents({ fromIso: app.clock.now(), limit: 5 })).items

    const bands = ['18-29', '30-44', '45-59', '60-65'] as const
    const answerOf = (survey: typeof sat) => Object.fromEntries(survey.questions.filter((q) => q.type !== 'text').map((q) => [q.id, [pickIndex(q.options.length)]]))
    for (let step = 0; step < 400; step++) {
      const p = people[pickIndex(people.length)]
      const as = app.as(p.openid)
      const kind = pickIndex(6)
      if (kind <= 2) {
        const survey = rng() < 0.5 ? sat : mock
        await as('surveys', 'answer', { surveyId: survey.id, answers: answerOf(survey), clientKey: `k-${p.id}-${survey.id}`, ageBand: bands[pickIndex(4)] })
      } else if (kind === 3) {
        await admin('surveys', 'answer', { surveyId: sat.id, answers: answerOf(sat) }) // staff test: never counted
        await as('reports', 'submit', { clientRequestId: `agg-${step}-xxxx`, categoryId: 'cat-E02-01', description: '路边有垃圾', location: { lng: 113.0 + rng() * 0.05, lat: 28.12 + rng() * 0.06 } })
      } else if (kind === 4) {
        await app.store.takeSeat(newSignup(events[pickIndex(events.length)].id, p.id, app.clock.now()))
      } else if (kind === 5 && rng() < 0.5) {
        await as('volunteer', 'register', { realName: `志愿者${p.id.slice(-2)}`, phone: `138${String(10_000_000 + pickIndex(89_999_999)).padStart(8, '0')}`, community: '桂花井社区', homeGridId: p.homeGridId, skills: [] })
      } else {
        const e = events[pickIndex(events.length)]
        await app.store.cancelSignup(e.id, p.id, { now: app.clock.now(), offerUntil: null }, () => ({ id: 'm', userId: p.id, ticketId: null, title: '', body: '', read: false, at: app.clock.now() }))
      }
      // Move a few tickets on by any transition someone may take now; refusals change nothing, as they must.
      for (let k = 0; k < 3; k++) await moveSomeTicket(app, pickIndex, grids[0].id)
      // A late content-safety verdict on a held after-photo: it settles the photo and moves no indicator.
      if (step % 25 === 0) {
        const [review] = await app.store.getPhotoReviews(['f-after'])
        if (review?.status === 'pending') await app.system('reports', 'photoReviewed', { traceId: review.traceId, verdict: rng() < 0.5 ? 'pass' : 'reject' })
      }
      if (step % 40 === 0) await admin('tickets', 'defer', { id: (await someOpenTicket(app, pickIndex))?.id ?? 'none', until: new Date(Date.parse(app.clock.now()) + 9 * 86_400_000).toISOString(), reason: '等待统一采购' })
      if (step % 50 === 0) { app.clock.advanceHours(31); ok(await app.system('timer', 'sweep', {})) }
    }

    const all: SurveyResponse[] = await readAll((p) => app.store.listResponses(p))
    const seeded = (await app.store.getSurvey('sv-2026-civility'))!
    // Question ids repeat across surveys: key them by survey, as the three surveys pool into one rate.
    const questions = [sat, mock, seeded].flatMap((s) => s.questions.map((q) => ({ ...q, id: `${s.id}/${q.id}` })))
    const recount = (rs: readonly SurveyResponse[]) =>
      surveyIndicators(questions, rs.map((r) => ({ ...r, answers: Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [`${r.surveyId}/${k}`, v])) })))
    const city = ok(await app.anonymous('stats', 'headline', {}))
    const cityRecount = recount(all)
    for (const k of ['awareness', 'support', 'satisfaction'] as const) {
      expect({ k, n: city[k].denominator }).toEqual({ k, n: cityRecount[k].denominator })
      expect(city[k].value).toBeCloseTo(cityRecount[k].value!, 12)
    }
    const g = grids[0]
    const grid = ok(await app.anonymous('stats', 'headline', { gridId: g.id }))
    const gridRecount = recount(all.filter((r) => r.gridId === g.id))
    for (const k of ['awareness', 'support', 'satisfaction'] as const) {
      expect({ k, n: grid[k].denominator }).toEqual({ k, n: gridRecount[k].denominator })
      if (gridRecount[k].value !== null) expect(grid[k].value).toBeCloseTo(gridRecount[k].value!, 12)
    }
    expect(all.some((r) => r.test)).toBe(true)

    // Ticket indicators against the raw tickets, counted here by hand (due: closed, or marked overdue by the timer).
    const tickets: Ticket[] = await readAll((p) => app.store.listTickets(p))
    const closed = tickets.filter((t) => stateKind(t.state) !== 'open')
    const due = tickets.filter((t) => stateKind(t.state) !== 'open' || t.overdue)
    expect(new Set(tickets.map((t) => t.state)).size).toBeGreaterThan(4)
    expect(city.closeRate).toMatchObject({ numerator: closed.length, denominator: due.length })
    expect(city.reworkRate.numerator).toBe(tickets.filter((t) => t.reworkCount > 0).length)
    expect(city.openTickets).toBe(tickets.length - closed.length)
    expect(city.overdueTickets).toBe(tickets.filter((t) => stateKind(t.state) === 'open' && t.overdue).length)
    expect(city.deferredTickets).toBe(tickets.filter((t) => t.deferral).length)
    expect(city.hoursToClose.n).toBe(closed.filter((t) => t.closedAt).length)

    // Every aggregate (survey, ticket, 参与率's people, volunteers) equals a full recount from the raw rows.
    expect(ok(await admin('stats', 'reconcile', {}))).toMatchObject({ drifted: 0, repaired: false })
  }, 120_000)

  it('a cell that drifted is reported and repaired from the raw responses', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const before = ok(await app.anonymous('stats', 'headline', {}))
      const [cell] = (await app.store.listAggregates({ metric: 'awareness', limit: 1 })).items
      await app.store.replaceAggregates(['awareness'], [{ ...cell, n: cell.n + 5 }])
      const fixed = ok(await app.as('dev-admin')('stats', 'reconcile', {}))
      expect(fixed.drifted).toBeGreaterThan(0)
      expect(fixed.repaired).toBe(true)
      expect(ok(await app.as('dev-admin')('stats', 'reconcile', {})).drifted).toBe(0)
      expect(ok(await app.anonymous('stats', 'headline', {})).awareness).toEqual(before.awareness)
      expect(logged).toHaveBeenCalled()
    } finally {
      logged.mockRestore()
    }
  })
})

const ACTIONS = TRANSITIONS.map((t) => t.action)

async function someOpenTicket (app: TestApp, pickIndex: (n: number) => number): Promise<Ticket | null> {
  const open = (await app.store.listTickets({ limit: 200 })).items.filter((t) => stateKind(t.state) === 'open')
  return open.length > 0 ? open[pickIndex(open.length)] : null
}

/** One random transition on one random ticket, tried as the office, the handler and the reporter. */
async function moveSomeTicket (app: TestApp, pickIndex: (n: number) => number, someGridId: string): Promise<void> {
  const list = (await app.store.listTickets({ limit: 200 })).items
  if (list.length === 0) return
  const t = list[pickIndex(list.length)]
  const transition = ACTIONS[pickIndex(ACTIONS.length)]
  const other = list.find((x) => x.id !== t.id && stateKind(x.state) === 'open' && !x.mergedInto)
  const payload = {
    id: t.id, transition, note: '现场已处理', afterPhotos: ['f-after'], gridId: t.gridId ?? someGridId,
    rating: (['satisfied', 'basic', 'unsatisfied'] as const)[pickIndex(3)], mergedInto: other?.id
  }
  const actors = ['dev-admin', 'dev-grid']
  const reporter = await app.store.getUser(t.reporterId)
  if (reporter) actors.push(reporter.openid)
  if (t.assigneeId) { const a = await app.store.getUser(t.assigneeId); if (a) actors.push(a.openid) }
  for (const who of actors) {
    const r = await app.as(who)('tickets', 'act', payload)
    if (r.ok) return
  }
}
