import { createGridIndex, type GridIndex } from '../core/routing'
import type { Category, Grid } from '../core/types'
import type { Clock } from './ports/clock'
import type { Store } from './ports/store'
import { readAll } from './paging'

export interface Directory {
  /** The active grid version's number (null before any grid was stored). */
  gridVersion: number | null
  /** The active version's grids: what reports route to and the office works with. */
  grids: Grid[]
  /**
   * Every grid a ticket may name, for names and codes: the active version's, and those of earlier versions no
   * longer in use (a ticket keeps the grid it was routed to). Check `activeGridIds` where only a grid in use will do.
   */
  gridsById: Map<string, Grid>
  activeGridIds: Set<string>
  categories: Category[]
  categoriesById: Map<string, Category>
  index: GridIndex<Grid>
}

/** A counter (CounterStore) every edit of grids or categories adds 1 to, so other processes' caches reload. */
export const DIRECTORY_STAMP = 'directory:stamp'

export interface DirectoryCacheOptions {
  /** How long grids and categories are kept at most (default 60 s); `invalidate()` after an edit on this process. */
  ttlMs?: number
  /**
   * How often (real time) a read asks the store whether what it caches is still current (default 1 s; 0 = on
   * every read): which grid version is active, and `stamp` when given. So a version another process switched to,
   * or an edit it stamped, is seen within that time. Small reads (SQLite: one row; CloudBase: one document each).
   */
  versionCheckMs?: number
  /** Where many processes share the store (CloudBase): the DIRECTORY_STAMP counter's value, read without changing it. */
  stamp?: () => Promise<number>
}

/** What tells a cached directory it is stale: the active grid version and the edit stamp. */
type Freshness = string

/**
 * Grids and categories change rarely and are read on every report: keep them with their spatial index, and read
 * them again after `ttlMs`, after `invalidate()`, or as soon as the store's active grid version (or the edit stamp)
 * is not the one cached — an import, restore or edit on another process.
 */
export function createDirectoryCache (store: Store, clock: Clock, opts: number | DirectoryCacheOptions = {}, stampFn?: () => Promise<number>) {
  const o: DirectoryCacheOptions = typeof opts === 'number' ? { ttlMs: opts } : opts
  const { ttlMs = 60_000, versionCheckMs = 1_000 } = o
  const stamp = o.stamp ?? stampFn
  let cached: { at: number; value: Promise<Directory>; seen: Promise<Freshness> } | null = null
  let checked: { at: number; check: Promise<void> } | null = null

  const freshness = async (): Promise<Freshness> => {
    const [version, n] = await Promise.all([store.activeGridVersion(), stamp ? stamp() : 0])
    return `${version ?? '-'}|${n}`
  }

  const load = async (): Promise<Directory> => {
    const gridVersion = await store.activeGridVersion()
    const [grids, retired, categories] = await Promise.all([
      gridVersion === null ? [] : readAll((q) => store.listVersionGrids(gridVersion, q), 100_000, '网格'),
      readAll((q) => store.listRetiredGrids(q), 100_000, '网格'),
      readAll((q) => store.listCategories(q))
    ])
    const gridsById = new Map<string, Grid>(retired.map((g) => [g.id, g]))
    for (const g of grids) gridsById.set(g.id, g)
    return {
      gridVersion,
      grids,
      gridsById,
      activeGridIds: new Set(grids.map((g) => g.id)),
      categories,
      categoriesById: new Map(categories.map((c) => [c.id, c])),
      index: createGridIndex(grids)
    }
  }

  const fresh = (): Promise<Directory> => {
    // What it was current against is read before the load, so an edit during the load is caught by the next check.
    const seen = freshness()
    const value = seen.then(load)
    const entry = { at: Date.parse(clock.now()), value, seen }
    cached = entry
    value.catch(() => { if (cached === entry) cached = null })
    return value
  }

  /** Drop the cache when the store has moved on from what it was loaded against (asked at most every versionCheckMs). */
  const check = (entry: NonNullable<typeof cached>): Promise<void> => {
    const now = Date.now()
    if (checked && now - checked.at < versionCheckMs) return checked.check
    const run = (async () => {
      const [stored, seen] = await Promise.all([freshness(), entry.seen])
      if (stored !== seen && cached === entry) cached = null
    })()
    checked = { at: now, check: run }
    run.catch(() => { if (checked?.check === run) checked = null })
    return run
  }

  return {
    async get (): Promise<Directory> {
      const now = Date.parse(clock.now())
      if (!cached || now - cached.at > ttlMs) return fresh()
      const entry = cached
      await check(entry).catch(() => undefined)
      return cached === entry ? entry.value : cached ? cached.value : fresh()
    },
    invalidate (): void {
      cached = null
      checked = null
    }
  }
}

export type DirectoryCache = ReturnType<typeof createDirectoryCache>

/** After an edit of grids or categories: this process reloads at once, the others on their next check (the stamp). */
export async function directoryChanged (store: Store, directory: DirectoryCache): Promise<void> {
  directory.invalidate()
  await store.incrementCounter(DIRECTORY_STAMP, 1)
}
