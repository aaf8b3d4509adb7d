import { scanLocate } from '../../core/routing/gridIndex'
import { DATUM, type GcjPoint, type GcjRing, type Grid } from '../../core/types'
import { bboxOf, centroidOf, insideRing, kmPerDegree, round6, type Bbox } from './geo'
import { YUHUA_ADMIN_CODE, YUHUA_NAME, YUHUA_OUTLINE } from './outline'
import { rngFor } from './prng'
import { STREETS, type StreetSeed } from './streets'

/**
 * 单元网格 of the demo city: a lattice of 0.75–1.5 km quadrilaterals over the district outline. Each lattice
 * vertex is computed once and jittered a little, and every cell is built from those shared vertices, so
 * neighbours share edges exactly: no gaps, no overlaps. A cell is kept when its centroid lies inside the
 * outline (so the grids' union follows the outline to within half a cell).
 */

/**
 * Cell size in degrees: ~0.75 km in the dense old town (north-west), growing to ~1.5 km in the suburban
 * south and east, as real cities draw smaller grids where more people live. Rows and columns stay
 * straight lines of shared vertices, so cells still tile.
 */
const STEP_LNG = { fine: 0.0068, coarse: 0.0150, fineUntil: 113.01, coarseFrom: 113.08 }
const STEP_LAT = { fine: 0.0062, coarse: 0.0135, fineFrom: 28.17, coarseUntil: 28.1 }
/** Vertex jitter as a share of the smaller neighbouring step: small enough that every quad stays convex. */
const JITTER = 0.18

export const OUTLINE_BBOX: Bbox = bboxOf(YUHUA_OUTLINE)

const lerp = (a: number, b: number, t: number): number => a + (b - a) * Math.min(1, Math.max(0, t))

function lngSteps (): number[] {
  const xs = [OUTLINE_BBOX.minLng - STEP_LNG.fine / 2]
  while (xs[xs.length - 1] < OUTLINE_BBOX.maxLng) {
    const x = xs[xs.length - 1]
    xs.push(x + lerp(STEP_LNG.fine, STEP_LNG.coarse, (x - STEP_LNG.fineUntil) / (STEP_LNG.coarseFrom - STEP_LNG.fineUntil)))
  }
  return xs
}

function latSteps (): number[] {
  const ys = [OUTLINE_BBOX.maxLat + STEP_LAT.fine / 2]
  while (ys[ys.length - 1] > OUTLINE_BBOX.minLat) {
    const y = ys[ys.length - 1]
    ys.push(y - lerp(STEP_LAT.fine, STEP_LAT.coarse, (STEP_LAT.fineFrom - y) / (STEP_LAT.fineFrom - STEP_LAT.coarseUntil)))
  }
  return ys.reverse()
}

const XS = lngSteps()
const YS = latSteps()
const COLS = XS.length - 1
const ROWS = YS.length - 1

interface Cell {
  col: number
  row: number
  polygon: GcjRing
  centre: GcjPoint
  street: StreetSeed
}

function neighbourStep (steps: number[], i: number): number {
  const before = i > 0 ? steps[i] - steps[i - 1] : Infinity
  const after = i < steps.length - 1 ? steps[i + 1] - steps[i] : Infinity
  return Math.min(before, after)
}

function latticeVertices (): Array<Array<[number, number]>> {
  const v: Array<Array<[number, number]>> = []
  for (let i = 0; i <= COLS; i++) {
    v.push([])
    for (let j = 0; j <= ROWS; j++) {
      const rng = rngFor(`vertex:${i}:${j}`)
      const dx = (rng() * 2 - 1) * JITTER * neighbourStep(XS, i)
      const dy = (rng() * 2 - 1) * JITTER * neighbourStep(YS, j)
      v[i].push([round6(XS[i] + dx), round6(YS[j] + dy)])
    }
  }
  return v
}

function nearestStreet (p: GcjPoint): StreetSeed {
  const k = kmPerDegree(p.lat)
  let best = STREETS[0]
  let bestD = Infinity
  for (const s of STREETS) {
    const d = Math.hypot((p.lng - s.centre[0]) * k.lng, (p.lat - s.centre[1]) * k.lat)
    if (d < bestD) {
      bestD = d
      best = s
    }
  }
  return best
}

function cellsInsideOutline (): Cell[] {
  const v = latticeVertices()
  const cells: Cell[] = []
  for (let col = 0; col < COLS; col++) {
    for (let row = 0; row < ROWS; row++) {
      // Counter-clockwise: SW, SE, NE, NW.
      const polygon: GcjRing = [v[col][row], v[col + 1][row], v[col + 1][row + 1], v[col][row + 1]]
      const centre = centroidOf(polygon)
      if (!insideRing(centre, YUHUA_OUTLINE)) continue
      cells.push({ col, row, polygon, centre, street: nearestStreet(centre) })
    }
  }
  return cells
}

/** Split a street's cells into 2–5 communities: angular slices around the street's mean centre. */
function communitiesOf (cells: Cell[]): Cell[][] {
  const mean = {
    lng: cells.reduce((s, c) => s + c.centre.lng, 0) / cells.length,
    lat: cells.reduce((s, c) => s + c.centre.lat, 0) / cells.length
  }
  const sorted = cells.slice().sort((a, b) =>
    Math.atan2(a.centre.lat - mean.lat, a.centre.lng - mean.lng) -
    Math.atan2(b.centre.lat - mean.lat, b.centre.lng - mean.lng))
  const count = Math.min(cells.length, Math.min(5, cells[0].street.communities.length), Math.max(2, Math.min(5, Math.round(cells.length / 6))))
  const out: Cell[][] = []
  for (let k = 0; k < count; k++) {
    out.push(sorted.slice(Math.floor((k * sorted.length) / count), Math.floor(((k + 1) * sorted.length) / count)))
  }
  return out
}

function populationFor (code: string, centre: GcjPoint): number {
  // Denser in the old town around 东塘, thinner towards the southern lobe.
  const k = kmPerDegree(centre.lat)
  const km = Math.hypot((centre.lng - 113.0) * k.lng, (centre.lat - 28.178) * k.lat)
  const base = 11_000 - km * 550
  const noise = (rngFor(`population:${code}`)() - 0.5) * 2_400
  return Math.round(Math.min(12_000, Math.max(2_000, base + noise)) / 10) * 10
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** The demo city's grids, ordered by code; ids are 'grid-001'…; managerIds are left empty. */
export function buildGrids (): Grid[] {
  const cells = cellsInsideOutline()
  const grids: Grid[] = []
  for (const street of STREETS) {
    const own = cells.filter((c) => c.street === street)
    if (own.length === 0) continue
    communitiesOf(own).forEach((members, ci) => {
      const community = `${street.communities[ci]}社区`
      members
        .slice()
        .sort((a, b) => b.row - a.row || a.col - b.col)
        .forEach((cell, si) => {
          const code = YUHUA_ADMIN_CODE + street.code + pad(ci + 1, 3) + pad(si + 1, 3)
          grids.push({
            id: `grid-${pad(grids.length + 1, 3)}`,
            code,
            name: `${street.name}·${community}·${pad(si + 1, 2)}网格`,
            district: YUHUA_NAME,
            street: street.name,
            community,
            datum: DATUM,
            polygon: cell.polygon.map(([lng, lat]) => [lng, lat] as [number, number]),
            managerIds: [],
            population: populationFor(code, cell.centre)
          })
        })
    })
  }
  return grids
}

export function gridCentroid (grid: Pick<Grid, 'polygon'>): GcjPoint {
  return centroidOf(grid.polygon)
}

/** Bounding box of all grids (slightly larger than OUTLINE_BBOX where edge cells stick out). */
export function gridsBbox (grids: readonly Pick<Grid, 'polygon'>[]): Bbox {
  return bboxOf(grids.flatMap((g) => g.polygon))
}

/** The grid containing a point, if any, by the product's own routing rule. */
export function gridAt (grids: readonly Grid[], p: GcjPoint): Grid | null {
  const r = scanLocate(grids, p)
  return r.kind === 'grid' ? r.grid : null
}
