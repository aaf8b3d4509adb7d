import { aResponse, aSignup, aTicket, aTicketEvent, anEvent, useFakeCloudbase } from './test-support'

const t = useFakeCloudbase()

describe('CloudBase store: createTicket is idempotent per (reporter, clientRequestId)', () => {
  it('reserves the key, adds the ticket, then its first event', async () => {
    const res = await t.store.createTicket(aTicket(), aTicketEvent())
    expect(res).toEqual({ ticket: aTicket(), created: true })
    expect(t.fake.actions()).toEqual([
      'database.insertDocument ticket_keys', 'database.insertDocument tickets', 'database.insertDocument ticket_events'
    ])
    expect(t.fake.calls[0].data).toEqual([{ _id: 'u1:req-1', ticketId: 't1', at: aTicket().createdAt }])
    expect(t.fake.calls[1].data).toEqual([{ ...aTicket(), _id: 't1' }])
    expect(t.fake.docs('ticket_events')).toEqual([{ ...aTicketEvent(), _id: 'te1' }])
  })

  it('a retry with a new ticket id gets the first ticket back, created false, nothing added', async () => {
    await t.store.createTicket(aTicket(), aTicketEvent())
    t.fake.calls.length = 0
    const retry = await t.store.createTicket(aTicket({ id: 't2', description: '重复提交' }), aTicketEvent({ id: 'te2', ticketId: 't2' }))
    expect(retry).toEqual({ ticket: aTicket(), created: false })
    expect(t.fake.actions()).toEqual([
      'database.insertDocument ticket_keys', 'database.getDocument ticket_keys', 'database.getDocument tickets'
    ])
    expect(t.fake.docs('tickets')).toHaveLength(1)
    expect(t.fake.docs('ticket_events')).toHaveLength(1)
  })

  it('another reporter with the same clientRequestId is a different ticket', async () => {
    await t.store.createTicket(aTicket(), aTicketEvent())
    const other = await t.store.createTicket(aTicket({ id: 't2', reporterId: 'u2' }), aTicketEvent({ id: 'te2', ticketId: 't2' }))
    expect(other.created).toBe(true)
    expect(t.fake.docs('ticket_keys').map((k) => k._id).sort()).toEqual(['u1:req-1', 'u2:req-1'])
  })

  it('finishes a creation that died after reserving the key, under the reserved id', async () => {
    t.fake.seed('ticket_keys', [{ _id: 'u1:req-1', ticketId: 't1', at: aTicket().createdAt }])
    const res = await t.store.createTicket(aTicket({ id: 't2' }), aTicketEvent({ id: 'te2', ticketId: 't2' }))
    expect(res).toEqual({ ticket: aTicket({ id: 't1' }), created: true })
    expect(t.fake.docs('ticket_events')).toEqual([{ ...aTicketEvent({ id: 'te2', ticketId: 't1' }), _id: 'te2' }])
  })

  it('when the first writer lands the ticket just before us, answers its ticket, created false', async () => {
    t.fake.seed('ticket_keys', [{ _id: 'u1:req-1', ticketId: 't1', at: aTicket().createdAt }])
    let inserts = 0
    const raceIn = () => t.fake.seed('tickets', [aTicket({ description: '先到的' })])
    t.fake.beforeNext('database.insertDocument', () => inserts++) // our key reservation
    t.fake.beforeNext('database.insertDocument', raceIn) // our ticket insert
    const res = await t.store.createTicket(aTicket({ id: 't2' }), aTicketEvent({ id: 'te2' }))
    expect(inserts).toBe(1)
    expect(res).toEqual({ ticket: aTicket({ description: '先到的' }), created: false })
    expect(t.fake.docs('ticket_events')).toEqual([])
  })
})

describe('CloudBase store: updateTicket is a conditional update on version', () => {
  const dispatch = { state: 'dispatched' as const, assigneeId: 'm1', dispatchedAt: '2025-03-01T09:00:00.000Z', location: { lng: 1, lat: 2 } }
  const event = aTicketEvent({ id: 'te2', action: 'dispatch', fromState: 'triage', toState: 'dispatched' })

  it('sends where({ _id, version }) with $set of the patch and $inc version, then appends the event', async () => {
    t.fake.seed('tickets', [aTicket({ version: 3 })])
    const updated = await t.store.updateTicket('t1', 3, dispatch, event)
    expect(updated).toEqual(aTicket({ ...dispatch, version: 4 }))
    const modify = t.fake.calls.find((c) => c.action === 'database.modifyDocument')
    expect(modify).toEqual({
      action: 'database.modifyDocument', collection: 'tickets', queryType: 'WHERE', query: { _id: 't1', version: 3 },
      multi: true, merge: true, upsert: false,
      data: { $set: dispatch, $inc: { version: 1 } }
    })
    expect(t.fake.actions()).toEqual(['database.getDocument tickets', 'database.modifyDocument tickets', 'database.insertDocument ticket_events'])
    expect(t.fake.docs('tickets')[0]).toMatchObject({ ...dispatch, version: 4 })
  })

  it('never lets the patch touch id or version', async () => {
    t.fake.seed('tickets', [aTicket()])
    const updated = await t.store.updateTicket('t1', 1, { id: 'evil', version: 99, overdue: true }, event)
    expect(updated).toMatchObject({ id: 't1', version: 2, overdue: true })
    expect(t.fake.calls[1].data).toEqual({ $set: { overdue: true }, $inc: { version: 1 } })
  })

  it('returns null without writing when the version read is already different, or the ticket is missing', async () => {
    t.fake.seed('tickets', [aTicket({ version: 4 })])
    expect(await t.store.updateTicket('t1', 3, dispatch, event)).toBeNull()
    expect(await t.store.updateTicket('nope', 1, dispatch, event)).toBeNull()
    expect(t.fake.actions()).toEqual(['database.getDocument tickets', 'database.getDocument tickets'])
  })

  it('returns null and adds no event when another writer bumps the version first (updated: 0)', async () => {
    t.fake.seed('tickets', [aTicket({ version: 3 })])
    t.fake.beforeNext('database.modifyDocument', () => t.fake.seed('tickets', [aTicket({ version: 4, state: 'closed' })]))
    expect(await t.store.updateTicket('t1', 3, dispatch, event)).toBeNull()
    expect(t.fake.docs('ticket_events')).toEqual([])
    expect(t.fake.docs('tickets')[0]).toMatchObject({ version: 4, state: 'closed' })
  })
})

describe('CloudBase store: takeSeat', () => {
  it('takes a seat with where({ _id, taken < capacity }).update({ taken: $inc 1 }) and adds a keyed signup', async () => {
    t.fake.seed('events', [anEvent({ capacity: 2 })])
    const res = await t.store.takeSeat(aSignup({ status: 'waitlisted' }))
    expect(res).toEqual({ outcome: 'confirmed', signup: aSignup({ status: 'confirmed' }) })
    expect(t.fake.calls[2]).toMatchObject({
      action: 'database.modifyDocument', collection: 'events', query: { _id: 'e1', taken: { $lt: 2 } }, data: { $inc: { taken: 1 } }
    })
    expect(t.fake.docs('signups')).toEqual([{ ...aSignup(), _id: 'e1:u1' }])
    expect(t.fake.docs('events')[0].taken).toBe(1)
  })

  it('fills up, then waitlists when enabled, and says full when not', async () => {
    t.fake.seed('events', [anEvent({ capacity: 1, waitlistEnabled: true }), anEvent({ id: 'e2', capacity: 1, taken: 1 })])
    expect((await t.store.takeSeat(aSignup({ userId: 'u1' }))).outcome).toBe('confirmed')
    expect(await t.store.takeSeat(aSignup({ id: 's2', userId: 'u2' }))).toEqual({ outcome: 'waitlisted', signup: aSignup({ id: 's2', userId: 'u2', status: 'waitlisted' }) })
    expect(await t.store.takeSeat(aSignup({ id: 's3', eventId: 'e2', userId: 'u3' }))).toEqual({ outcome: 'full', signup: null })
    expect(t.fake.docs('events').map((e) => e.taken)).toEqual([1, 1])
    expect(t.fake.docs('signups').map((s) => s._id)).toEqual(['e1:u1', 'e1:u2'])
  })

  it('answers duplicate with the signup already held, without touching seats', async () => {
    t.fake.seed('events', [anEvent()])
    const first = await t.store.takeSeat(aSignup())
    t.fake.calls.length = 0
    expect(await t.store.takeSeat(aSignup({ id: 's2' }))).toEqual({ outcome: 'duplicate', signup: first.signup })
    expect(t.fake.actions()).toEqual(['database.getDocument events', 'database.getDocument signups'])
  })

  it('gives the seat back when a concurrent double tap wrote the signup first, and answers that signup', async () => {
    t.fake.seed('events', [anEvent()])
    const other = aSignup({ id: 'other' })
    t.fake.beforeNext('database.insertDocument', () => t.fake.seed('signups', [{ ...other, _id: 'e1:u1' }]))
    expect(await t.store.takeSeat(aSignup())).toEqual({ outcome: 'duplicate', signup: other })
    expect(t.fake.calls.at(-2)).toMatchObject({ action: 'database.modifyDocument', query: { _id: 'e1' }, data: { $inc: { taken: -1 } } })
    expect(t.fake.docs('events')[0].taken).toBe(0)
  })

  it('refuses an unknown event', async () => {
    await expect(t.store.takeSeat(aSignup({ eventId: 'nope' }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('CloudBase store: putEvent keeps the seat count', () => {
  it('adds a new event, and on edit $sets every field except taken', async () => {
    await t.store.putEvent(anEvent())
    await t.store.takeSeat(aSignup())
    t.fake.calls.length = 0
    await t.store.putEvent(anEvent({ title: '改名了', taken: 0 }))
    expect(t.fake.actions()).toEqual(['database.insertDocument events', 'database.modifyDocument events'])
    expect(Object.keys(t.fake.calls[1].data as object)).toEqual(['$set'])
    expect((t.fake.calls[1].data as { $set: object }).$set).not.toHaveProperty('taken')
    expect(await t.store.getEvent('e1')).toEqual(anEvent({ title: '改名了', taken: 1 }))
  })
})

describe('CloudBase store: addResponse and incrementCounter', () => {
  it('adds one response per person per survey under _id surveyId:userId', async () => {
    expect(await t.store.addResponse(aResponse())).toBe(true)
    expect(await t.store.addResponse(aResponse({ id: 'r2', answers: { q1: [1] } }))).toBe(false)
    expect(await t.store.addResponse(aResponse({ id: 'r3', userId: 'u2' }))).toBe(true)
    expect(t.fake.docs('responses').map((r) => r._id)).toEqual(['sv1:u1', 'sv1:u2'])
  })

  it('creates a counter with add, then adds with a compare-and-set $inc on the value it read', async () => {
    expect(await t.store.incrementCounter('rate:u1', 1)).toBe(1)
    expect(t.fake.actions()).toEqual(['database.getDocument counters', 'database.insertDocument counters'])
    expect(t.fake.calls[1].data).toEqual([{ _id: 'rate:u1', value: 1 }])
    t.fake.calls.length = 0
    expect(await t.store.incrementCounter('rate:u1', 2)).toBe(3)
    expect(t.fake.calls[1]).toMatchObject({
      action: 'database.modifyDocument', query: { _id: 'rate:u1', value: 1 }, data: { $inc: { value: 2 } }
    })
    expect(await t.store.incrementCounter('rate:u1', 0)).toBe(3)
    expect(await t.store.incrementCounter('other', 0)).toBe(0)
    expect(t.fake.docs('counters')).toEqual([{ _id: 'rate:u1', value: 3 }])
  })

  it('when another caller creates the counter first, goes round instead of overwriting', async () => {
    t.fake.beforeNext('database.insertDocument', () => t.fake.seed('counters', [{ _id: 'k', value: 5 }]))
    expect(await t.store.incrementCounter('k', 1)).toBe(6)
    expect(t.fake.actions()).toEqual([
      'database.getDocument counters', 'database.insertDocument counters', 'database.getDocument counters', 'database.modifyDocument counters'
    ])
  })

  it('when another caller increments between read and update (updated: 0), retries from a fresh read', async () => {
    t.fake.seed('counters', [{ _id: 'k', value: 1 }])
    t.fake.beforeNext('database.modifyDocument', () => t.fake.seed('counters', [{ _id: 'k', value: 2 }]))
    expect(await t.store.incrementCounter('k', 1)).toBe(3)
    expect(t.fake.calls.filter((c) => c.action === 'database.modifyDocument').map((c) => c.query)).toEqual([
      { _id: 'k', value: 1 }, { _id: 'k', value: 2 }
    ])
  })
})

describe('CloudBase store: importTickets', () => {
  it('adds in batches of 100 (tickets, keys, events), and imported keys keep createTicket idempotent', async () => {
    const tickets = Array.from({ length: 150 }, (_, i) => aTicket({ id: `t${i}`, clientRequestId: `req-${i}` }))
    await t.store.importTickets(tickets, tickets.map((x) => aTicketEvent({ id: `te-${x.id}`, ticketId: x.id })))
    expect(t.fake.calls.map((c) => `${c.collection}:${(c.data as unknown[]).length}`)).toEqual([
      'tickets:100', 'tickets:50', 'ticket_keys:100', 'ticket_keys:50', 'ticket_events:100', 'ticket_events:50'
    ])
    const again = await t.store.createTicket(aTicket({ id: 'new', clientRequestId: 'req-7' }), aTicketEvent({ id: 'te-new' }))
    expect(again).toEqual({ ticket: aTicket({ id: 't7', clientRequestId: 'req-7' }), created: false })
  })

  it('fails loudly on an id that already exists', async () => {
    t.fake.seed('tickets', [aTicket()])
    await expect(t.store.importTickets([aTicket()], [])).rejects.toThrow(/DATABASE_DUPLICATE_WRITE/)
  })
})
