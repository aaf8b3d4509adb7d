import * as tcb from '@cloudbase/node-sdk'
import type { PhotoReview } from '../../../core/types'
import type { Store } from '../../ports/store'
import type { ReportFiling, TicketChange } from '../../ports/tickets'
import { createCloudbaseStore } from './index'
import { aMessage, aTicket, aTicketEvent, useFakeCloudbase } from './testing/test-support'

const PATIENCE_MS = 20
const t = useFakeCloudbase({ filingPatienceMs: PATIENCE_MS })

const aReview = (o: Partial<PhotoReview> = {}): PhotoReview =>
  ({ fileId: 'f1', ownerId: 'u1', status: 'pending', traceId: 'trace-f1', at: '2025-03-01T08:00:00.000Z', ...o })

const aFiling = (o: Partial<ReportFiling> = {}): ReportFiling => ({
  ticket: aTicket(),
  event: aTicketEvent(),
  rate: { keys: ['rate:u1:h', 'rate:u1:d'], admit: () => true },
  photoReviews: [aReview()],
  messages: [aMessage({ id: 'm1', ticketId: 't1' })],
  ...o
})

const dispatch = { state: 'dispatched' as const, assigneeId: 'm1', dispatchedAt: '2025-03-01T09:00:00.000Z', location: { lng: 1, lat: 2 } }

const aChange = (o: Partial<TicketChange> = {}): TicketChange => ({
  id: 't1',
  expectedVersion: 1,
  patch: dispatch,
  event: aTicketEvent({ id: 'te2', action: 'dispatch', fromState: 'triage', toState: 'dispatched' }),
  photoReviews: [],
  follows: null,
  messages: [],
  ...o
})

/** Another store on the same fake whose collections carry `prefix`: a clean world per crash scenario. */
const storeAt = (prefix: string): Store => createCloudbaseStore({
  app: tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' }), collectionPrefix: prefix, filingPatienceMs: PATIENCE_MS
})

const COLLECTIONS = ['tickets', 'ticket_keys', 'ticket_events', 'ticket_followers', 'messages', 'photo_reviews', 'counters']
const stateOf = (prefix: string) => Object.fromEntries(COLLECTIONS.map((c) =>
  [c, t.fake.docs(prefix + c).sort((a, b) => String(a._id).localeCompare(String(b._id)))]))

/** Requests `run` sends, and the index of the first one `isCommit` recognises. */
async function requestsOf (run: () => Promise<unknown>, isCommit: (c: typeof t.fake.calls[number]) => boolean): Promise<{ total: number; commit: number }> {
  const before = t.fake.calls.length
  await run()
  const calls = t.fake.calls.slice(before)
  const commit = calls.findIndex(isCommit)
  expect(commit).toBeGreaterThanOrEqual(0)
  return { total: calls.length, commit }
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)

describe('CloudBase store: fileReport as ordered steps', () => {
  it('reserves the key, counts, records the decision, adds the ticket with its outbox, flushes it and clears it', async () => {
    expect(await t.store.fileReport(aFiling())).toEqual({ outcome: 'filed', ticket: aTicket() })
    expect(t.fake.actions()).toEqual([
      'database.insertDocument ticket_keys',
      'database.modifyAndReturnDoc counters', 'database.insertDocument counters',
      'database.modifyAndReturnDoc counters', 'database.insertDocument counters',
      'database.modifyDocument ticket_keys',
      'database.insertDocument tickets',
      'database.insertDocument ticket_events', 'database.insertDocument photo_reviews', 'database.insertDocument messages',
      'database.modifyDocument tickets'
    ])
    expect(t.fake.calls[0].data).toEqual([{ _id: 'u1:req-1', ticketId: 't1', at: aTicket().createdAt, state: 'counting', attempt: 't1' }])
    expect(t.fake.calls[5]).toMatchObject({ query: { _id: 'u1:req-1', state: 'counting', attempt: 't1' }, data: { $set: { state: 'admitted' } } })
    expect(t.fake.calls[6].data).toEqual([{
      ...aTicket(), _id: 't1', outboxId: 'te1',
      outbox: { version: 1, event: aTicketEvent(), photoReviews: [aReview()], follows: null, messages: [aMessage({ id: 'm1', ticketId: 't1' })] }
    }])
    expect(t.fake.calls[10]).toMatchObject({ query: { _id: 't1', version: 1 }, data: { $set: { outbox: null, outboxId: null } } })
    expect(t.fake.docs('tickets')).toEqual([{ ...aTicket(), _id: 't1', outbox: null, outboxId: null }])
  })

  it('marks a refused filing refused on its reservation and adds nothing else', async () => {
    const res = await t.store.fileReport(aFiling({ rate: { keys: ['rate:u1:h'], admit: () => false } }))
    expect(res).toEqual({ outcome: 'refused', counts: [1] })
    expect(t.fake.calls.at(-1)).toMatchObject({ collection: 'ticket_keys', query: { _id: 'u1:req-1', state: 'counting', attempt: 't1' }, data: { $set: { state: 'refused' } } })
    expect(t.fake.docs('tickets')).toEqual([])
    expect(t.fake.docs('messages')).toEqual([])
  })

  it('answers a retry of a filed request from the reservation and the ticket, with nothing counted', async () => {
    await t.store.fileReport(aFiling())
    t.fake.calls.length = 0
    const retry = await t.store.fileReport(aFiling({ ticket: aTicket({ id: 't2', description: '重复提交' }), event: aTicketEvent({ id: 'te9', ticketId: 't2' }) }))
    expect(retry).toEqual({ outcome: 'existing', ticket: aTicket() })
    expect(t.fake.actions()).toEqual(['database.insertDocument ticket_keys', 'database.getDocument ticket_keys', 'database.getDocument tickets'])
  })

  it('takes a refused reservation over with a conditional update and points it at the new attempt', async () => {
    await t.store.fileReport(aFiling({ rate: { keys: ['k'], admit: () => false } }))
    t.fake.calls.length = 0
    const later = aFiling({ ticket: aTicket({ id: 't2' }), event: aTicketEvent({ id: 'te2', ticketId: 't2' }), rate: { keys: ['k'], admit: () => true } })
    expect(await t.store.fileReport(later)).toEqual({ outcome: 'filed', ticket: aTicket({ id: 't2' }) })
    expect(t.fake.calls[2]).toMatchObject({
      collection: 'ticket_keys', query: { _id: 'u1:req-1', state: 'refused' }, data: { $set: { state: 'counting', attempt: 't2', ticketId: 't2' } }
    })
    expect(t.fake.docs('counters')).toEqual([{ _id: 'k', value: 2 }])
  })

  it('presumes a holder that never decided dead after the patience, and counts and files the new attempt instead', async () => {
    t.fake.seed('ticket_keys', [{ _id: 'u1:req-1', ticketId: 't1', at: aTicket().createdAt, state: 'counting', attempt: 't1' }])
    const res = await t.store.fileReport(aFiling({ ticket: aTicket({ id: 't2' }), event: aTicketEvent({ id: 'te2', ticketId: 't2' }) }))
    expect(res).toEqual({ outcome: 'filed', ticket: aTicket({ id: 't2' }) })
    const takeover = t.fake.calls.find((c) => c.collection === 'ticket_keys' && c.action === 'database.modifyDocument')
    expect(takeover).toMatchObject({ query: { _id: 'u1:req-1', state: 'counting', attempt: 't1' }, data: { $set: { attempt: 't2', ticketId: 't2' }, $inc: { takeovers: 1 } } })
    expect(t.fake.docs('counters').map((c) => c.value)).toEqual([1, 1])
  })

  it('takes over its own undecided reservation when the very same attempt comes back after a crash mid-count', async () => {
    t.fake.seed('ticket_keys', [{ _id: 'u1:req-1', ticketId: 't1', at: aTicket().createdAt, state: 'counting', attempt: 't1' }])
    expect(await t.store.fileReport(aFiling())).toEqual({ outcome: 'filed', ticket: aTicket() })
    expect(t.fake.docs('ticket_keys')).toMatchObject([{ state: 'admitted', attempt: 't1', takeovers: 1 }])
  })

  it('finishes an admitted filing whose holder died before the commit, under the reserved id and uncounted', async () => {
    t.fake.seed('ticket_keys', [{ _id: 'u1:req-1', ticketId: 't1', at: aTicket().createdAt, state: 'admitted', attempt: 't1' }])
    const retry = aFiling({
      ticket: aTicket({ id: 't2' }), event: aTicketEvent({ id: 'te2', ticketId: 't2' }), messages: [aMessage({ id: 'm2', ticketId: 't2' })]
    })
    expect(await t.store.fileReport(retry)).toEqual({ outcome: 'filed', ticket: aTicket({ id: 't1' }) })
    expect(t.fake.docs('counters')).toEqual([])
    expect(t.fake.docs('ticket_events')).toEqual([{ ...aTicketEvent({ id: 'te2', ticketId: 't1' }), _id: 'te2' }])
    expect(t.fake.docs('messages')).toEqual([{ ...aMessage({ id: 'm2', ticketId: 't1' }), _id: 'm2' }])
  })

  it('never files an attempt that arrives while the holder is still counting and then refuses: it counts itself', async () => {
    t.fake.seed('ticket_keys', [{ _id: 'u1:req-1', ticketId: 't1', at: aTicket().createdAt, state: 'counting', attempt: 't1' }])
    t.fake.seed('counters', [{ _id: 'rate:u1:h', value: 5 }])
    t.fake.beforeNext('database.getDocument', () => {})
    t.fake.beforeNext('database.getDocument', () => {
      t.fake.seed('ticket_keys', [{ _id: 'u1:req-1', ticketId: 't1', at: aTicket().createdAt, state: 'refused', attempt: 't1' }])
    })
    const overLimit = aFiling({ ticket: aTicket({ id: 't2' }), rate: { keys: ['rate:u1:h'], admit: ([h]) => (h ?? 0) <= 5 } })
    expect(await t.store.fileReport(overLimit)).toEqual({ outcome: 'refused', counts: [6] })
    expect(t.fake.docs('tickets')).toEqual([])
    expect(t.fake.docs('ticket_keys')).toMatchObject([{ state: 'refused', attempt: 't2' }])
  })

  it('when the holder lands the ticket while a second attempt waits, answers that ticket', async () => {
    t.fake.seed('ticket_keys', [{ _id: 'u1:req-1', ticketId: 't1', at: aTicket().createdAt, state: 'counting', attempt: 't1' }])
    // The holder decides and commits just before the waiting attempt reads the reservation again.
    t.fake.beforeNext('database.getDocument', () => {})
    t.fake.beforeNext('database.getDocument', () => {
      t.fake.seed('ticket_keys', [{ _id: 'u1:req-1', ticketId: 't1', at: aTicket().createdAt, state: 'admitted', attempt: 't1' }])
      t.fake.seed('tickets', [{ ...aTicket({ description: '先到的' }), outbox: null, outboxId: null }])
    })
    const res = await t.store.fileReport(aFiling({ ticket: aTicket({ id: 't2' }) }))
    expect(res).toEqual({ outcome: 'existing', ticket: aTicket({ description: '先到的' }) })
    expect(t.fake.docs('counters')).toEqual([])
    expect(t.fake.docs('tickets')).toHaveLength(1)
  })
})

describe('CloudBase store: changeTicket as ordered steps', () => {
  it('commits with where({ _id, version }) — $set patch and outbox, $inc version — then flushes and clears', async () => {
    t.fake.seed('tickets', [aTicket({ version: 3 })])
    const change = aChange({ expectedVersion: 3, messages: [aMessage({ id: 'm2' })] })
    expect(await t.store.changeTicket(change)).toEqual(aTicket({ ...dispatch, version: 4 }))
    expect(t.fake.actions()).toEqual([
      'database.getDocument tickets', 'database.modifyDocument tickets',
      'database.insertDocument ticket_events', 'database.insertDocument messages', 'database.modifyDocument tickets'
    ])
    expect(t.fake.calls[1]).toEqual({
      action: 'database.modifyDocument', collection: 'tickets', queryType: 'WHERE', query: { _id: 't1', version: 3 },
      multi: true, merge: true, upsert: false,
      data: {
        $set: { ...dispatch, outbox: { version: 4, event: change.event, photoReviews: [], follows: null, messages: change.messages }, outboxId: 'te2' },
        $inc: { version: 1 }
      }
    })
    expect(t.fake.calls[4]).toMatchObject({ query: { _id: 't1', version: 4 }, data: { $set: { outbox: null, outboxId: null } } })
    expect(t.fake.docs('tickets')[0]).toMatchObject({ ...dispatch, version: 4, outbox: null })
  })

  it('never lets the patch touch id or version', async () => {
    t.fake.seed('tickets', [aTicket()])
    const updated = await t.store.changeTicket(aChange({ patch: { id: 'evil', version: 99, overdue: true } }))
    expect(updated).toMatchObject({ id: 't1', version: 2, overdue: true })
    expect((t.fake.calls[1].data as { $set: object }).$set).not.toHaveProperty('id')
    expect((t.fake.calls[1].data as { $set: object }).$set).not.toHaveProperty('version')
  })

  it('returns null with only a read when the version read is already different, or the ticket is missing', async () => {
    t.fake.seed('tickets', [aTicket({ version: 4 })])
    expect(await t.store.changeTicket(aChange({ expectedVersion: 3 }))).toBeNull()
    expect(await t.store.changeTicket(aChange({ id: 'nope' }))).toBeNull()
    expect(t.fake.actions()).toEqual(['database.getDocument tickets', 'database.getDocument tickets'])
  })

  it('returns null and writes nothing when another writer bumps the version first (updated: 0)', async () => {
    t.fake.seed('tickets', [aTicket({ version: 3 })])
    t.fake.beforeNext('database.modifyDocument', () => t.fake.seed('tickets', [aTicket({ version: 4, state: 'closed' })]))
    expect(await t.store.changeTicket(aChange({ expectedVersion: 3, messages: [aMessage()] }))).toBeNull()
    expect(t.fake.docs('ticket_events')).toEqual([])
    expect(t.fake.docs('messages')).toEqual([])
    expect(t.fake.docs('tickets')[0]).toMatchObject({ version: 4, state: 'closed' })
  })

  it('flushes an outbox a crash left on the ticket before committing its own', async () => {
    const left = { version: 2, event: aTicketEvent({ id: 'te-left' }), photoReviews: [], follows: null, messages: [aMessage({ id: 'm-left' })] }
    t.fake.seed('tickets', [{ ...aTicket({ version: 2 }), outbox: left, outboxId: 'te-left' }])
    expect(await t.store.getTicket('t1')).toEqual(aTicket({ version: 2 }))
    expect(await t.store.changeTicket(aChange({ expectedVersion: 2 }))).toEqual(aTicket({ ...dispatch, version: 3 }))
    expect(t.fake.docs('ticket_events').map((e) => e._id)).toEqual(['te-left', 'te2'])
    expect(t.fake.docs('messages').map((m) => m._id)).toEqual(['m-left'])
    expect(t.fake.docs('tickets')[0]).toMatchObject({ version: 3, outbox: null, outboxId: null })
  })

  it('strips the outbox from every ticket it returns', async () => {
    const pending = { version: 1, event: aTicketEvent(), photoReviews: [], follows: null, messages: [] }
    t.fake.seed('tickets', [{ ...aTicket(), outbox: pending, outboxId: 'te1', followsCounted: ['te0'] }])
    t.fake.seed('ticket_followers', [{ _id: 't1:u2', ticketId: 't1', userId: 'u2', at: aTicket().createdAt }])
    expect(await t.store.getTicket('t1')).toEqual(aTicket())
    expect(await t.store.getTicketByRequest('u1', 'req-1')).toEqual(aTicket())
    expect((await t.store.listTickets({})).items).toEqual([aTicket()])
    expect((await t.store.listFollowed('u2', {})).items).toEqual([aTicket()])
  })
})

describe('CloudBase store: carried followers are counted once per unit', () => {
  it('adds each link with by: the unit, counts the unit’s links, and $incs once guarded by followsCounted', async () => {
    t.fake.seed('tickets', [aTicket({ id: 'dup' }), aTicket({ id: 'orig', clientRequestId: 'req-o' })])
    t.fake.seed('ticket_followers', [{ _id: 'orig:u1', ticketId: 'orig', userId: 'u1', at: 'x' }])
    const change = aChange({ id: 'dup', patch: { state: 'closed', closeReason: 'duplicate', mergedInto: 'orig' }, follows: { ticketId: 'orig', userIds: ['u1', 'u2', 'u3'], at: 'y' } })
    await t.store.changeTicket(change)
    const guarded = t.fake.calls.find((c) => c.action === 'database.modifyDocument' && (c.query as { _id?: string })._id === 'orig')
    expect(guarded).toMatchObject({ query: { _id: 'orig', followsCounted: { $ne: 'te2' } }, data: { $inc: { followers: 2 }, $push: { followsCounted: { $each: ['te2'] } } } })
    expect(t.fake.calls.find((c) => c.action === 'database.calculateDocument')).toMatchObject({ collection: 'ticket_followers', query: { ticketId: 'orig', by: 'te2' } })
    expect(t.fake.docs('tickets').find((d) => d._id === 'orig')).toMatchObject({ followers: 2, followsCounted: ['te2'], version: 1 })
  })
})

describe('CloudBase store: a crash between the commit point and the end of the flush', () => {
  const merge = aChange({
    id: 'dup',
    patch: { state: 'closed', closeReason: 'duplicate', mergedInto: 'orig' },
    event: aTicketEvent({ id: 'te-merge', ticketId: 'dup', action: 'merge' }),
    photoReviews: [aReview({ fileId: 'f-after' })],
    follows: { ticketId: 'orig', userIds: ['u1', 'u2', 'u3'], at: '2025-03-02T00:00:00.000Z' },
    messages: [aMessage({ id: 'm-a', userId: 'u2', ticketId: 'orig' }), aMessage({ id: 'm-b', userId: 'u3', ticketId: 'orig' })]
  })
  const next = aChange({ id: 'dup', expectedVersion: 2, patch: { overdue: true }, event: aTicketEvent({ id: 'te-late', ticketId: 'dup' }) })

  const setUp = async (store: Store): Promise<void> => {
    await store.fileReport(aFiling({ ticket: aTicket({ id: 'dup' }), event: aTicketEvent({ id: 'te-dup', ticketId: 'dup' }), messages: [], photoReviews: [] }))
    await store.fileReport(aFiling({
      ticket: aTicket({ id: 'orig', clientRequestId: 'req-o' }), event: aTicketEvent({ id: 'te-orig', ticketId: 'orig' }), messages: [], photoReviews: []
    }))
    await store.follow('orig', 'u1', '2025-03-01T09:00:00.000Z')
  }
  // A test that fails mid-loop must not leave the next one with a cut transport.
  afterEach(() => { t.fake.heal() })

  const isCommit = (c: typeof t.fake.calls[number]) =>
    c.action === 'database.modifyDocument' && !!(c.data as { $inc?: { version?: number } }).$inc?.version

  it('changeTicket: recover() finishes the unit exactly once, wherever the flush stopped', async () => {
    const ref = storeAt('ref_')
    await setUp(ref)
    const { total, commit } = await requestsOf(() => ref.changeTicket(merge), isCommit)
    const cuts = range(commit + 1, total)
    expect(cuts.length).toBeGreaterThanOrEqual(8)
    for (const answered of cuts) {
      const prefix = `cut${answered}_`
      const store = storeAt(prefix)
      await setUp(store)
      t.fake.cutAfter(answered)
      await expect(store.changeTicket(merge)).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
      t.fake.heal()
      // Committed: readers already see the change, before all it brings has landed.
      expect(await store.getTicket('dup')).toMatchObject({ state: 'closed', mergedInto: 'orig', version: 2 })
      expect(await store.recover()).toBe(1)
      expect(await store.recover()).toBe(0)
      expect(stateOf(prefix)).toEqual(stateOf('ref_'))
    }
    expect(stateOf('ref_').tickets.find((d) => d._id === 'orig')).toMatchObject({ followers: 3 })
  }, 60_000) // many cut points, each a full unit over the faked HTTP API: slow on a busy machine, not a timing check

  it('changeTicket: the next change of the ticket finishes the unit first, exactly once', async () => {
    const ref = storeAt('ref2_')
    await setUp(ref)
    const { total, commit } = await requestsOf(() => ref.changeTicket(merge), isCommit)
    expect(await ref.changeTicket(next)).toMatchObject({ overdue: true, version: 3 })
    for (const answered of range(commit + 1, total)) {
      const prefix = `nx${answered}_`
      const store = storeAt(prefix)
      await setUp(store)
      t.fake.cutAfter(answered)
      await expect(store.changeTicket(merge)).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
      t.fake.heal()
      expect(await store.changeTicket(next)).toMatchObject({ overdue: true, version: 3 })
      expect(await store.recover()).toBe(0)
      expect(stateOf(prefix)).toEqual(stateOf('ref2_'))
    }
  }, 60_000) // many cut points, each a full unit over the faked HTTP API: slow on a busy machine, not a timing check

  it('changeTicket: a crash before the commit point leaves nothing to recover and nothing written', async () => {
    const store = storeAt('pre_')
    await setUp(store)
    const before = stateOf('pre_')
    t.fake.cutAfter(1) // the read went through, the commit never arrived
    await expect(store.changeTicket(merge)).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
    t.fake.heal()
    expect(t.fake.calls.at(-1)).toMatchObject({ action: 'database.getDocument', collection: 'pre_tickets' })
    expect(await store.recover()).toBe(0)
    expect(stateOf('pre_')).toEqual(before)
  })

  it('fileReport: recover() — or the retry — finishes the filing exactly once, wherever the flush stopped', async () => {
    const filing = aFiling({ photoReviews: [aReview()], messages: [aMessage({ id: 'm1', ticketId: 't1' }), aMessage({ id: 'm2', userId: 'u9', ticketId: 't1' })] })
    const ref = storeAt('fref_')
    const { total, commit } = await requestsOf(() => ref.fileReport(filing),
      (c) => c.action === 'database.insertDocument' && c.collection === 'fref_tickets')
    for (const answered of range(commit + 1, total)) {
      for (const finish of ['recover', 'retry'] as const) {
        const prefix = `f${finish}${answered}_`
        const store = storeAt(prefix)
        t.fake.cutAfter(answered)
        await expect(store.fileReport(filing)).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
        t.fake.heal()
        if (finish === 'recover') expect(await store.recover()).toBe(1)
        else expect(await store.fileReport(filing)).toEqual({ outcome: 'existing', ticket: aTicket() })
        expect(await store.recover()).toBe(0)
        expect(stateOf(prefix)).toEqual(stateOf('fref_'))
      }
    }
  }, 60_000) // many cut points, each a full unit over the faked HTTP API: slow on a busy machine, not a timing check

  it('fileReport: a crash after the decision but before the commit is finished by the retry without counting again', async () => {
    const filing = aFiling()
    const ref = storeAt('gref_')
    const { commit } = await requestsOf(() => ref.fileReport(filing),
      (c) => c.action === 'database.insertDocument' && c.collection === 'gref_tickets')
    const store = storeAt('g_')
    t.fake.cutAfter(commit) // everything up to the commit point, which never arrives
    await expect(store.fileReport(filing)).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
    t.fake.heal()
    expect(t.fake.docs('g_ticket_keys')).toMatchObject([{ state: 'admitted' }])
    expect(await store.recover()).toBe(0)
    expect(await store.fileReport(filing)).toEqual({ outcome: 'filed', ticket: aTicket() })
    expect(stateOf('g_')).toEqual(stateOf('gref_'))
  }, 60_000) // many cut points, each a full unit over the faked HTTP API: slow on a busy machine, not a timing check

  it('a second flush does not undo a verdict WeChat pushed between the two', async () => {
    const ref = storeAt('v_')
    const filing = aFiling({ photoReviews: [aReview()], messages: [] })
    const { total } = await requestsOf(() => storeAt('v_probe_').fileReport(filing),
      (c) => c.action === 'database.insertDocument' && c.collection === 'v_probe_photo_reviews')
    t.fake.cutAfter(total - 1) // all but the clear of the outbox
    await expect(ref.fileReport(filing)).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
    t.fake.heal()
    expect(await ref.settlePhotoReview('trace-f1', 'passed', '2025-03-01T08:05:00.000Z')).toMatchObject({ status: 'passed' })
    expect(await ref.recover()).toBe(1)
    expect(await ref.getPhotoReviews(['f1'])).toEqual([aReview({ status: 'passed', at: '2025-03-01T08:05:00.000Z' })])
  })
})
