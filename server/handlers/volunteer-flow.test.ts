import type { SaveEventInput } from '../../core/schemas'
import { newSignup } from '../../core/volunteer/seats'
import type { User } from '../../core/types'
import { ok, openTestApp, type TestApp } from '../testing/app'

/**
 * Volunteer service through the real handlers and the SQLite store: an organiser publishes, volunteers sign up,
 * a cancellation offers the seat to the first waiting, check-in/out by the rotating code, hours confirmed,
 * stars and a certificate that verifies publicly.
 */

const HOUR = 3_600_000
const at = (base: string, hours: number) => new Date(Date.parse(base) + hours * HOUR).toISOString()

function eventInput (now: string, over: Partial<SaveEventInput> = {}): SaveEventInput {
  const startAt = at(now, 72)
  return {
    kind: 'service', title: '社区清扫志愿服务', description: '清理楼道小广告', topic: '环境保护', servingTarget: '社区居民',
    requiredTrainings: [], address: '香樟路社区广场', location: { lng: 113.006, lat: 28.156 }, startAt, endAt: at(startAt, 3),
    capacity: 2, waitlistEnabled: true, cancelDeadline: at(startAt, -24), ...over
  }
}

async function volunteers (app: TestApp, n: number): Promise<string[]> {
  const openids: string[] = []
  for (let i = 0; i < n; i++) {
    const openid = `flow-vol-${i}`
    const u: User = { id: `u-flow-${i}`, openid, nickname: `志愿者${i}`, roles: ['citizen', 'volunteer'], gridIds: [], createdAt: app.clock.now() }
    await app.store.putUser(u)
    openids.push(openid)
  }
  return openids
}

describe('volunteer service end to end through the handlers', () => {
  let app: TestApp
  beforeEach(async () => { app = await openTestApp() })
  afterEach(async () => { await app.close() })

  it('publish → sign up → waitlist → cancel offers the seat → accept → check in/out by code → confirm → stars and certificate', async () => {
    const org = app.as('dev-organizer')
    const draft = ok(await org('volunteer', 'saveEvent', eventInput(app.clock.now())))
    expect(draft.status).toBe('draft')
    const [a, b, c] = await volunteers(app, 3)
    const notYet = await app.as(a)('volunteer', 'signup', { eventId: draft.id })
    expect(!notYet.ok && notYet.error.code).toBe('NOT_FOUND')
    ok(await org('volunteer', 'publishEvent', { id: draft.id }))

    expect(ok(await app.as(a)('volunteer', 'signup', { eventId: draft.id })).outcome).toBe('confirmed')
    expect(ok(await app.as(b)('volunteer', 'signup', { eventId: draft.id })).outcome).toBe('confirmed')
    const waiting = ok(await app.as(c)('volunteer', 'signup', { eventId: draft.id }))
    expect(waiting).toMatchObject({ outcome: 'waitlisted', waitlistPosition: 1 })
    expect(ok(await app.as(c)('volunteer', 'event', { id: draft.id }))).toMatchObject({ choice: 'waitlisted', waitlistLength: 1, placesLeft: 0 })

    // a cancels: c is offered the place, told, and the seat stays held.
    ok(await app.as(a)('volunteer', 'cancel', { eventId: draft.id }))
    expect((await app.store.getEvent(draft.id))?.taken).toBe(2)
    const offered = await app.store.getSignup(draft.id, 'u-flow-2')
    expect(offered?.status).toBe('offered')
    const told = await app.store.listMessages({ userId: 'u-flow-2', limit: 5 })
    expect(told.items.some((m) => m.title === '候补转正：请确认参加' && m.eventId === draft.id)).toBe(true)
    expect(ok(await app.as(c)('volunteer', 'acceptOffer', { eventId: draft.id })).signup.status).toBe('confirmed')

    // Event time: the organiser's rotating code checks c in and out.
    app.clock.set(at(draft.startAt, -0.25))
    const code1 = ok(await org('volunteer', 'checkinCode', { id: draft.id }))
    const inRes = ok(await app.as(c)('volunteer', 'checkIn', { code: code1.code }))
    expect(inRes.signup.checkInAt).toBe(app.clock.now())
    const twice = await app.as(c)('volunteer', 'checkIn', { code: code1.code })
    expect(!twice.ok && twice.error.code).toBe('CONFLICT')

    // The code of the start is stale by the end: a photo of it no longer checks anyone out.
    app.clock.set(at(draft.endAt, 0.1))
    const stale = await app.as(c)('volunteer', 'checkOut', { code: code1.code })
    expect(!stale.ok && stale.error.code).toBe('CONFLICT')
    const code2 = ok(await org('volunteer', 'checkinCode', { id: draft.id }))
    const out = ok(await app.as(c)('volunteer', 'checkOut', { code: code2.code }))
    // Only the event window counts: 3 h, not the quarter hour before or the six minutes after.
    expect(out.signup.earnedHours).toBe(3)

    // Unconfirmed hours do not count; the organiser confirms; then they do.
    expect(ok(await app.as(c)('volunteer', 'mine', {})).hours).toMatchObject({ total: 0, pending: 3 })
    const lowerWithout = await org('volunteer', 'confirmHours', { eventId: draft.id, userId: 'u-flow-2', earnedHours: 2 })
    expect(!lowerWithout.ok && lowerWithout.error.code).toBe('CONFLICT')
    const higher = await org('volunteer', 'confirmHours', { eventId: draft.id, userId: 'u-flow-2', earnedHours: 4, reason: '多干了' })
    expect(!higher.ok && higher.error.code).toBe('CONFLICT')
    ok(await org('volunteer', 'confirmHours', { eventId: draft.id, userId: 'u-flow-2' }))
    const mine = ok(await app.as(c)('volunteer', 'mine', {}))
    expect(mine.hours).toMatchObject({ earned: 3, manual: 0, total: 3, pending: 0 })
    expect(mine.stars).toMatchObject({ stars: 0, nextAt: 100, toNext: 97 })

    // b forgot to check out: the organiser adds 补录 with a reason, kept apart, within the event's length.
    app.clock.set(at(draft.endAt, 0.5))
    const codeB = ok(await org('volunteer', 'checkinCode', { id: draft.id }))
    void codeB
    ok(await org('volunteer', 'markAttendance', { eventId: draft.id, userId: 'u-flow-1', attended: true }))
    const tooMuch = await org('volunteer', 'confirmHours', { eventId: draft.id, userId: 'u-flow-1', manualHours: 3.5, reason: '忘记签退' })
    expect(!tooMuch.ok && tooMuch.error.code).toBe('CONFLICT')
    const manual = ok(await org('volunteer', 'confirmHours', { eventId: draft.id, userId: 'u-flow-1', manualHours: 2.5, reason: '忘记签退，现场负责人确认' }))
    expect(manual.signup).toMatchObject({ earnedHours: null, manualHours: 2.5 })
    expect(manual.signup.adjustments).toEqual([expect.objectContaining({ field: 'manual', to: 2.5, by: 'u-organizer', reason: '忘记签退，现场负责人确认' })])

    // c registers, asks for a certificate; anyone with number and code can verify it.
    ok(await app.as(c)('volunteer', 'register', { realName: '王小明', phone: '13800138000', community: '香樟路社区', skills: ['环境保护'] }))
    const cert = ok(await app.as(c)('volunteer', 'requestCertificate', {}))
    expect(cert).toMatchObject({ realName: '王小明', earnedHours: 3, manualHours: 0, serviceCount: 1 })
    expect(cert.number).toMatch(/^ZZ\d{4}-\d{6}$/)
    expect(cert.verifyUrl).toContain(`/v/${cert.number}?c=${cert.checkCode}`)
    const verified = ok(await app.anonymous('volunteer', 'verifyCertificate', { number: cert.number, code: cert.checkCode }))
    expect(verified.certificate).toMatchObject({ number: cert.number, realName: '王小明', earnedHours: 3 })
    expect(verified.certificate).not.toHaveProperty('userId')
    expect(verified.certificate).not.toHaveProperty('checkCode')
    const wrong = await app.anonymous('volunteer', 'verifyCertificate', { number: cert.number, code: 'AAAAAA' })
    expect(!wrong.ok && wrong.error.code).toBe('NOT_FOUND')
    const notHers = await app.as(a)('volunteer', 'certificate', { number: cert.number })
    expect(!notHers.ok && notHers.error.code).toBe('NOT_FOUND')

    const rosterView = ok(await org('volunteer', 'roster', { id: draft.id }))
    expect(rosterView.counts).toMatchObject({ confirmed: 2, checkedOut: 1 })
    const xlsx = ok(await org('volunteer', 'exportRoster', { id: draft.id }))
    expect(xlsx.rows).toBe(3)
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK')
  })

  it('a forged, foreign or out-of-window code checks nobody in', async () => {
    const org = app.as('dev-organizer')
    const one = ok(await org('volunteer', 'saveEvent', eventInput(app.clock.now())))
    const two = ok(await org('volunteer', 'saveEvent', eventInput(app.clock.now(), { title: '另一场清扫活动' })))
    for (const e of [one, two]) ok(await org('volunteer', 'publishEvent', { id: e.id }))
    const [v] = await volunteers(app, 1)
    ok(await app.as(v)('volunteer', 'signup', { eventId: one.id }))
    app.clock.set(at(one.startAt, 0.5))
    const foreign = ok(await org('volunteer', 'checkinCode', { id: two.id }))
    const r1 = await app.as(v)('volunteer', 'checkIn', { code: foreign.code })
    expect(!r1.ok && r1.error.code).toBe('FORBIDDEN')
    const good = ok(await org('volunteer', 'checkinCode', { id: one.id }))
    const forged = good.code.slice(0, -4) + (good.code.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    const r2 = await app.as(v)('volunteer', 'checkIn', { code: forged })
    expect(!r2.ok && r2.error.code).toBe('FORBIDDEN')
    const r3 = await app.as(v)('volunteer', 'checkIn', { code: 'https://example.com/not-ours' })
    expect(!r3.ok && r3.error.code).toBe('VALIDATION')
    expect((await app.store.getSignup(one.id, 'u-flow-0'))?.checkInAt).toBeNull()
    // Before the window, even a good code is refused.
    app.clock.set(at(one.startAt, -2))
    const early = await org('volunteer', 'checkinCode', { id: one.id })
    expect(!early.ok && early.error.code).toBe('CONFLICT')
  })

  it('a training is required: refused with its name, then allowed once held', async () => {
    const org = app.as('dev-organizer')
    const e = ok(await org('volunteer', 'saveEvent', eventInput(app.clock.now(), { requiredTrainings: ['医疗健康'] })))
    ok(await org('volunteer', 'publishEvent', { id: e.id }))
    const [v] = await volunteers(app, 1)
    const refused = await app.as(v)('volunteer', 'signup', { eventId: e.id })
    expect(!refused.ok && refused.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('医疗健康') })
    expect(ok(await app.as(v)('volunteer', 'event', { id: e.id }))).toMatchObject({ choice: 'training', missingTrainings: ['医疗健康'] })
  })

  it('cancelling an event tells everyone signed up and frees every seat', async () => {
    const org = app.as('dev-organizer')
    const e = ok(await org('volunteer', 'saveEvent', eventInput(app.clock.now(), { capacity: 1 })))
    ok(await org('volunteer', 'publishEvent', { id: e.id }))
    const vs = await volunteers(app, 3)
    for (const v of vs) ok(await app.as(v)('volunteer', 'signup', { eventId: e.id }))
    const done = ok(await org('volunteer', 'cancelEvent', { id: e.id, reason: '暴雨预警' }))
    expect(done).toMatchObject({ told: 3, event: { status: 'cancelled', taken: 0 } })
    for (let i = 0; i < 3; i++) {
      const m = await app.store.listMessages({ userId: `u-flow-${i}`, limit: 5 })
      expect(m.items.some((x) => x.title === '活动已取消' && x.body.includes('暴雨预警'))).toBe(true)
    }
    const again = await org('volunteer', 'cancelEvent', { id: e.id, reason: '暴雨预警' })
    expect(!again.ok && again.error.code).toBe('CONFLICT')
    // The timer finishes cut-short cancellations; here there is nothing left, and nobody is told twice.
    ok(await app.system('timer', 'sweep', {}))
    for (let i = 0; i < 3; i++) {
      const m = await app.store.listMessages({ userId: `u-flow-${i}`, limit: 10 })
      expect(m.items.filter((x) => x.title === '活动已取消')).toHaveLength(1)
    }
  })

  it("an organiser cannot manage another organiser's event; the office can", async () => {
    const e = ok(await app.as('dev-organizer')('volunteer', 'saveEvent', eventInput(app.clock.now())))
    await app.store.putUser({ id: 'u-org-2', openid: 'org-2', nickname: '另一位组织者', roles: ['citizen', 'organizer'], gridIds: [], createdAt: app.clock.now() })
    const other = await app.as('org-2')('volunteer', 'roster', { id: e.id })
    expect(!other.ok && other.error.code).toBe('NOT_FOUND')
    expect(ok(await app.as('dev-admin')('volunteer', 'roster', { id: e.id })).event.id).toBe(e.id)
  })

  it('the timer lapses an expired offer and passes it on, once, and reminds the day before', async () => {
    const org = app.as('dev-organizer')
    const e = ok(await org('volunteer', 'saveEvent', eventInput(app.clock.now(), { capacity: 1 })))
    ok(await org('volunteer', 'publishEvent', { id: e.id }))
    const [a, b, c] = await volunteers(app, 3)
    for (const v of [a, b, c]) ok(await app.as(v)('volunteer', 'signup', { eventId: e.id }))
    ok(await app.as(a)('volunteer', 'cancel', { eventId: e.id }))
    expect((await app.store.getSignup(e.id, 'u-flow-1'))?.status).toBe('offered')
    app.clock.advanceHours(app.deps.settings.volunteer.offerHours + 0.1)
    const swept = ok(await app.system('timer', 'sweep', {}))
    expect(swept).toMatchObject({ offersLapsed: 1, offersMade: 1 })
    expect((await app.store.getSignup(e.id, 'u-flow-1'))?.status).toBe('lapsed')
    expect((await app.store.getSignup(e.id, 'u-flow-2'))?.status).toBe('offered')
    expect(ok(await app.system('timer', 'sweep', {}))).toMatchObject({ offersLapsed: 0, offersMade: 0 })
    expect((await app.store.getEvent(e.id))?.taken).toBe(1)

    ok(await app.as(c)('volunteer', 'acceptOffer', { eventId: e.id }))
    app.clock.set(at(e.startAt, -20))
    expect(ok(await app.system('timer', 'sweep', {})).reminded).toBe(1)
    expect(ok(await app.system('timer', 'sweep', {})).reminded).toBe(0)
  })
})

describe('seats under load, through the handlers and the SQLite store', () => {
  let app: TestApp
  beforeEach(async () => { app = await openTestApp() })
  afterEach(async () => { await app.close() })

  it('1,000 concurrent signups (10% doubled taps) for 100 places: 100 confirmed, the rest waitlisted in arrival order', async () => {
    const e = ok(await app.as('dev-organizer')('volunteer', 'saveEvent', eventInput(app.clock.now(), { capacity: 100 })))
    ok(await app.as('dev-organizer')('volunteer', 'publishEvent', { id: e.id }))
    const people = 910
    const users = Array.from({ length: people }, (_, i): User => ({ id: `u-burst-${i}`, openid: `burst-${i}`, nickname: `v${i}`, roles: ['volunteer'], gridIds: [], createdAt: app.clock.now() }))
    for (const u of users) await app.store.putUser(u)
    const taps = [...users.map((u) => u.openid), ...users.slice(0, 90).map((u) => u.openid)]
    const results = await Promise.all(taps.map((openid) => app.as(openid)('volunteer', 'signup', { eventId: e.id })))
    expect(results.every((r) => r.ok)).toBe(true)
    const rows = (await app.store.listSignups({ eventId: e.id, limit: 100 }))
    const all = [...rows.items]
    for (let next = rows.next; next;) {
      const p = await app.store.listSignups({ eventId: e.id, limit: 100, cursor: next })
      all.push(...p.items)
      next = p.next
    }
    expect(all).toHaveLength(people)
    expect(new Set(all.map((s) => s.userId)).size).toBe(people)
    expect(all.filter((s) => s.status === 'confirmed')).toHaveLength(100)
    expect(all.filter((s) => s.status === 'waitlisted')).toHaveLength(people - 100)
    expect((await app.store.getEvent(e.id))?.taken).toBe(100)
    // Nobody waitlisted arrived before somebody confirmed.
    const lastConfirmed = Math.max(...all.filter((s) => s.status === 'confirmed').map((s) => taps.indexOf(`burst-${s.userId.slice(8)}`)))
    const firstWaiting = Math.min(...all.filter((s) => s.status === 'waitlisted').map((s) => taps.indexOf(`burst-${s.userId.slice(8)}`)))
    expect(lastConfirmed).toBeLessThan(firstWaiting)

    // 50 concurrent cancellations: exactly 50 offers, to the first 50 waiting, none twice.
    const cancelling = all.filter((s) => s.status === 'confirmed').slice(0, 50)
    const done = await Promise.all(cancelling.map((s) => app.as(`burst-${s.userId.slice(8)}`)('volunteer', 'cancel', { eventId: e.id })))
    expect(done.every((r) => r.ok)).toBe(true)
    const after = await Promise.all(users.map((u) => app.store.getSignup(e.id, u.id)))
    const offers = after.filter((s) => s?.status === 'offered')
    expect(offers).toHaveLength(50)
    expect(new Set(offers.map((s) => s!.userId)).size).toBe(50)
    const firstFifty = all.filter((s) => s.status === 'waitlisted').sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id)).slice(0, 50).map((s) => s.userId)
    expect(new Set(offers.map((s) => s!.userId))).toEqual(new Set(firstFifty))
    expect((await app.store.getEvent(e.id))?.taken).toBe(100)
    void newSignup
  }, 120_000)
})

describe('changes people hear of, and repeats that spend nothing', () => {
  let app: TestApp
  beforeEach(async () => { app = await openTestApp() })
  afterEach(async () => { await app.close() })

  it('moving a published event tells everyone signed up; a title edit tells nobody', async () => {
    const org = app.as('dev-organizer')
    const input = eventInput(app.clock.now())
    const e = ok(await org('volunteer', 'saveEvent', input))
    ok(await org('volunteer', 'publishEvent', { id: e.id }))
    const [v] = await volunteers(app, 1)
    ok(await app.as(v)('volunteer', 'signup', { eventId: e.id }))
    ok(await org('volunteer', 'saveEvent', { ...input, id: e.id, title: '社区清扫志愿服务（第二场）' }))
    expect((await app.store.listMessages({ userId: 'u-flow-0', limit: 5 })).items).toHaveLength(0)
    ok(await org('volunteer', 'saveEvent', { ...input, id: e.id, startAt: at(input.startAt, 1), endAt: at(input.endAt, 1), address: '香樟路社区北门' }))
    const told = (await app.store.listMessages({ userId: 'u-flow-0', limit: 5 })).items
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({ title: '活动有变动', eventId: e.id })
    expect(told[0].body).toContain('集合地点改为 香樟路社区北门')
  })

  it('asking again for a certificate with nothing new served answers the same certificate', async () => {
    const first = ok(await app.as('dev-volunteer')('volunteer', 'requestCertificate', {}))
    const again = ok(await app.as('dev-volunteer')('volunteer', 'requestCertificate', {}))
    expect(again.number).toBe(first.number)
    expect((await app.store.listCertificates({ userId: 'u-volunteer', limit: 10 })).items).toHaveLength(1)
  })
})
