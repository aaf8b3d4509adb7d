import type { Call } from './fake-cloudbase'

/**
 * Whether the indexes in config/cloudbase/indexes.json serve the queries the adapter really sends (as FakeCloudbase
 * recorded them). A query is reduced to its shape — the fields it pins by equality (a value or `$in`), the fields it
 * bounds (`$lt`… `$ne`, and every field inside an `$or`, such as a keyset cursor's), and its order — and is covered
 * when some index:
 * - starts with all of its equality fields (in any order), then continues with its order fields, in order, all in
 *   the index's direction or all against it (a fixed field needs no order) — or with one bounded field before them,
 *   which selects few documents that are then sorted (the outbox's `outboxId $ne null`); or, for a query without order,
 * - starts with equality fields only and holds no other field before them (a selective prefix), or starts with a
 *   bounded field when nothing is pinned.
 * A query by `_id` uses the built-in index; an insert sends no query.
 */

export interface IndexKey { field: string; direction: number }
export interface IndexDef { name: string; keys: IndexKey[] }
export interface IndexFile { collections: Array<{ name: string; indexes: IndexDef[] }> }

export interface QueryShape {
  collection: string
  equal: string[]
  range: string[]
  order: Array<[string, number]>
}

const QUERYING = new Set(['database.getDocument', 'database.calculateDocument', 'database.modifyDocument', 'database.modifyAndReturnDoc', 'database.removeDocument'])
const EQUALITY_OPS = new Set(['$eq', '$in'])

type Doc = Record<string, unknown>
const isOps = (v: unknown): v is Doc => !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'))

function collect (q: Doc, equal: Set<string>, range: Set<string>, inOr: boolean): void {
  for (const [k, v] of Object.entries(q)) {
    if (k === '$and') for (const sub of v as Doc[]) collect(sub, equal, range, inOr)
    else if (k === '$or') for (const sub of v as Doc[]) collect(sub, equal, range, true)
    else if (!inOr && (!isOps(v) || Object.keys(v).every((op) => EQUALITY_OPS.has(op)))) equal.add(k)
    else range.add(k)
  }
}

/** The shape of a recorded request's query, or null when it needs no index of ours (by `_id`, or no query at all). */
export function queryShape (call: Call): QueryShape | null {
  if (!QUERYING.has(call.action)) return null
  const equal = new Set<string>()
  const range = new Set<string>()
  collect(call.query ?? {}, equal, range, false)
  if (equal.has('_id')) return null
  const order = (call.order ?? []).filter(([f]) => !equal.has(f))
  if (equal.size === 0 && range.size === 0 && order.length === 0) return null
  return { collection: call.collection, equal: [...equal].sort(), range: [...range].filter((f) => !equal.has(f)).sort(), order }
}

/** The first index serving this shape, or null. */
export function coveringIndex (shape: QueryShape, indexes: readonly IndexDef[]): IndexDef | null {
  const eq = new Set(shape.equal)
  for (const index of indexes) {
    const keys = index.keys
    let p = 0
    while (p < keys.length && eq.has(keys[p].field)) p++
    const allPinned = p === eq.size
    if (shape.order.length === 0) {
      if ((p > 0 && (allPinned || p === keys.length)) || (eq.size === 0 && shape.range.includes(keys[0]?.field))) return index
      continue
    }
    if (!allPinned) continue
    // the order right after the pinned fields, or after one bounded field (it selects few documents, sorted then)
    for (const start of shape.range.includes(keys[p]?.field) ? [p, p + 1] : [p]) {
      const next = keys.slice(start, start + shape.order.length)
      if (next.length < shape.order.length || next.some((k, i) => k.field !== shape.order[i][0])) continue
      const flips = next.map((k, i) => Math.sign(k.direction) === Math.sign(shape.order[i][1]))
      if (flips.every(Boolean) || flips.every((f) => !f)) return index
    }
  }
  return null
}

/** How a shape reads in a failure message: `tickets: gridId = · createdAt desc, id desc`. */
export function describeShape (s: QueryShape): string {
  const parts = [
    ...s.equal.map((f) => `${f} =`),
    ...s.range.map((f) => `${f} <>`),
    ...(s.order.length ? [`order ${s.order.map(([f, d]) => `${f} ${d < 0 ? 'desc' : 'asc'}`).join(', ')}`] : [])
  ]
  return `${s.collection}: ${parts.join(' · ')}`
}

/** Every distinct query shape among the calls that no index of its collection serves (prefixed collection names are stripped). */
export function uncoveredQueries (calls: readonly Call[], file: IndexFile, prefix = ''): string[] {
  const out = new Set<string>()
  for (const call of calls) {
    const shape = queryShape(call)
    if (!shape) continue
    const collection = shape.collection.startsWith(prefix) ? shape.collection.slice(prefix.length) : shape.collection
    const indexes = file.collections.find((c) => c.name === collection)?.indexes ?? []
    if (!coveringIndex({ ...shape, collection }, indexes)) out.add(describeShape({ ...shape, collection }))
  }
  return [...out].sort()
}
