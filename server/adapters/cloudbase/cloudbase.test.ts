import * as tcb from '@cloudbase/node-sdk'
import type { Certificate } from '../../../core/types'
import { StoreError } from '../../ports/errors'
import { ALL_COLLECTIONS, CloudbaseError, clearCloudbaseCollections, createCloudbaseCollections, createCloudbaseStore } from './index'
import { aCategory, aGrid, aMessage, aResponse, aSignup, aTicket, aTicketEvent, aUser, useFakeCloudbase } from './testing/test-support'

const t = useFakeCloudbase()

describe('CloudBase store: single reads', () => {
  it('getUser asks for one document by _id and strips _id/_openid', async () => {
    t.fake.seed('users', [{ ...aUser(), _openid: 'ignored' }])
    expect(await t.store.getUser('u1')).toEqual(aUser())
    expect(t.fake.calls).toEqual([
      { action: 'database.getDocument', collection: 'users', queryType: 'WHERE', query: { _id: 'u1' }, limit: 1 }
    ])
  })

  it('answers null for a missing document', async () => {
    expect(await t.store.getTicket('nope')).toBeNull()
    expect(await t.store.getEvent('nope')).toBeNull()
    expect(t.fake.actions()).toEqual(['database.getDocument tickets', 'database.getDocument events'])
  })

  it('getUserByOpenid filters on openid, one document', async () => {
    t.fake.seed('users', [aUser(), aUser({ id: 'u2', openid: 'openid-u2' })])
    expect((await t.store.getUserByOpenid('openid-u2'))?.id).toBe('u2')
    expect(t.fake.calls[0]).toMatchObject({ query: { openid: 'openid-u2' }, limit: 1, order: [['id', 1]] })
  })

  it('putUser is a whole-document upsert keyed by id (doc(id).set)', async () => {
    await t.store.putUser(aUser({ phone: undefined, homeGridId: 'g1' }))
    expect(t.fake.calls[0]).toMatchObject({
      action: 'database.modifyDocument', collection: 'users', queryType: 'DOC', query: { _id: 'u1' },
      multi: false, merge: false, upsert: true, data: aUser({ homeGridId: 'g1' })
    })
    expect(await t.store.getUser('u1')).toEqual(aUser({ homeGridId: 'g1' }))
  })

  it('putGrids: nothing for an empty list; on an empty store version 1 in one add, then its record, then the pointer; later one set per grid', async () => {
    await t.store.putGrids([])
    expect(t.fake.calls).toEqual([])
    const grids = Array.from({ length: 12 }, (_, i) => aGrid({ id: `g${i}`, code: `1101010010010${String(i).padStart(2, '0')}` }))
    await t.store.putGrids(grids)
    expect(t.fake.actions()).toEqual(['database.getDocument grid_active', 'database.insertDocument grids', 'database.insertDocument grid_versions', 'database.insertDocument grid_active'])
    expect(t.fake.docs('grids')).toHaveLength(12)
    t.fake.calls.length = 0
    await t.store.putGrids(grids.slice(0, 3))
    expect(t.fake.calls.filter((c) => c.action === 'database.modifyDocument')).toHaveLength(3)
    expect(t.fake.docs('grids')).toHaveLength(12)
  })
})

describe('CloudBase store: paging', () => {
  it('clamps limit to 1..100 and always fetches one more than the page', async () => {
    await t.store.listUsers({})
    await t.store.listUsers({ limit: 500 })
    await t.store.listUsers({ limit: 0 })
    expect(t.fake.calls.map((c) => c.limit)).toEqual([21, 101, 2])
  })

  it('walks grids by code with a keyset cursor until next is null', async () => {
    const codes = ['005', '001', '004', '002', '003']
    await t.store.putGrids(codes.map((code) => aGrid({ id: `g${code}`, code })))
    t.fake.calls.length = 0
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: Awaited<ReturnType<typeof t.store.listGrids>> = await t.store.listGrids({ limit: 2, cursor })
      seen.push(...page.items.map((g) => g.code))
      cursor = page.next
    } while (cursor)
    expect(seen).toEqual(['001', '002', '003', '004', '005'])
    // Each page: the pointer to the active version's set, then the set's grids.
    const pages = t.fake.calls.filter((c) => c.collection === 'grids')
    expect(pages.map((c) => c.limit)).toEqual([3, 3, 3])
    expect(pages[0]).toMatchObject({ order: [['code', 1], ['id', 1]] })
    const set = (pages[0].query as { set: string }).set
    expect(set).toMatch(/^v000001-/)
    expect(pages[1].query).toEqual({ $and: [{ set }, { $or: [{ code: { $gt: '002' } }, { code: '002', id: { $gt: 'g002' } }] }] })
  })

  it('pages users by id alone, filtered by role', async () => {
    t.fake.seed('users', ['u3', 'u1', 'u2'].map((id) => aUser({ id, roles: id === 'u2' ? ['citizen'] : ['admin'] })))
    const first = await t.store.listUsers({ role: 'admin', limit: 1 })
    const second = await t.store.listUsers({ role: 'admin', limit: 1, cursor: first.next })
    expect([...first.items, ...second.items].map((u) => u.id)).toEqual(['u1', 'u3'])
    expect(second.next).toBeNull()
    expect(t.fake.calls[1].query).toEqual({ $and: [{ roles: 'admin' }, { id: { $gt: 'u1' } }] })
  })

  it('rejects a malformed cursor or one from another list without asking the database', async () => {
    await expect(t.store.listGrids({ cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(StoreError)
    t.fake.seed('users', [aUser(), aUser({ id: 'u2' })])
    const users = await t.store.listUsers({ limit: 1 })
    await expect(t.store.listGrids({ cursor: users.next })).rejects.toMatchObject({ name: 'StoreError', code: 'INVALID_CURSOR' })
    expect(t.fake.calls).toHaveLength(1)
  })
})

describe('CloudBase store: tickets list', () => {
  it('sends gridIds/states as $in and the creation window as $gte/$lt, newest first', async () => {
    t.fake.seed('tickets', [
      aTicket({ id: 't1', gridId: 'g1', state: 'dispatched', createdAt: '2025-03-01T00:00:00.000Z' }),
      aTicket({ id: 't2', gridId: 'g2', state: 'accepted', createdAt: '2025-03-02T00:00:00.000Z' }),
      aTicket({ id: 't3', gridId: 'g3', state: 'accepted', createdAt: '2025-03-02T00:00:00.000Z' }),
      aTicket({ id: 't4', gridId: 'g1', state: 'closed', createdAt: '2025-03-02T00:00:00.000Z' }),
      aTicket({ id: 't5', gridId: 'g2', state: 'accepted', createdAt: '2025-03-05T00:00:00.000Z' })
    ])
    const page = await t.store.listTickets({
      gridIds: ['g1', 'g2'], states: ['dispatched', 'accepted'],
      createdFrom: '2025-03-01T00:00:00.000Z', createdTo: '2025-03-05T00:00:00.000Z'
    })
    expect(page.items.map((x) => x.id)).toEqual(['t2', 't1'])
    expect(t.fake.calls[0]).toMatchObject({
      collection: 'tickets', limit: 21, order: [['createdAt', -1], ['id', -1]],
      query: { $and: [
        { gridId: { $in: ['g1', 'g2'] }, state: { $in: ['dispatched', 'accepted'] } },
        { createdAt: { $gte: '2025-03-01T00:00:00.000Z' } },
        { createdAt: { $lt: '2025-03-05T00:00:00.000Z' } }
      ] }
    })
  })

  it('answers an empty page without a request for empty gridIds or states', async () => {
    expect(await t.store.listTickets({ gridIds: [] })).toEqual({ items: [], next: null })
    expect(await t.store.listTickets({ states: [], reporterId: 'u1' })).toEqual({ items: [], next: null })
    expect(t.fake.calls).toEqual([])
  })

  it('pages newest first with ties on createdAt broken by id, nothing lost or repeated', async () => {
    const at = (d: number) => `2025-03-0${d}T00:00:00.000Z`
    t.fake.seed('tickets', [1, 2, 2, 2, 3, 3, 4].map((d, i) => aTicket({ id: `t${i}`, reporterId: 'u1', createdAt: at(d) })))
    const ids: string[] = []
    let cursor: string | null = null
    for (let i = 0; i < 10; i++) {
      const page: Awaited<ReturnType<typeof t.store.listTickets>> = await t.store.listTickets({ reporterId: 'u1', limit: 2, cursor })
      ids.push(...page.items.map((x) => x.id))
      if (!(cursor = page.next)) break
    }
    expect(ids).toEqual(['t6', 't5', 't4', 't3', 't2', 't1', 't0'])
    expect(t.fake.calls[1].query).toEqual({ $and: [
      { reporterId: 'u1' },
      { $or: [{ createdAt: { $lt: at(3) } }, { createdAt: at(3), id: { $lt: 't5' } }] }
    ] })
  })

  it('lists a ticket timeline oldest first', async () => {
    t.fake.seed('ticket_events', [aTicketEvent({ id: 'b', at: '2025-03-02T00:00:00.000Z' }), aTicketEvent({ id: 'a' }), aTicketEvent({ id: 'x', ticketId: 't9' })])
    expect((await t.store.listTicketEvents('t1', {})).items.map((e) => e.id)).toEqual(['a', 'b'])
    expect(t.fake.calls[0]).toMatchObject({ collection: 'ticket_events', query: { ticketId: 't1' }, order: [['at', 1], ['id', 1]] })
  })
})

describe('CloudBase store: other lists send their filter and order', () => {
  it.each([
    ['listEvents', (s: typeof t.store) => s.listEvents({ fromIso: '2025-03-01T00:00:00.000Z' }), 'events',
      { startAt: { $gte: '2025-03-01T00:00:00.000Z' } }, [['startAt', 1], ['id', 1]]],
    ['listEvents of an organiser, before a time', (s: typeof t.store) => s.listEvents({ fromIso: 'a', toIso: 'b', organizerId: 'u9' }), 'events',
      { $and: [{ startAt: { $gte: 'a' } }, { startAt: { $lt: 'b' } }, { organizerId: 'u9' }] }, [['startAt', 1], ['id', 1]]],
    ['listSignups', (s: typeof t.store) => s.listSignups({ eventId: 'e1', userId: 'u1' }), 'signups',
      { eventId: 'e1', userId: 'u1' }, [['createdAt', 1], ['id', 1]]],
    ['listSignups by status', (s: typeof t.store) => s.listSignups({ eventId: 'e1', statuses: ['waitlisted', 'offered'] }), 'signups',
      { eventId: 'e1', status: { $in: ['waitlisted', 'offered'] } }, [['createdAt', 1], ['id', 1]]],
    ['listCertificates', (s: typeof t.store) => s.listCertificates({ userId: 'u1' }), 'certificates',
      { userId: 'u1' }, [['issuedAt', -1], ['number', -1]]],
    ['listSurveys', (s: typeof t.store) => s.listSurveys({}), 'surveys', undefined, [['createdAt', -1], ['id', -1]]],
    ['listResponses', (s: typeof t.store) => s.listResponses({ surveyId: 'sv1', fromIso: 'a', toIso: 'b' }), 'responses',
      { $and: [{ surveyId: 'sv1' }, { at: { $gte: 'a' } }, { at: { $lt: 'b' } }] }, [['at', 1], ['id', 1]]],
    ['listMessages', (s: typeof t.store) => s.listMessages({ userId: 'u1', limit: 5 }), 'messages',
      { userId: 'u1' }, [['at', -1], ['id', -1]]]
  ])('%s', async (_name, run, collection, query, order) => {
    await run(t.store)
    expect(t.fake.calls).toEqual([{ action: 'database.getDocument', collection, queryType: 'WHERE', query, order, limit: expect.any(Number) }])
  })

  it('counts who waits with one count per event asked', async () => {
    t.fake.seed('signups', [aSignup({ status: 'waitlisted' }), aSignup({ userId: 'u2', status: 'waitlisted' }), aSignup({ userId: 'u3', status: 'offered' })])
    expect(await t.store.waitlistLengths(['e1', 'e2'])).toEqual({ e1: 2, e2: 0 })
    expect(t.fake.calls.map((c) => [c.action, c.collection, c.query])).toEqual([
      ['database.calculateDocument', 'signups', { eventId: 'e1', status: 'waitlisted' }],
      ['database.calculateDocument', 'signups', { eventId: 'e2', status: 'waitlisted' }]
    ])
  })

  it('reads profiles and certificates by their key, and adds a certificate under its number once', async () => {
    t.fake.seed('volunteers', [{ _id: 'u1', userId: 'u1', volunteerNo: 'V1' }])
    expect(await t.store.getVolunteer('u1')).toEqual({ userId: 'u1', volunteerNo: 'V1' })
    expect(await t.store.getVolunteer('u2')).toBeNull()
    const certificate: Certificate = {
      number: 'ZZ2025-000001', checkCode: 'K7Q2M9', userId: 'u1', issuedAt: '2025-03-01T08:00:00.000Z', realName: '王小明',
      volunteerNo: 'V1', earnedHours: 2, manualHours: 0, serviceCount: 1, firstServiceAt: null, lastServiceAt: null, topics: [], records: [],
      issuer: { organisation: '清波街道文明办', personInCharge: '李主任', handler: '张干事', contact: '0571-88888888' }
    }
    expect(await t.store.addCertificate(certificate)).toBe(true)
    expect(await t.store.addCertificate({ ...certificate, userId: 'u2' })).toBe(false)
    expect(t.fake.docs('certificates')).toEqual([{ ...certificate, _id: 'ZZ2025-000001' }])
    expect(await t.store.getCertificate('ZZ2025-000001')).toEqual(certificate)
  })

  it('returns stored signups, responses and messages as entities', async () => {
    t.fake.seed('signups', [{ ...aSignup(), _id: 'e1:u1' }])
    t.fake.seed('responses', [{ ...aResponse(), _id: 'sv1:u1' }])
    t.fake.seed('messages', [aMessage(), aMessage({ id: 'm2', at: '2025-03-09T00:00:00.000Z' })])
    expect((await t.store.listSignups({ eventId: 'e1' })).items).toEqual([aSignup()])
    expect((await t.store.listResponses({ surveyId: 'sv1' })).items).toEqual([aResponse()])
    expect((await t.store.listMessages({ userId: 'u1' })).items.map((m) => m.id)).toEqual(['m2', 'm1'])
  })
})

describe('CloudBase store: errors and setup', () => {
  it('surfaces an SDK error code in a thrown CloudbaseError', async () => {
    t.fake.failNext('database.getDocument', 'DATABASE_PERMISSION_DENIED', 'permission denied')
    const err = await t.store.listGrids({}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(CloudbaseError)
    expect(err).toMatchObject({ code: 'DATABASE_PERMISSION_DENIED', message: expect.stringContaining('DATABASE_PERMISSION_DENIED') })
  })

  it('does not mistake other write errors for duplicates', async () => {
    t.fake.failNext('database.insertDocument', 'DATABASE_REQUEST_FAILED', 'busy')
    await expect(t.store.addMessage(aMessage())).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
    await expect(t.store.addMessage(aMessage())).resolves.toBe(true)
    await expect(t.store.addMessage(aMessage())).resolves.toBe(false) // same id again: a no-op
    expect(t.fake.docs('messages')).toHaveLength(1)
  })

  it('creates missing collections, refuses to clear unprefixed ones, clears prefixed ones', async () => {
    const app = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' })
    t.fake.seed('tickets', [])
    const created = await createCloudbaseCollections({ app })
    expect(created).not.toContain('tickets')
    expect(created).toContain('ticket_keys')
    await expect(clearCloudbaseCollections({ app })).rejects.toThrow(/collectionPrefix/)
    t.fake.seed('ct_users', [aUser()])
    await clearCloudbaseCollections({ app, collectionPrefix: 'ct_' })
    expect(t.fake.docs('ct_users')).toEqual([])
    expect(t.fake.calls.filter((c) => c.action === 'database.removeDocument')).toHaveLength(ALL_COLLECTIONS.length)
  })

  it('builds its own app from env and credentials, and applies the collection prefix', async () => {
    const store = createCloudbaseStore({ env: 'test-env', secretId: 'x', secretKey: 'y', collectionPrefix: 'p_' })
    t.fake.seed('p_categories', [aCategory()])
    expect((await store.listCategories({})).items).toEqual([aCategory()])
    expect(t.fake.calls[0].collection).toBe('p_categories')
  })
})
