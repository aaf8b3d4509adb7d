import { ok, openTestApp, type TestApp } from '../testing/app'

describe('volunteer: sign up, cancel, sign up again', () => {
  let app: TestApp
  beforeEach(async () => { app = await openTestApp() })
  afterEach(async () => { await app.close() })

  const openEvent = async () => {
    const { items } = ok(await app.as('dev-volunteer')('volunteer', 'events', {}))
    const e = items.find((x) => x.taken < x.capacity && x.mySignup === null && Date.parse(x.cancelDeadline) > Date.parse(app.clock.now()))
    if (!e) throw new Error('no open event with seats in the seed')
    return e
  }

  it('a cancelled seat goes back, and the same person is seated again like anyone else', async () => {
    const e = await openEvent()
    const first = ok(await app.as('dev-volunteer')('volunteer', 'signup', { eventId: e.id }))
    expect(first.outcome).toBe('confirmed')
    expect((await app.store.getEvent(e.id))?.taken).toBe(e.taken + 1)

    const cancelled = ok(await app.as('dev-volunteer')('volunteer', 'cancel', { eventId: e.id }))
    expect(cancelled.signup.status).toBe('cancelled')
    expect((await app.store.getEvent(e.id))?.taken).toBe(e.taken)

    const again = ok(await app.as('dev-volunteer')('volunteer', 'signup', { eventId: e.id }))
    expect(again.outcome).toBe('confirmed')
    expect((await app.store.getEvent(e.id))?.taken).toBe(e.taken + 1)
    const rows = (await app.store.listSignups({ eventId: e.id, limit: 100 })).items.filter((s) => s.status === 'confirmed')
    expect(rows).toHaveLength(e.taken + 1)
  })

  it('cancelling nothing, or after the deadline, changes nothing', async () => {
    const e = await openEvent()
    const none = await app.as('dev-volunteer')('volunteer', 'cancel', { eventId: e.id })
    expect(!none.ok && none.error.code).toBe('NOT_FOUND')
    ok(await app.as('dev-volunteer')('volunteer', 'signup', { eventId: e.id }))
    app.clock.set(new Date(Date.parse(e.cancelDeadline) + 1).toISOString())
    const late = await app.as('dev-volunteer')('volunteer', 'cancel', { eventId: e.id })
    expect(!late.ok && late.error.code).toBe('CONFLICT')
    expect((await app.store.getEvent(e.id))?.taken).toBe(e.taken + 1)
  })
})
