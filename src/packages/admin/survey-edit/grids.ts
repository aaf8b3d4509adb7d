import { useEffect, useState } from 'react'
import type { Grid } from '../../../../core/types'
import { allGrids } from '../all-grids'
import { useAction } from '../../../utils/use-action'

export interface GridsState {
  grids: Grid[] | null
  loading: boolean
  error: string | null
  reload: () => Promise<void>
  /** Read them now (a picker opens). */
  want: () => void
}

/**
 * The city's grids, read once they are first needed (an area to name, a picker opened) and kept: a survey for
 * everyone never waits for, nor fails on, a list of thousands of grids.
 */
export function useGrids (needed: boolean): GridsState {
  const [wanted, setWanted] = useState(needed)
  useEffect(() => { if (needed) setWanted(true) }, [needed])
  const state = useAction(async () => (wanted ? await allGrids() : null), [wanted])
  return {
    grids: state.data,
    loading: wanted && state.data === null && !state.error,
    error: wanted ? state.error : null,
    reload: state.reload,
    want: () => setWanted(true)
  }
}
