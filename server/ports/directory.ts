import type { Category, Grid, Page } from '../../core/types'
import type { PageQuery } from './paging'

/** Grids and categories: data the office edits, read through the directory cache. */
export interface DirectoryStore {
  putGrids (grids: Grid[]): Promise<void>
  listGrids (q: PageQuery): Promise<Page<Grid>>
  putCategories (categories: Category[]): Promise<void>
  listCategories (q: PageQuery): Promise<Page<Category>>
}
