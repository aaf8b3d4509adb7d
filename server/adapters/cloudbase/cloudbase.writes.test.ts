import { aResponse, aSignup, aTicket, aTicketEvent, anEvent, useFakeCloudbase } from './testing/test-support'

const t = useFakeCloudbase()

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

  it('refuses an unknown event with StoreError NOT_FOUND', async () => {
    await expect(t.store.takeSeat(aSignup({ eventId: 'nope' }))).rejects.toMatchObject({ name: 'StoreError', code: 'NOT_FOUND' })
  })

  it('re-seats a person whose signup was cancelled by replacing that cancelled signup, conditionally', async () => {
    t.fake.seed('events', [anEvent({ capacity: 2 })])
    t.fake.seed('signups', [{ ...aSignup({ id: 's-old', status: 'cancelled' }), _id: 'e1:u1' }])
    const res = await t.store.takeSeat(aSignup({ id: 's-new' }))
    expect(res).toEqual({ outcome: 'confirmed', signup: aSignup({ id: 's-new' }) })
    expect(t.fake.calls.at(-1)).toMatchObject({
      action: 'database.modifyDocument', collection: 'signups', query: { _id: 'e1:u1', id: 's-old', status: 'cancelled' },
      data: { $set: aSignup({ id: 's-new' }) }
    })
    expect(t.fake.docs('signups')).toEqual([{ ...aSignup({ id: 's-new' }), _id: 'e1:u1' }])
    expect(t.fake.docs('events')[0].taken).toBe(1)
  })

  it('gives the seat back when the same person’s other request re-signed first, and answers that signup', async () => {
    t.fake.seed('events', [anEvent()])
    t.fake.seed('signups', [{ ...aSignup({ id: 's-old', status: 'cancelled' }), _id: 'e1:u1' }])
    const other = aSignup({ id: 'other' })
    t.fake.beforeNext('database.modifyDocument', () => {}) // our seat
    t.fake.beforeNext('database.modifyDocument', () => t.fake.seed('signups', [{ ...other, _id: 'e1:u1' }]))
    expect(await t.store.takeSeat(aSignup({ id: 's-new' }))).toEqual({ outcome: 'duplicate', signup: other })
    expect(t.fake.docs('events')[0].taken).toBe(0)
  })
})

describe('CloudBase store: cancelSignup', () => {
  it('cancels with a conditional update on the signup as read, then gives a confirmed seat back', async () => {
    t.fake.seed('events', [anEvent({ taken: 1 })])
    t.fake.seed('signups', [{ ...aSignup(), _id: 'e1:u1' }])
    expect(await t.store.cancelSignup('e1', 'u1')).toEqual(aSignup({ status: 'cancelled' }))
    expect(t.fake.calls.slice(1)).toEqual([
      expect.objectContaining({ collection: 'signups', query: { _id: 'e1:u1', id: 's1', status: 'confirmed' }, data: { $set: { status: 'cancelled' } } }),
      expect.objectContaining({ collection: 'events', query: { _id: 'e1' }, data: { $inc: { taken: -1 } } })
    ])
    expect(t.fake.docs('events')[0].taken).toBe(0)
  })

  it('gives nothing back for a waitlisted signup, and answers null for none or a cancelled one', async () => {
    t.fake.seed('events', [anEvent({ taken: 2 })])
    t.fake.seed('signups', [{ ...aSignup({ status: 'waitlisted' }), _id: 'e1:u1' }, { ...aSignup({ id: 's2', userId: 'u2', status: 'cancelled' }), _id: 'e1:u2' }])
    expect(await t.store.cancelSignup('e1', 'u1')).toEqual(aSignup({ status: 'cancelled' }))
    expect(await t.store.cancelSignup('e1', 'u2')).toBeNull()
    expect(await t.store.cancelSignup('e1', 'u3')).toBeNull()
    expect(t.fake.docs('events')[0].taken).toBe(2)
  })

  it('when a concurrent cancel got there first, answers null and gives back no second seat', async () => {
    t.fake.seed('events', [anEvent({ taken: 1 })])
    t.fake.seed('signups', [{ ...aSignup(), _id: 'e1:u1' }])
    t.fake.beforeNext('database.modifyDocument', () => {
      t.fake.seed('signups', [{ ...aSignup({ status: 'cancelled' }), _id: 'e1:u1' }])
      t.fake.seed('events', [anEvent({ taken: 0 })])
    })
    expect(await t.store.cancelSignup('e1', 'u1')).toBeNull()
    expect(t.fake.docs('events')[0].taken).toBe(0)
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

describe('CloudBase store: addResponse', () => {
  it('adds one response per person per survey under _id surveyId:userId', async () => {
    expect(await t.store.addResponse(aResponse())).toBe(true)
    expect(await t.store.addResponse(aResponse({ id: 'r2', answers: { q1: [1] } }))).toBe(false)
    expect(await t.store.addResponse(aResponse({ id: 'r3', userId: 'u2' }))).toBe(true)
    expect(t.fake.docs('responses').map((r) => r._id)).toEqual(['sv1:u1', 'sv1:u2'])
  })
})

describe('CloudBase store: importTickets', () => {
  it('adds in batches of 100 (tickets, keys, events), and imported keys keep fileReport idempotent', async () => {
    const tickets = Array.from({ length: 150 }, (_, i) => aTicket({ id: `t${i}`, clientRequestId: `req-${i}` }))
    await t.store.importTickets(tickets, tickets.map((x) => aTicketEvent({ id: `te-${x.id}`, ticketId: x.id })))
    expect(t.fake.calls.map((c) => `${c.collection}:${(c.data as unknown[]).length}`)).toEqual([
      'tickets:100', 'tickets:50', 'ticket_keys:100', 'ticket_keys:50', 'ticket_events:100', 'ticket_events:50'
    ])
    expect(t.fake.calls[2].data).toContainEqual({ _id: 'u1:req-7', ticketId: 't7', at: aTicket().createdAt, state: 'admitted' })
    const again = await t.store.fileReport({
      ticket: aTicket({ id: 'new', clientRequestId: 'req-7' }), event: aTicketEvent({ id: 'te-new' }),
      rate: { keys: ['k'], admit: () => true }, photoReviews: [], messages: []
    })
    expect(again).toEqual({ outcome: 'existing', ticket: aTicket({ id: 't7', clientRequestId: 'req-7' }) })
    expect(t.fake.docs('counters')).toEqual([])
  })

  it('fails loudly on an id that already exists', async () => {
    t.fake.seed('tickets', [aTicket()])
    await expect(t.store.importTickets([aTicket()], [])).rejects.toThrow(/DATABASE_DUPLICATE_WRITE/)
  })
})
