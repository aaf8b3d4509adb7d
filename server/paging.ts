import type { Page } from '../core/types'
import type { PageQuery } from './ports/paging'
import { StoreError } from './ports/errors'

/**
 * Every item of a paged store method. A guard, not a cut: when more than `max` items exist the read fails with
 * StoreError READ_LIMIT (the caller answers LIMIT_EXCEEDED and logs it) instead of handing back a prefix as if it
 * were the whole. `what` names the items in the message a person reads.
 */
export async function readAll<T> (fetch: (q: PageQuery) => Promise<Page<T>>, max = 20_000, what = '记录'): Promise<T[]> {
  const out: T[] = []
  let cursor: string | null = null
  do {
    const page: Page<T> = await fetch({ cursor, limit: 100 })
    out.push(...page.items)
    cursor = page.next
    if (out.length > max || (cursor && out.length >= max)) {
      throw new StoreError('READ_LIMIT', `要读取的${what}超过 ${max} 条，为避免给出不完整的结果已停止，请缩小范围后再试`, { what, max })
    }
  } while (cursor)
  return out
}

/** Visit every page of a paged store method in order, with no cap: for sweeps that act on each item and keep none. */
export async function forEachPage<T> (fetch: (q: PageQuery) => Promise<Page<T>>, visit: (items: T[]) => Promise<void>): Promise<void> {
  let cursor: string | null = null
  do {
    const page: Page<T> = await fetch({ cursor, limit: 100 })
    await visit(page.items)
    cursor = page.next
  } while (cursor)
}
