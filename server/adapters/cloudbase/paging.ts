import type { Page } from '../../../core/types'
import { StoreError } from '../../ports/errors'
import type { PageQuery } from '../../ports/paging'
import { type Cond, type Db, type Dir, type Doc, type Scalar, fromDoc } from './client'

export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 100

export function clampLimit (limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)))
}

/**
 * A list's order: its sort field, ties broken by the entity `id` in the same direction (or `id` alone).
 * Entity `id` rather than `_id`: signups and responses are keyed `${parent}:${userId}`, and every adapter
 * breaks ties the same way.
 */
export interface Sort {
  field: string
  dir: Dir
  /** Tie-break field, `id` unless said otherwise (follower links have no id of their own). */
  tie?: string
}

const tieOf = (sort: Sort): string => sort.tie ?? 'id'

interface Cursor {
  value: Scalar
  id: string
}

/** Opaque cursor: base64url of [sort field, last sort value, last id]. */
export function encodeCursor (sort: Sort, value: Scalar, id: string): string {
  return Buffer.from(JSON.stringify([sort.field, value, id]), 'utf8').toString('base64url')
}

export function decodeCursor (sort: Sort, cursor: string): Cursor {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    parsed = null
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== sort.field || typeof parsed[2] !== 'string' ||
      !(parsed[1] === null || ['string', 'number'].includes(typeof parsed[1]))) {
    throw new StoreError('INVALID_CURSOR', '分页参数无效，请从第一页重新加载。 / Invalid page cursor: reload from the first page.')
  }
  return { value: parsed[1] as Scalar, id: parsed[2] }
}

/**
 * Keyset condition "after the cursor". CloudBase has no tuple comparison, so (k, id) > (v, lastId) is spelled
 * `k > v OR (k = v AND id > lastId)` (with < for descending order).
 */
export function afterCursor (db: Db, sort: Sort, c: Cursor): Cond {
  const past = (v: Scalar) => (sort.dir === 'asc' ? db._.gt(v) : db._.lt(v))
  const tie = tieOf(sort)
  if (sort.field === tie) return { [tie]: past(c.id) }
  return db._.or([{ [sort.field]: past(c.value) }, { [sort.field]: c.value, [tie]: past(c.id) }])
}

/** One page of raw documents: filters AND keyset, ordered by (sort field, tie), fetching limit+1 to learn whether more follow. */
export async function readDocs (db: Db, coll: string, filters: readonly Cond[], sort: Sort, q: PageQuery): Promise<Page<Doc>> {
  const limit = clampLimit(q.limit)
  const tie = tieOf(sort)
  const conds = q.cursor ? [...filters, afterCursor(db, sort, decodeCursor(sort, q.cursor))] : [...filters]
  const order: Array<[string, Dir]> = sort.field === tie ? [[tie, sort.dir]] : [[sort.field, sort.dir], [tie, sort.dir]]
  const docs = await db.find(coll, conds, order, limit + 1)
  const items = docs.slice(0, limit)
  const last: Doc | undefined = items[items.length - 1]
  const next = docs.length > limit && last
    ? encodeCursor(sort, (last[sort.field] ?? null) as Scalar, String(last[tie]))
    : null
  return { items, next }
}

/** One page of entities (see readDocs). */
export async function readPage<T> (db: Db, coll: string, filters: readonly Cond[], sort: Sort, q: PageQuery): Promise<Page<T>> {
  const page = await readDocs(db, coll, filters, sort, q)
  return { items: page.items.map((d) => fromDoc<T>(d)), next: page.next }
}

export const emptyPage = <T>(): Page<T> => ({ items: [], next: null })

/** Run `fn` over `items`, at most `width` requests in flight. */
export async function inBatches<T> (items: readonly T[], width: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += width) {
    await Promise.all(items.slice(i, i + width).map(fn))
  }
}

/** Split into chunks of `size` (one add request each). */
export function chunks<T> (items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
