import type { Page } from '../../../core/types'
import { StoreError } from '../../ports/errors'
import type { PageQuery } from '../../ports/paging'
import type { Sql } from './db'

export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 100

type SortKey = string | number

export function clampLimit (limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)))
}

/** Opaque to callers: base64url of the last row's [sort key, id]. */
export function encodeCursor (key: SortKey, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url')
}

function badCursor (): StoreError {
  return new StoreError('INVALID_CURSOR', '分页参数无效，请从第一页重新加载。 / Invalid page cursor: reload from the first page.')
}

export function decodeCursor (cursor: string): [SortKey, string] {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw badCursor()
  }
  if (!Array.isArray(value) || value.length !== 2) throw badCursor()
  const [key, id] = value as unknown[]
  if ((typeof key !== 'string' && typeof key !== 'number') || typeof id !== 'string') throw badCursor()
  return [key, id]
}

export interface PageSpec {
  table: string
  /** SQL conditions joined with AND; their `?` params in order. */
  where: string[]
  params: unknown[]
  sortColumn: string
  direction: 'ASC' | 'DESC'
}

interface Row { k: SortKey; id: string; doc: string }

/** Keyset paging on (sortColumn, id): stable under inserts, one query per page, `next` null on the last page. */
export function readPage<T> (sql: Sql, spec: PageSpec, q: PageQuery): Page<T> {
  const limit = clampLimit(q.limit)
  const where = [...spec.where]
  const params = [...spec.params]
  if (q.cursor) {
    where.push(`(${spec.sortColumn}, id) ${spec.direction === 'ASC' ? '>' : '<'} (?, ?)`)
    params.push(...decodeCursor(q.cursor))
  }
  const text = `SELECT ${spec.sortColumn} AS k, id, doc FROM ${spec.table}` +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${spec.sortColumn} ${spec.direction}, id ${spec.direction} LIMIT ?`
  const rows = sql(text).all(...params, limit + 1) as Row[]
  const more = rows.length > limit
  const kept = more ? rows.slice(0, limit) : rows
  const last = kept[kept.length - 1]
  return {
    items: kept.map((r) => JSON.parse(r.doc) as T),
    next: more && last !== undefined ? encodeCursor(last.k, last.id) : null
  }
}

/** Where-clause builder for optional equality / range filters. */
export function conditions (): { add: (cond: string, ...values: unknown[]) => void; where: string[]; params: unknown[] } {
  const where: string[] = []
  const params: unknown[] = []
  return { where, params, add: (cond, ...values) => { where.push(cond); params.push(...values) } }
}
