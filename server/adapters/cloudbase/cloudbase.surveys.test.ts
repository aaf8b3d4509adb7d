import type { SurveyResponse } from '../../../core/types'
import { createCloudbaseStore } from './index'
import { aResponse, useFakeCloudbase } from './testing/test-support'

/*
 * What addResponse, getResponse and listSurveys send, and what a lost race or a crash between the quota's two
 * steps leaves (surveys.ts's header comment is the full account). The shared contract proves the outcomes.
 */
const t = useFakeCloudbase()

const KEY = 'quota:sv1:110101:*'
const quota = (limit: number) => ({ key: KEY, limit })
const answer = (userId: string, o: Partial<SurveyResponse> = {}) => aResponse({ id: `r-${userId}`, userId, ...o })
const counted = () => t.fake.docs('counters').find((d) => d._id === KEY)?.value
const stored = () => t.fake.docs('responses').map((d) => d._id).sort()

describe('CloudBase store: listSurveys', () => {
  it('filters by statuses with $in, newest first', async () => {
    await t.store.listSurveys({ statuses: ['open', 'closed'], limit: 5 })
    expect(t.fake.calls).toEqual([{
      action: 'database.getDocument', collection: 'surveys', queryType: 'WHERE',
      query: { status: { $in: ['open', 'closed'] } }, order: [['createdAt', -1], ['id', -1]], limit: 6
    }])
  })

  it('answers an empty page without a request for empty statuses', async () => {
    expect(await t.store.listSurveys({ statuses: [] })).toEqual({ items: [], next: null })
    expect(t.fake.calls).toEqual([])
  })
})

describe('CloudBase store: addResponse and getResponse', () => {
  it('without a quota, or for a test response, is one add keyed by survey and person, and counts nothing', async () => {
    expect(await t.store.addResponse(answer('u1'))).toBe('added')
    expect(await t.store.addResponse(answer('u1'))).toBe('duplicate')
    expect(await t.store.addResponse(answer('staff', { test: true }), quota(1))).toBe('added')
    expect(t.fake.actions()).toEqual(['database.insertDocument responses', 'database.insertDocument responses', 'database.insertDocument responses'])
    expect(t.fake.calls[0].data).toEqual([{ ...answer('u1'), _id: 'sv1:u1' }])
    expect(t.fake.docs('counters')).toEqual([])
  })

  it('getResponse reads the one document by its _id', async () => {
    t.fake.seed('responses', [{ ...answer('u1'), _id: 'sv1:u1' }])
    expect(await t.store.getResponse('sv1', 'u1')).toEqual(answer('u1'))
    expect(await t.store.getResponse('sv1', 'u2')).toBeNull()
    expect(t.fake.calls.map((c) => c.query)).toEqual([{ _id: 'sv1:u1' }, { _id: 'sv1:u2' }])
  })

  it('with a quota: reads the person’s response, takes a place by conditional $inc (creating the counter), then adds', async () => {
    expect(await t.store.addResponse(answer('u1'), quota(3))).toBe('added')
    expect(t.fake.actions()).toEqual([
      'database.getDocument responses', 'database.modifyDocument counters', 'database.insertDocument counters', 'database.insertDocument responses'
    ])
    expect(t.fake.calls[1]).toMatchObject({ query: { _id: KEY, value: { $lt: 3 } }, data: { $inc: { value: 1 } } })
    expect(t.fake.calls[2].data).toEqual([{ _id: KEY, value: 1 }])
    expect(counted()).toBe(1)

    t.fake.calls.length = 0
    expect(await t.store.addResponse(answer('u2'), quota(3))).toBe('added')
    expect(t.fake.actions()).toEqual(['database.getDocument responses', 'database.modifyDocument counters', 'database.insertDocument responses'])
    expect(counted()).toBe(2)
  })

  it('a retry of a counted person touches no count', async () => {
    t.fake.seed('counters', [{ _id: KEY, value: 1 }])
    t.fake.seed('responses', [{ ...answer('u1'), _id: 'sv1:u1' }])
    expect(await t.store.addResponse(answer('u1'), quota(3))).toBe('duplicate')
    expect(t.fake.actions()).toEqual(['database.getDocument responses'])
    expect(counted()).toBe(1)
  })

  it('a full cell stores nothing, and a retry of someone already in it is still a duplicate', async () => {
    t.fake.seed('counters', [{ _id: KEY, value: 2 }])
    t.fake.seed('responses', [{ ...answer('u1'), _id: 'sv1:u1' }, { ...answer('u2'), _id: 'sv1:u2' }])
    expect(await t.store.addResponse(answer('u3'), quota(2))).toBe('quota_full')
    expect(t.fake.actions()).toEqual([
      'database.getDocument responses', 'database.modifyDocument counters', 'database.insertDocument counters',
      'database.modifyDocument counters', 'database.getDocument responses'
    ])
    // The person's own response landed between the first read and the full cell (a concurrent request of theirs).
    t.fake.beforeNext('database.modifyDocument', () => t.fake.seed('responses', [{ ...answer('u4'), _id: 'sv1:u4' }]))
    expect(await t.store.addResponse(answer('u4'), quota(2))).toBe('duplicate')
    expect(counted()).toBe(2)
    expect(stored()).toEqual(['sv1:u1', 'sv1:u2', 'sv1:u4'])
  })

  it('a limit of 0 refuses without creating a counter', async () => {
    expect(await t.store.addResponse(answer('u1'), quota(0))).toBe('quota_full')
    expect(t.fake.docs('counters')).toEqual([])
    expect(stored()).toEqual([])
  })

  it('when another caller creates the counter first, takes the place on top of theirs', async () => {
    t.fake.beforeNext('database.insertDocument', () => t.fake.seed('counters', [{ _id: KEY, value: 1 }]))
    expect(await t.store.addResponse(answer('u1'), quota(2))).toBe('added')
    expect(counted()).toBe(2)
  })

  it('gives the place back when a concurrent request of the same person added first', async () => {
    t.fake.seed('counters', [{ _id: KEY, value: 1 }])
    t.fake.beforeNext('database.insertDocument', () => t.fake.seed('responses', [{ ...answer('u1', { id: 'r-other' }), _id: 'sv1:u1' }]))
    expect(await t.store.addResponse(answer('u1'), quota(3))).toBe('duplicate')
    expect(t.fake.calls.at(-1)).toMatchObject({ action: 'database.modifyDocument', collection: 'counters', query: { _id: KEY }, data: { $inc: { value: -1 } } })
    expect(counted()).toBe(1)
    expect((await t.store.getResponse('sv1', 'u1'))?.id).toBe('r-other')
  })

  it('keeps the place when the add fails otherwise: it may have landed, and the cell must not overfill', async () => {
    t.fake.seed('counters', [{ _id: KEY, value: 1 }])
    t.fake.failNext('database.insertDocument', 'DATABASE_REQUEST_FAILED', 'timeout')
    await expect(t.store.addResponse(answer('u1'), quota(3))).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
    expect(counted()).toBe(2)
  })

  it('five people at once under a limit of 3: every place is decided by the database, and exactly 3 land', async () => {
    const people = ['u1', 'u2', 'u3', 'u4', 'u5']
    const outcomes = await Promise.all(people.map((u) => t.store.addResponse(answer(u), quota(3))))
    expect([...outcomes].sort()).toEqual(['added', 'added', 'added', 'quota_full', 'quota_full'])
    expect(counted()).toBe(3)
    expect(stored()).toEqual(people.filter((_, i) => outcomes[i] === 'added').map((u) => `sv1:${u}`))
    // They really raced: more than one of them found the counter missing and tried to create it.
    expect(t.fake.actions().filter((a) => a === 'database.insertDocument counters').length).toBeGreaterThan(1)
  })

  it('a crash between the steps leaves a place counted for nobody: the cell closes one response early, never late', async () => {
    // Requests of one addResponse with a quota whose counter exists: read, place, add.
    for (const n of [0, 1, 2]) {
      const p = `cut${n}_`
      const store = createCloudbaseStore({ env: 'test-env', secretId: 'x', secretKey: 'y', collectionPrefix: p })
      t.fake.seed(`${p}counters`, [{ _id: KEY, value: 0 }])
      t.fake.cutAfter(n)
      await expect(store.addResponse(answer('u1'), quota(2))).rejects.toThrow(/DATABASE_REQUEST_FAILED/)
      t.fake.heal()
      const placeTaken = n >= 2
      expect(t.fake.docs(`${p}counters`)[0].value).toBe(placeTaken ? 1 : 0)
      expect(t.fake.docs(`${p}responses`)).toEqual([])
      // The person answers again and takes a place of their own; whoever comes next finds what is left.
      expect(await store.addResponse(answer('u1'), quota(2))).toBe('added')
      expect(await store.addResponse(answer('u2'), quota(2))).toBe(placeTaken ? 'quota_full' : 'added')
      expect(t.fake.docs(`${p}responses`).length).toBeLessThanOrEqual(2)
    }
  })
})
