import type { Grid } from '../../../core/types'
import { call } from '../../api'

/** Every grid of the active version, page by page (the office's pages read areas off their codes and name them). */
export async function allGrids (): Promise<Grid[]> {
  const out: Grid[] = []
  let cursor: string | null = null
  do {
    const page: { items: Grid[]; next: string | null } = await call('admin', 'grids', { cursor, limit: 100 })
    out.push(...page.items)
    cursor = page.next
  } while (cursor)
  return out
}
