import { aMessage, aResponse, aTicket, useFakeCloudbase } from './testing/test-support'

const t = useFakeCloudbase()

describe('CloudBase store: followers', () => {
  it('follow adds a keyed link and $incs ticket.followers without touching the version; a second follow is false', async () => {
    t.fake.seed('tickets', [aTicket({ followers: 0, version: 3 })])
    expect(await t.store.follow('t1', 'u2', '2025-03-02T00:00:00.000Z')).toBe(true)
    expect(t.fake.calls).toEqual([
      expect.objectContaining({ action: 'database.insertDocument', collection: 'ticket_followers', data: [{ _id: 't1:u2', ticketId: 't1', userId: 'u2', at: '2025-03-02T00:00:00.000Z' }] }),
      expect.objectContaining({ action: 'database.modifyDocument', collection: 'tickets', query: { _id: 't1' }, data: { $inc: { followers: 1 } } })
    ])
    expect(await t.store.follow('t1', 'u2', '2025-03-03T00:00:00.000Z')).toBe(false)
    expect(t.fake.docs('tickets')[0]).toMatchObject({ followers: 1, version: 3 })
    expect(await t.store.isFollowing('t1', 'u2')).toBe(true)
    expect(await t.store.isFollowing('t1', 'u3')).toBe(false)
  })

  it('lists a ticket’s followers oldest first (user id breaks ties), paged', async () => {
    t.fake.seed('ticket_followers', [['u3', 2], ['u1', 1], ['u2', 2]].map(([u, d]) =>
      ({ _id: `t1:${u}`, ticketId: 't1', userId: u, at: `2025-03-0${d}T00:00:00.000Z` })))
    const first = await t.store.listFollowers('t1', { limit: 2 })
    const second = await t.store.listFollowers('t1', { limit: 2, cursor: first.next })
    expect([first.items, second.items]).toEqual([['u1', 'u2'], ['u3']])
    expect(t.fake.calls[0]).toMatchObject({ query: { ticketId: 't1' }, order: [['at', 1], ['userId', 1]] })
    expect(t.fake.calls[1].query).toEqual({ $and: [
      { ticketId: 't1' }, { $or: [{ at: { $gt: '2025-03-02T00:00:00.000Z' } }, { at: '2025-03-02T00:00:00.000Z', userId: { $gt: 'u2' } }] }
    ] })
  })

  it('lists the tickets a user follows, most recently followed first, with one $in read', async () => {
    t.fake.seed('tickets', [aTicket({ id: 'ta' }), aTicket({ id: 'tb' })])
    t.fake.seed('ticket_followers', [['ta', 1], ['tb', 2], ['gone', 3]].map(([id, d]) =>
      ({ _id: `${id}:u1`, ticketId: id, userId: 'u1', at: `2025-03-0${d}T00:00:00.000Z` })))
    const page = await t.store.listFollowed('u1', {})
    expect(page).toEqual({ items: [aTicket({ id: 'tb' }), aTicket({ id: 'ta' })], next: null })
    expect(t.fake.calls[0]).toMatchObject({ query: { userId: 'u1' }, order: [['at', -1], ['ticketId', -1]] })
    expect(t.fake.calls[1]).toMatchObject({ collection: 'tickets', query: { _id: { $in: ['gone', 'tb', 'ta'] } }, limit: 3 })
    expect(await t.store.listFollowed('nobody', {})).toEqual({ items: [], next: null })
    expect(t.fake.calls).toHaveLength(3)
  })
})

describe('CloudBase store: ticket lookups and filters added for duplicates and overdue lists', () => {
  it('getTicketByRequest filters on reporter and clientRequestId', async () => {
    t.fake.seed('tickets', [aTicket()])
    expect(await t.store.getTicketByRequest('u1', 'req-1')).toEqual(aTicket())
    expect(await t.store.getTicketByRequest('u2', 'req-1')).toBeNull()
    expect(t.fake.calls[0]).toMatchObject({ collection: 'tickets', query: { reporterId: 'u1', clientRequestId: 'req-1' }, limit: 1 })
  })

  it('sends categoryId and overdue as equality and the lng/lat box as inclusive ranges', async () => {
    t.fake.seed('tickets', [
      aTicket({ id: 'in', overdue: true, location: { lng: 116.4, lat: 39.9 } }),
      aTicket({ id: 'edge', overdue: true, location: { lng: 116.5, lat: 40 } }),
      aTicket({ id: 'out', overdue: true, location: { lng: 116.6, lat: 39.9 } }),
      aTicket({ id: 'late', overdue: false, location: { lng: 116.4, lat: 39.9 } })
    ])
    const within = { minLng: 116.3, minLat: 39.8, maxLng: 116.5, maxLat: 40 }
    const page = await t.store.listTickets({ categoryId: 'c1', overdue: true, within })
    expect(page.items.map((x) => x.id).sort()).toEqual(['edge', 'in'])
    expect(t.fake.calls[0].query).toEqual({ $and: [
      { categoryId: 'c1', overdue: true },
      { 'location.lng': { $gte: 116.3 } }, { 'location.lng': { $lte: 116.5 } },
      { 'location.lat': { $gte: 39.8 } }, { 'location.lat': { $lte: 40 } }
    ] })
  })
})

describe('CloudBase store: read marks, unread counts, responses by person', () => {
  it('marks some or all unread messages read with one multi update, and counts unread with count()', async () => {
    t.fake.seed('messages', [aMessage({ id: 'm1' }), aMessage({ id: 'm2' }), aMessage({ id: 'm3', read: true }), aMessage({ id: 'm4', userId: 'u2' })])
    expect(await t.store.countUnreadMessages('u1')).toBe(2)
    expect(t.fake.calls[0]).toMatchObject({ action: 'database.calculateDocument', collection: 'messages', query: { userId: 'u1', read: false } })
    expect(await t.store.markMessagesRead('u1', [])).toBe(0)
    expect(await t.store.markMessagesRead('u1', ['m1', 'm3', 'm4'])).toBe(1)
    expect(t.fake.calls[1]).toMatchObject({
      action: 'database.modifyDocument', multi: true, query: { userId: 'u1', read: false, id: { $in: ['m1', 'm3', 'm4'] } }, data: { $set: { read: true } }
    })
    expect(await t.store.markMessagesRead('u1')).toBe(1)
    expect(await t.store.countUnreadMessages('u1')).toBe(0)
    expect(await t.store.countUnreadMessages('u2')).toBe(1)
  })

  it('filters responses by person', async () => {
    t.fake.seed('responses', [{ ...aResponse(), _id: 'sv1:u1' }, { ...aResponse({ id: 'r2', userId: 'u2' }), _id: 'sv1:u2' }])
    expect((await t.store.listResponses({ userId: 'u2' })).items.map((r) => r.id)).toEqual(['r2'])
    expect(t.fake.calls[0].query).toEqual({ userId: 'u2' })
  })
})
