import type { Page } from '../../../core/types'

/** Follow `next` until null; returns every page so tests can check page sizes too. */
export async function readAllPages<T> (
  fetch: (cursor: string | null) => Promise<Page<T>>,
  maxPages = 1000
): Promise<T[][]> {
  const pages: T[][] = []
  let cursor: string | null = null
  do {
    const page: Page<T> = await fetch(cursor)
    pages.push(page.items)
    cursor = page.next
    if (pages.length > maxPages) throw new Error(`paging did not end after ${maxPages} pages`)
  } while (cursor !== null)
  return pages
}

export const ids = (items: Array<{ id: string }>): string[] => items.map((x) => x.id)

/** Plain code-unit order, the same as SQLite's BINARY collation (localeCompare is not). */
export const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
