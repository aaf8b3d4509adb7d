import type { Call } from './testing/fake-cloudbase'
import { coveringIndex, queryShape, uncoveredQueries, type IndexDef } from './testing/index-coverage'

const get = (collection: string, query: Record<string, unknown>, order: Array<[string, number]> = []): Call =>
  ({ action: 'database.getDocument', collection, query, order })
const idx = (name: string, ...keys: Array<[string, number]>): IndexDef => ({ name, keys: keys.map(([field, direction]) => ({ field, direction })) })

const tickets = [idx('grid_created', ['gridId', 1], ['createdAt', -1], ['id', -1]), idx('cat_lng_lat', ['categoryId', 1], ['location.lng', 1], ['location.lat', 1])]

describe('which index serves a query', () => {
  it('reads equality, bounds (a keyset cursor inside $or) and order from a recorded request', () => {
    const cursor = { $or: [{ createdAt: { $lt: 'x' } }, { createdAt: 'x', id: { $lt: 'y' } }] }
    expect(queryShape(get('tickets', { $and: [{ gridId: 'g1', state: { $in: ['a', 'b'] } }, cursor] }, [['createdAt', -1], ['id', -1]])))
      .toEqual({ collection: 'tickets', equal: ['gridId', 'state'], range: ['createdAt', 'id'], order: [['createdAt', -1], ['id', -1]] })
    expect(queryShape(get('tickets', { _id: 't1', version: 3 }))).toBeNull()
    expect(queryShape({ action: 'database.insertDocument', collection: 'tickets' })).toBeNull()
  })

  it('takes an index that starts with the pinned fields and then the order, in either direction', () => {
    expect(coveringIndex(queryShape(get('tickets', { gridId: 'g1' }, [['createdAt', -1], ['id', -1]]))!, tickets)?.name).toBe('grid_created')
    expect(coveringIndex(queryShape(get('tickets', { gridId: 'g1' }, [['createdAt', 1], ['id', 1]]))!, tickets)?.name).toBe('grid_created')
    expect(coveringIndex(queryShape(get('tickets', { categoryId: 'c', 'location.lng': { $gte: 1, $lte: 2 } }))!, tickets)?.name).toBe('cat_lng_lat')
  })

  it('refuses an index with another field before the order, mixed directions, or the wrong leading field', () => {
    expect(coveringIndex(queryShape(get('tickets', { gridId: 'g1', state: 'open' }, [['createdAt', -1], ['id', -1]]))!, [idx('grid_state_created', ['gridId', 1], ['state', 1], ['createdAt', -1], ['id', -1])])).not.toBeNull()
    expect(coveringIndex(queryShape(get('tickets', { gridId: 'g1' }, [['createdAt', -1], ['id', -1]]))!, [idx('grid_state_created', ['gridId', 1], ['state', 1], ['createdAt', -1], ['id', -1])])).toBeNull()
    expect(coveringIndex(queryShape(get('tickets', { gridId: 'g1' }, [['createdAt', -1], ['id', 1]]))!, tickets)).toBeNull()
    expect(coveringIndex(queryShape(get('tickets', { assigneeId: 'u1' }, [['createdAt', -1]]))!, tickets)).toBeNull()
  })

  it('takes one bounded field between the pinned fields and the order, never two', () => {
    expect(coveringIndex(queryShape(get('tickets', { outboxId: { $ne: null } }, [['id', 1]]))!, [idx('outbox', ['outboxId', 1], ['id', 1])])?.name).toBe('outbox')
    expect(coveringIndex(queryShape(get('tickets', { categoryId: 'c', 'location.lng': { $gte: 1 }, 'location.lat': { $gte: 1 } }, [['createdAt', -1]]))!, tickets)).toBeNull()
  })

  it('lists each uncovered query shape once, naming its collection, fields and order', () => {
    const calls = [get('tickets', { assigneeId: 'u1' }, [['createdAt', -1], ['id', -1]]), get('tickets', { assigneeId: 'u2' }, [['createdAt', -1], ['id', -1]]), get('tickets', { gridId: 'g' }, [['createdAt', -1], ['id', -1]])]
    expect(uncoveredQueries(calls, { collections: [{ name: 'tickets', indexes: tickets }] })).toEqual(['tickets: assigneeId = · order createdAt desc, id desc'])
    expect(uncoveredQueries([get('p_audit', { kind: 'x' })], { collections: [{ name: 'audit', indexes: [idx('kind', ['kind', 1])] }] }, 'p_')).toEqual([])
  })
})
