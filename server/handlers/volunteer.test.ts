import { newSignup } from '../../core/volunteer/seats'
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

describe('volunteer.events: each person sees what they can do', () => {
  let app: TestApp
  beforeEach(async () => { app = await openTestApp() })
  afterEach(async () => { await app.close() })

  it('a resident is told to register, the organizer sees their events, a volunteer may sign up', async () => {
    const resident = ok(await app.as('dev-citizen')('volunteer', 'events', {}))
    expect(resident.canSignUp).toBe(false)
    expect(new Set(resident.items.map((e) => e.choice))).toEqual(new Set(['register']))
    const organizer = ok(await app.as('dev-organizer')('volunteer', 'events', {}))
    expect(organizer.canSignUp).toBe(false)
    expect(new Set(organizer.items.map((e) => e.choice))).toEqual(new Set(['organizing']))
    const volunteer = ok(await app.as('dev-volunteer')('volunteer', 'events', {}))
    expect(volunteer.canSignUp).toBe(true)
    expect(volunteer.items.length).toBeGreaterThan(0)
    expect(volunteer.items.every((e) => e.choice === 'signup' || e.choice === 'waitlist')).toBe(true)
  })

  it('after signing up the volunteer sees 已报名 with cancel allowed; a full event without a waitlist is full for all', async () => {
    const { items } = ok(await app.as('dev-volunteer')('volunteer', 'events', {}))
    const e = items.find((x) => x.choice === 'signup' && !x.waitlistEnabled && Date.parse(x.cancelDeadline) > Date.parse(app.clock.now()))
    if (!e) throw new Error('no open event without a waitlist in the seed')
    ok(await app.as('dev-volunteer')('volunteer', 'signup', { eventId: e.id }))
    const after = ok(await app.as('dev-volunteer')('volunteer', 'events', {})).items.find((x) => x.id === e.id)
    expect(after).toMatchObject({ choice: 'confirmed', canCancel: true })

    for (let i = after!.taken; i < e.capacity; i++) {
      await app.store.takeSeat(newSignup(e.id, `u-fill-${i}`, app.clock.now()))
    }
    const seen = async (openid: string) => ok(await app.as(openid)('volunteer', 'events', {})).items.find((x) => x.id === e.id)?.choice
    expect(await seen('dev-citizen')).toBe('full')
    expect(await seen('dev-volunteer')).toBe('confirmed')
    ok(await app.as('dev-volunteer')('volunteer', 'cancel', { eventId: e.id }))
    expect(await seen('dev-volunteer')).toBe('signup')
  })
})

