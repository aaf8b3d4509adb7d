import type { Page } from '../core/types'
import type { PageQuery } from './ports/store'

/** Read every page of a paged store method, up to `max` items (a guard against unbounded scans). */
export async function readAll<T> (fetch: (q: PageQuery) => Promise<Page<T>>, max = 20_000): Promise<T[]> {
  const out: T[] = []
  let cursor: string | null = null
  do {
    const page: Page<T> = await fetch({ cursor, limit: 100 })
    out.push(...page.items)
    cursor = page.next
  } while (cursor && out.length < max)
  return out
}
