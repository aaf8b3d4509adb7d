import type { GcjRing } from '../types'
import { createGridIndex, scanLocate, type RoutableGrid, type RouteResult } from './gridIndex'
import { jitteredLattice, mulberry32 } from './testing/lattice'

const rect = (x0: number, y0: number, x1: number, y1: number): GcjRing => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
const grid = (code: string, polygon: GcjRing): RoutableGrid => ({ id: `id-${code}`, code, polygon })
const pt = (lng: number, lat: number) => ({ lng, lat })
const codeOf = (r: RouteResult): string | null => (r.kind === 'grid' ? r.grid.code : null)

// Four unit cells around (1, 1); codes deliberately not in position order.
const quad = [
  grid('003', rect(0, 0, 1, 1)),
  grid('001', rect(1, 0, 2, 1)),
  grid('004', rect(0, 1, 1, 2)),
  grid('002', rect(1, 1, 2, 2))
]

describe.each([
  ['indexed', (gs: RoutableGrid[]) => createGridIndex(gs).locate],
  ['scan', (gs: RoutableGrid[]) => (p: { lng: number; lat: number }) => scanLocate(gs, p)]
])('%s locate', (_name, make) => {
  it('finds the grid a point is inside', () => {
    const locate = make(quad)
    expect(codeOf(locate(pt(0.5, 0.5)))).toBe('003')
    expect(codeOf(locate(pt(1.5, 1.5)))).toBe('002')
    expect(locate(pt(0.5, 0.5))).toEqual({ kind: 'grid', grid: quad[0] })
  })

  it('gives a shared edge to the smallest code, whatever the load order', () => {
    for (const gs of [quad, [...quad].reverse()]) {
      const locate = make(gs)
      expect(codeOf(locate(pt(1, 0.5)))).toBe('001') // 003 | 001
      expect(codeOf(locate(pt(0.5, 1)))).toBe('003') // 003 / 004
      expect(codeOf(locate(pt(1, 1.5)))).toBe('002') // 004 | 002
      expect(codeOf(locate(pt(1, 0.5 + 1e-13)))).toBe('001')
    }
  })

  it('gives a vertex shared by four grids to the smallest code', () => {
    expect(codeOf(make(quad)(pt(1, 1)))).toBe('001')
    expect(codeOf(make(quad.filter((g) => g.code !== '001'))(pt(1, 1)))).toBe('002')
  })

  it('counts the outer boundary as inside', () => {
    expect(codeOf(make(quad)(pt(0, 0)))).toBe('003')
    expect(codeOf(make(quad)(pt(2, 1.5)))).toBe('002')
    expect(codeOf(make(quad)(pt(2 + 1e-13, 1.5)))).toBe('002')
  })

  it('routes a point in a concave grid\'s notch to the grid filling it', () => {
    const u = grid('100', [[0, 0], [10, 0], [10, 10], [6, 10], [6, 3], [4, 3], [4, 10], [0, 10]])
    const notch = grid('200', rect(4, 3, 6, 10))
    const locate = make([u, notch])
    expect(codeOf(locate(pt(5, 8)))).toBe('200')
    expect(codeOf(locate(pt(5, 2)))).toBe('100')
    expect(codeOf(locate(pt(4, 8)))).toBe('100') // seam: 100 < 200
    expect(codeOf(make([u])(pt(5, 8)))).toBeNull() // in the bbox, not the polygon
  })

  it('answers none outside every grid', () => {
    expect(make(quad)(pt(3, 3))).toEqual({ kind: 'none' })
    expect(make(quad)(pt(2 + 1e-9, 0.5))).toEqual({ kind: 'none' })
  })

  it('answers none for invalid coordinates instead of throwing', () => {
    const world = [grid('999', rect(-180, -90, 180, 90))]
    const locate = make(world)
    expect(codeOf(locate(pt(0, 0)))).toBe('999')
    for (const p of [pt(NaN, 0), pt(0, NaN), pt(Infinity, 0), pt(180.5, 0), pt(0, -90.5)]) {
      expect(locate(p)).toEqual({ kind: 'none' })
    }
  })

  it('answers none with no grids at all', () => {
    expect(make([])(pt(0.5, 0.5))).toEqual({ kind: 'none' })
  })

  it('ignores grids whose polygon cannot contain anything', () => {
    const bad = [grid('000', [[0, 0], [5, 5]]), grid('0001', [[0, 0], [NaN, 5], [5, 0], [5, 5]])]
    expect(codeOf(make([...bad, ...quad])(pt(0.5, 0.5)))).toBe('003')
  })
})

describe('createGridIndex', () => {
  it('reports how many grids it holds', () => {
    expect(createGridIndex([]).size).toBe(0)
    expect(createGridIndex(quad).size).toBe(4)
    expect(createGridIndex([...quad, grid('x', [[0, 0], [1, 1]])]).size).toBe(4)
  })

  it('agrees with the scan on a jittered lattice, at random points, vertices and edge midpoints', () => {
    const { grids, bbox, vertex } = jitteredLattice({ cols: 40, rows: 30, seed: 7 })
    const index = createGridIndex(grids)
    // Cell (c, r) has vertices (c, r)…(c+1, r+1); cell codes grow with r * cols + c.
    const cellCode = (c: number, r: number) => grids[r * 40 + c].code
    // Collected rather than asserted one by one: thousands of expect() calls would dominate the run time.
    const mismatches: string[] = []
    const check = (p: { lng: number; lat: number }, expected?: string) => {
      const a = index.locate(p)
      const b = scanLocate(grids, p)
      const same = a.kind === 'grid' ? b.kind === 'grid' && a.grid === b.grid : b.kind === 'none'
      if (!same || (expected !== undefined && codeOf(a) !== expected)) {
        mismatches.push(`${p.lng},${p.lat}: index ${codeOf(a)} scan ${codeOf(b)} expected ${expected}`)
      }
      return a
    }

    const rand = mulberry32(42)
    const margin = 0.002
    let inside = 0
    for (let k = 0; k < 4000; k++) {
      const p = pt(
        bbox.minLng - margin + rand() * (bbox.maxLng - bbox.minLng + 2 * margin),
        bbox.minLat - margin + rand() * (bbox.maxLat - bbox.minLat + 2 * margin)
      )
      if (check(p).kind === 'grid') inside++
    }
    for (let j = 1; j < 30; j++) {
      for (let i = 1; i < 40; i++) {
        const [lng, lat] = vertex(i, j)
        check(pt(lng, lat), cellCode(i - 1, j - 1))
        // Midpoint of the vertical edge (i, j-1)–(i, j), shared by cells (i-1, j-1) and (i, j-1).
        const [lng0, lat0] = vertex(i, j - 1)
        check(pt((lng + lng0) / 2, (lat + lat0) / 2), cellCode(i - 1, j - 1))
      }
    }
    expect(mismatches).toEqual([])
    expect(inside).toBeGreaterThan(3000) // the sample mostly lands on grids
    expect(inside).toBeLessThan(4000) // and some of it outside
  })

  it('covers a tiling with no gaps: every point inside the lattice\'s core finds a grid', () => {
    const { grids, vertex } = jitteredLattice({ cols: 20, rows: 20, seed: 3 })
    const index = createGridIndex(grids)
    const rand = mulberry32(9)
    // Points inside the lattice, away from its ragged outer edge.
    const [x0, y0] = vertex(1, 1)
    const [x1, y1] = vertex(19, 19)
    for (let k = 0; k < 2000; k++) {
      const p = pt(x0 + 0.001 + rand() * (x1 - x0 - 0.002), y0 + 0.001 + rand() * (y1 - y0 - 0.002))
      expect(index.locate(p).kind).toBe('grid')
    }
  })
})
