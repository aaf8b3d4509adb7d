import { useFakeCloudbase } from './testing/test-support'

const t = useFakeCloudbase()

const oneToN = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1)

describe('CloudBase store: incrementCounter', () => {
  it('adds to an existing counter with one atomic updateAndReturn and returns the value it produced', async () => {
    t.fake.seed('counters', [{ _id: 'rate:u1', value: 2 }])
    expect(await t.store.incrementCounter('rate:u1', 3)).toBe(5)
    expect(t.fake.calls).toEqual([{
      action: 'database.modifyAndReturnDoc', collection: 'counters', queryType: 'WHERE', query: { _id: 'rate:u1' }, data: { $inc: { value: 3 } }
    }])
    expect(t.fake.docs('counters')).toEqual([{ _id: 'rate:u1', value: 5 }])
  })

  it('creates a missing counter with add after the updateAndReturn matched nothing', async () => {
    expect(await t.store.incrementCounter('rate:u1', 1)).toBe(1)
    expect(t.fake.actions()).toEqual(['database.modifyAndReturnDoc counters', 'database.insertDocument counters'])
    expect(t.fake.calls[1].data).toEqual([{ _id: 'rate:u1', value: 1 }])
    expect(await t.store.incrementCounter('rate:u1', 2)).toBe(3)
    expect(t.fake.docs('counters')).toEqual([{ _id: 'rate:u1', value: 3 }])
  })

  it('reads with by 0: one get, 0 for a key never counted, and nothing created', async () => {
    t.fake.seed('counters', [{ _id: 'k', value: 7 }])
    expect(await t.store.incrementCounter('k', 0)).toBe(7)
    expect(await t.store.incrementCounter('other', 0)).toBe(0)
    expect(t.fake.actions()).toEqual(['database.getDocument counters', 'database.getDocument counters'])
    expect(t.fake.docs('counters')).toEqual([{ _id: 'k', value: 7 }])
  })

  it('when another caller creates the counter first, adds on top of theirs with one more updateAndReturn', async () => {
    t.fake.beforeNext('database.insertDocument', () => t.fake.seed('counters', [{ _id: 'k', value: 5 }]))
    expect(await t.store.incrementCounter('k', 1)).toBe(6)
    expect(t.fake.actions()).toEqual([
      'database.modifyAndReturnDoc counters', 'database.insertDocument counters', 'database.modifyAndReturnDoc counters'
    ])
    expect(t.fake.docs('counters')).toEqual([{ _id: 'k', value: 6 }])
  })

  it('fails after 3 requests, not in a loop, when the add is a duplicate but the counter still cannot be found', async () => {
    t.fake.failNext('database.insertDocument', 'DATABASE_DUPLICATE_WRITE', 'E11000 duplicate key error')
    await expect(t.store.incrementCounter('k', 1)).rejects.toMatchObject({ name: 'CloudbaseError', code: 'COUNTER_MISSING' })
    expect(t.fake.calls).toHaveLength(3)
  })

  it('throws any other SDK error of the update as CloudbaseError, without trying to create the counter', async () => {
    t.fake.failNext('database.modifyAndReturnDoc', 'DATABASE_PERMISSION_DENIED')
    await expect(t.store.incrementCounter('k', 1)).rejects.toThrow(/DATABASE_PERMISSION_DENIED/)
    expect(t.fake.actions()).toEqual(['database.modifyAndReturnDoc counters'])
  })
})

describe('CloudBase store: incrementCounter requests stay flat under contention', () => {
  // Counted from the fake's call log: every database request the SDK sent, whichever caller sent it.
  it.each([
    [1, 'a new key'], [50, 'a new key'], [1, 'an existing key'], [50, 'an existing key']
  ])('%i concurrent caller(s) on %s: at most 3 requests per increment, each caller its own value', async (n, kind) => {
    if (kind === 'an existing key') t.fake.seed('counters', [{ _id: 'hits', value: 0 }])
    const values = await Promise.all(oneToN(n).map(() => t.store.incrementCounter('hits', 1)))
    expect([...values].sort((a, b) => a - b)).toEqual(oneToN(n))
    expect(t.fake.docs('counters')).toEqual([{ _id: 'hits', value: n }])
    expect(t.fake.calls.length).toBeLessThanOrEqual(3 * n)
    // On a key that exists, no caller needs more than its one updateAndReturn.
    if (kind === 'an existing key') expect(t.fake.actions()).toEqual(Array(n).fill('database.modifyAndReturnDoc counters'))
  })
})
