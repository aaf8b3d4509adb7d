import type { Page } from '../core/types'
import { isStoreError } from './ports/errors'
import type { PageQuery } from './ports/paging'
import { forEachPage, readAll } from './paging'

/** A paged source of n numbers, 100 a page, with cursors like an adapter's. */
function source (n: number) {
  let calls = 0
  const fetch = async (q: PageQuery): Promise<Page<number>> => {
    calls++
    const from = q.cursor ? Number(q.cursor) : 0
    const to = Math.min(n, from + (q.limit ?? 100))
    return { items: Array.from({ length: to - from }, (_, i) => from + i), next: to < n ? String(to) : null }
  }
  return { fetch, calls: () => calls }
}

describe('readAll', () => {
  it('reads every page', async () => {
    expect(await readAll(source(250).fetch)).toHaveLength(250)
    expect(await readAll(source(0).fetch)).toEqual([])
  })

  it('reads exactly up to its guard', async () => {
    expect(await readAll(source(300).fetch, 300)).toHaveLength(300)
  })

  it('fails loudly past its guard instead of answering the first rows as if they were all', async () => {
    const s = source(20_001)
    const err = await readAll(s.fetch).catch((e: unknown) => e)
    expect(isStoreError(err)).toBe(true)
    expect(err).toMatchObject({ code: 'READ_LIMIT', details: { max: 20_000 } })
    expect((err as Error).message).toContain('超过 20000 条')
    // It stops where the guard is reached rather than reading on.
    expect(s.calls()).toBe(200)
  })

  it('names what it was reading', async () => {
    await expect(readAll(source(301).fetch, 300, '关注者')).rejects.toThrow('要读取的关注者超过 300 条')
  })
})

describe('forEachPage', () => {
  it('visits every page in order, with no cap', async () => {
    const seen: number[] = []
    await forEachPage(source(20_050).fetch, async (items) => { seen.push(...items) })
    expect(seen).toHaveLength(20_050)
    expect(seen[20_049]).toBe(20_049)
  })
})
