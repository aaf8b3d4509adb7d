import { ok, openTestApp, type TestApp } from '../testing/app'

let app: TestApp
beforeAll(async () => { app = await openTestApp() })
afterAll(() => app.close())

describe('volunteer signup', () => {
  it('takes a seat for a volunteer, refuses a second signup, and forbids non-volunteers', async () => {
    const events = ok(await app.as('dev-volunteer')('volunteer', 'events', {}))
    const e = events.items.find((x) => x.capacity - x.taken >= 1)!
    const first = ok(await app.as('dev-volunteer')('volunteer', 'signup', { eventId: e.id }))
    expect(first.outcome).toBe('confirmed')
    const second = ok(await app.as('dev-volunteer')('volunteer', 'signup', { eventId: e.id }))
    expect(second.outcome).toBe('duplicate')
    expect((await app.store.getEvent(e.id))!.taken).toBe(e.taken + 1)
    expect(await app.as('dev-citizen')('volunteer', 'signup', { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const listed = ok(await app.as('dev-volunteer')('volunteer', 'events', {})).items.find((x) => x.id === e.id)!
    expect(listed.mySignup?.status).toBe('confirmed')
  })
})

describe('surveys', () => {
  it('takes one response per person and refuses answers that do not fit the questions', async () => {
    const list = ok(await app.as('wx-first-time-respondent')('surveys', 'list', {}))
    const survey = ok(await app.as('wx-first-time-respondent')('surveys', 'get', { id: list.items[0].id }))
    expect(survey.answered).toBe(false)
    const answers = Object.fromEntries(survey.questions.filter((q) => q.type !== 'text').map((q) => [q.id, [0]]))
    const bad = await app.as('wx-first-time-respondent')('surveys', 'answer', { surveyId: survey.id, answers: { ...answers, [survey.questions[0].id]: [99] } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(ok(await app.as('wx-first-time-respondent')('surveys', 'answer', { surveyId: survey.id, answers }))).toMatchObject({ accepted: true, again: false })
    expect(await app.as('wx-first-time-respondent')('surveys', 'answer', { surveyId: survey.id, answers })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(ok(await app.as('wx-first-time-respondent')('surveys', 'get', { id: survey.id })).answered).toBe(true)
  })
})

describe('headline indicators', () => {
  it('computes every rate from the seeded city with its sample size', async () => {
    const h = ok(await app.anonymous('stats', 'headline', {}))
    for (const r of [h.awareness, h.support, h.satisfaction, h.closeRate, h.onTimeCloseRate]) {
      expect(r.denominator).toBeGreaterThan(0)
      expect(r.value).toBeCloseTo(r.numerator / r.denominator, 10)
    }
    expect(h.awareness.ci95!.low).toBeLessThan(h.awareness.value!)
    expect(h.participation.denominator).toBeGreaterThan(100_000)
    expect(h.openTickets).toBeGreaterThan(0)
  })

  it('scopes to one grid, and answers NOT_FOUND for an unknown one', async () => {
    const me = (await app.store.getUser('u-grid'))!
    const h = ok(await app.anonymous('stats', 'headline', { gridId: me.gridIds[0] }))
    expect(h.scope.gridId).toBe(me.gridIds[0])
    expect(await app.anonymous('stats', 'headline', { gridId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
