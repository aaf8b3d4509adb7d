import { useMemo } from 'react'
import { createGridIndex } from '../../../core/routing'
import type { GcjPoint, Grid } from '../../../core/types'

/**
 * Which of the map's grids to highlight: the one named (where the server said the point
 * routes), else the grid the picked point falls in. Both map versions (canvas on H5, native on WeChat) use it.
 */
export function useLocatedGrid (grids: ReadonlyArray<Pick<Grid, 'id' | 'polygon'>>, value: GcjPoint | null | undefined, highlightGridId: string | null) {
  const index = useMemo(() => createGridIndex(grids as Grid[]), [grids])
  const located = useMemo(() => {
    if (!value) return null
    const r = index.locate(value)
    return r.kind === 'grid' ? r.grid.id : null
  }, [index, value])
  return { highlightId: highlightGridId ?? located }
}
