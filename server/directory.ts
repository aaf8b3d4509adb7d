import { createGridIndex, type GridIndex } from '../core/routing'
import type { Category, Grid } from '../core/types'
import type { Clock } from './ports/clock'
import type { Store } from './ports/store'
import { readAll } from './paging'

export interface Directory {
  grids: Grid[]
  gridsById: Map<string, Grid>
  categories: Category[]
  categoriesById: Map<string, Category>
  index: GridIndex<Grid>
}

/**
 * Grids and categories change rarely and are read on every report: keep them with their spatial index for
 * `ttlMs`, then read them again. `invalidate()` after an admin edit.
 */
export function createDirectoryCache (store: Store, clock: Clock, ttlMs = 60_000) {
  let cached: { at: number; value: Promise<Directory> } | null = null
  const load = async (): Promise<Directory> => {
    const [grids, categories] = await Promise.all([
      readAll((q) => store.listGrids(q)),
      readAll((q) => store.listCategories(q))
    ])
    return {
      grids,
      gridsById: new Map(grids.map((g) => [g.id, g])),
      categories,
      categoriesById: new Map(categories.map((c) => [c.id, c])),
      index: createGridIndex(grids)
    }
  }
  return {
    get (): Promise<Directory> {
      const now = Date.parse(clock.now())
      if (!cached || now - cached.at > ttlMs) {
        const value = load()
        cached = { at: now, value }
        value.catch(() => { cached = null })
      }
      return cached.value
    },
    invalidate (): void { cached = null }
  }
}

export type DirectoryCache = ReturnType<typeof createDirectoryCache>
