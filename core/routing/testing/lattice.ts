import { mulberry32 } from '../../prng'
import type { GcjRing } from '../../types'

/**
 * Synthetic grids for tests and the routing benchmark: a square lattice whose shared vertices are
 * jittered, so cells are irregular quadrilaterals that still tile the area edge to edge.
 */


export { mulberry32 }

export interface LatticeGrid {
  id: string
  code: string
  polygon: GcjRing
  /** Column and row of the cell in the lattice. */
  col: number
  row: number
}

export interface LatticeOptions {
  cols: number
  rows: number
  /** South-west corner, degrees. */
  originLng?: number
  originLat?: number
  /** Cell side, degrees (0.001° ≈ 100 m). */
  cell?: number
  /** Max vertex displacement as a fraction of the cell; below 0.5 keeps every cell simple. */
  jitter?: number
  seed?: number
}

export interface Lattice {
  grids: LatticeGrid[]
  /** Shared vertex (i, j), 0 ≤ i ≤ cols, 0 ≤ j ≤ rows. */
  vertex: (i: number, j: number) => [number, number]
  bbox: { minLng: number; minLat: number; maxLng: number; maxLat: number }
}

export function jitteredLattice (o: LatticeOptions): Lattice {
  const { cols, rows } = o
  const lng0 = o.originLng ?? 116.3
  const lat0 = o.originLat ?? 39.9
  const cell = o.cell ?? 0.001
  const jitter = o.jitter ?? 0.3
  const rand = mulberry32(o.seed ?? 1)
  const vx = new Float64Array((cols + 1) * (rows + 1))
  const vy = new Float64Array((cols + 1) * (rows + 1))
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= cols; i++) {
      const k = j * (cols + 1) + i
      vx[k] = lng0 + (i + (rand() * 2 - 1) * jitter) * cell
      vy[k] = lat0 + (j + (rand() * 2 - 1) * jitter) * cell
    }
  }
  const vertex = (i: number, j: number): [number, number] => {
    const k = j * (cols + 1) + i
    return [vx[k], vy[k]]
  }
  const width = String(cols * rows).length
  const grids: LatticeGrid[] = []
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const seq = row * cols + col
      grids.push({
        id: `g${seq}`,
        code: `110101001001${String(seq).padStart(width, '0')}`,
        polygon: [vertex(col, row), vertex(col + 1, row), vertex(col + 1, row + 1), vertex(col, row + 1)],
        col,
        row
      })
    }
  }
  const m = jitter * cell
  return {
    grids,
    vertex,
    bbox: { minLng: lng0 - m, minLat: lat0 - m, maxLng: lng0 + cols * cell + m, maxLat: lat0 + rows * cell + m }
  }
}
