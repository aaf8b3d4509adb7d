import Flatbush from 'flatbush'
import type { GcjPoint, Grid } from '../types'
import { BOUNDARY_EPSILON_DEG, isValidPoint, ringBbox, ringContains } from './geometry'

/**
 * Routing a location to its 单元网格 (point → grid).
 *
 * Tie rule: a point on a grid's boundary (within BOUNDARY_EPSILON_DEG, ~1e-12°) counts as inside that
 * grid, so a point on an edge or vertex shared by several grids is inside all of them; of all the grids
 * that contain the point, the one with the smallest `code` (plain string order, then `id`) wins. The
 * result therefore never depends on the order grids were loaded in, and no point on a seam is lost.
 *
 * "No grid" is an explicit answer, never an exception: a point outside every grid, and an invalid point
 * (NaN, infinite, lng outside −180..180 or lat outside −90..90), both give `{ kind: 'none' }`, so the
 * caller sends the report to the admin triage queue instead of dropping it. Rejecting bad input with a
 * VALIDATION error is the input schema's job, not routing's.
 */

export type RoutableGrid = Pick<Grid, 'id' | 'code' | 'polygon'>

export type RouteResult<G extends RoutableGrid = RoutableGrid> =
  | { kind: 'grid'; grid: G }
  | { kind: 'none' }

export interface GridIndex<G extends RoutableGrid> {
  locate: (p: GcjPoint) => RouteResult<G>
  /** Grids the index holds (those whose polygon has ≥ 3 finite vertices). */
  size: number
}

const NONE: { kind: 'none' } = Object.freeze({ kind: 'none' })

/** Does `a` win the tie over `b`? Smallest code, then smallest id. */
function precedes (a: RoutableGrid, b: RoutableGrid): boolean {
  return a.code < b.code || (a.code === b.code && a.id < b.id)
}

function routable (g: RoutableGrid): boolean {
  return g.polygon.length >= 3 && ringBbox(g.polygon) !== null
}

/** Spatial index (flatbush, on polygon bounding boxes) plus an exact containment test per candidate. */
export function createGridIndex<G extends RoutableGrid> (grids: readonly G[]): GridIndex<G> {
  const kept = grids.filter(routable)
  if (kept.length === 0) return { locate: () => NONE, size: 0 }

  const tree = new Flatbush(kept.length)
  for (const g of kept) {
    const b = ringBbox(g.polygon)!
    // Widen by the boundary epsilon so a point just outside the box but on the edge is still a candidate.
    tree.add(
      b.minLng - BOUNDARY_EPSILON_DEG, b.minLat - BOUNDARY_EPSILON_DEG,
      b.maxLng + BOUNDARY_EPSILON_DEG, b.maxLat + BOUNDARY_EPSILON_DEG
    )
  }
  tree.finish()

  function locate (p: GcjPoint): RouteResult<G> {
    if (!isValidPoint(p)) return NONE
    // `as`: keeps TS from narrowing to null, since it cannot see the assignment inside the callback.
    let best = null as G | null
    // The filter does the work and keeps nothing, so a lookup allocates no result array.
    tree.search(p.lng, p.lat, p.lng, p.lat, (i) => {
      const g = kept[i]
      if ((best === null || precedes(g, best)) && ringContains(p, g.polygon)) best = g
      return false
    })
    return best === null ? NONE : { kind: 'grid', grid: best }
  }

  return { locate, size: kept.length }
}

/** The same answer as `createGridIndex(grids).locate(p)`, by testing every grid: the baseline. */
export function scanLocate<G extends RoutableGrid> (grids: readonly G[], p: GcjPoint): RouteResult<G> {
  if (!isValidPoint(p)) return NONE
  let best: G | null = null
  for (const g of grids) {
    // routable() last: it only runs on a hit, so the baseline pays for it about once per lookup.
    if ((best === null || precedes(g, best)) && ringContains(p, g.polygon) && routable(g)) best = g
  }
  return best === null ? NONE : { kind: 'grid', grid: best }
}
