import { ringContains } from '../routing/geometry'
import type { GcjPoint, GcjRing, Grid, User } from '../types'

/** How many managers of the nearest other grids are suggested after those of the grid the point falls in. */
export const SUGGESTED_NEARBY = 3

const M_PER_DEG = 111_320

/**
 * Metres from a point to a grid: 0 inside (or on its edge), else to the nearest point of its outline. Flat-earth
 * around the point, which holds to well under a metre across a district.
 */
export function distanceToGridM (p: GcjPoint, ring: GcjRing): number {
  if (ring.length === 0) return Number.POSITIVE_INFINITY
  if (ring.length >= 3 && ringContains(p, ring)) return 0
  const kx = M_PER_DEG * Math.cos((p.lat * Math.PI) / 180)
  const xy = ring.map(([lng, lat]) => [(lng - p.lng) * kx, (lat - p.lat) * M_PER_DEG] as const)
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < xy.length; i++) {
    const [ax, ay] = xy[i]
    const [bx, by] = xy[(i + 1) % xy.length]
    const dx = bx - ax
    const dy = by - ay
    const len2 = dx * dx + dy * dy
    const s = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2))
    best = Math.min(best, Math.hypot(ax + s * dx, ay + s * dy))
  }
  return best
}

export type DispatchManager = Pick<User, 'id' | 'nickname' | 'gridIds'>
type PlacedGrid = Pick<Grid, 'id' | 'name' | 'polygon'>

/** Of these grids (a manager's), the one nearest the point — the one it falls in, if any. Null when none is known. */
export function nearestGrid<G extends PlacedGrid> (p: GcjPoint, gridIds: readonly string[], gridsById: ReadonlyMap<string, G>): { grid: G; distanceM: number } | null {
  let best: { grid: G; distanceM: number } | null = null
  for (const id of gridIds) {
    const grid = gridsById.get(id)
    if (!grid) continue
    const distanceM = distanceToGridM(p, grid.polygon)
    if (best === null || distanceM < best.distanceM) best = { grid, distanceM }
  }
  return best
}

export interface DispatchOption {
  managerId: string
  nickname: string
  /** The manager's grid nearest the ticket: where a dispatch to them sends it. */
  gridId: string
  gridName: string
  distanceM: number
  /** The ticket's point lies in this grid. */
  inGrid: boolean
  /** Offered first: a manager of the point's grid, or of one of the nearest grids. */
  suggested: boolean
  gridCount: number
}

/**
 * Every manager the office could dispatch this ticket to, best first: the managers of the grid the point falls in,
 * then by how far their nearest grid is. A manager with no known grid cannot receive a ticket and is left out.
 */
export function dispatchOptions (p: GcjPoint, managers: readonly DispatchManager[], gridsById: ReadonlyMap<string, PlacedGrid>): DispatchOption[] {
  const placed = managers.flatMap((m) => {
    const near = nearestGrid(p, m.gridIds, gridsById)
    if (!near) return []
    return [{
      managerId: m.id, nickname: m.nickname, gridId: near.grid.id, gridName: near.grid.name,
      distanceM: Math.round(near.distanceM), inGrid: near.distanceM === 0, suggested: false, gridCount: m.gridIds.length
    }]
  })
  placed.sort((a, b) => Number(b.inGrid) - Number(a.inGrid) || a.distanceM - b.distanceM || a.nickname.localeCompare(b.nickname) || a.managerId.localeCompare(b.managerId))
  let nearby = 0
  return placed.map((o) => ({ ...o, suggested: o.inGrid || (nearby++ < SUGGESTED_NEARBY) }))
}
