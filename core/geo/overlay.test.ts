import { mulberry32 } from '../prng'
import type { GcjRing } from '../types'
import { unionHoles } from './holes'
import { overlapAreaM2 } from './overlap'
import { overlayRing } from './overlay'
import { prepareRing, projection, ringAreaM2, type PreparedRing } from './planar'

/** Rings in units of 0.001° (~100 m) around 113°E 28.1°N, so hand-checkable shapes read as small integers. */
const U = 0.001
const at = (pts: Array<[number, number]>): GcjRing => pts.map(([x, y]) => [113 + x * U, 28.1 + y * U])
const rect = (x0: number, y0: number, x1: number, y1: number): GcjRing => at([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
const prep = (r: GcjRing): PreparedRing => prepareRing(r)
/** m² of one unit square at this latitude. */
const UNIT = ringAreaM2(prep(rect(0, 0, 1, 1)))

describe('overlapAreaM2', () => {
  it('is 0 for disjoint rings and for rings touching at a corner', () => {
    expect(overlapAreaM2(prep(rect(0, 0, 1, 1)), prep(rect(3, 3, 4, 4)))).toBe(0)
    expect(overlapAreaM2(prep(rect(0, 0, 1, 1)), prep(rect(1, 1, 2, 2)))).toBe(0)
  })

  it('is 0 for neighbours sharing an edge, also when one has extra vertices along it (T-junctions)', () => {
    expect(overlapAreaM2(prep(rect(0, 0, 1, 1)), prep(rect(1, 0, 2, 1)))).toBeLessThan(1e-6)
    const withTees = at([[1, 0], [2, 0], [2, 1], [1, 1], [1, 0.7], [1, 0.25]])
    expect(overlapAreaM2(prep(rect(0, 0, 1, 1)), prep(withTees))).toBeLessThan(1e-6)
    // Partly shared edge: the neighbour is shorter and offset.
    expect(overlapAreaM2(prep(rect(0, 0, 1, 1)), prep(rect(1, 0.3, 2, 0.6)))).toBeLessThan(1e-6)
  })

  it('measures identical, half-overlapping and nested rings', () => {
    expect(overlapAreaM2(prep(rect(0, 0, 1, 1)), prep(rect(0, 0, 1, 1))) / UNIT).toBeCloseTo(1, 4)
    expect(overlapAreaM2(prep(rect(0, 0, 2, 2)), prep(rect(1, 0, 3, 2))) / UNIT).toBeCloseTo(2, 4)
    expect(overlapAreaM2(prep(rect(0, 0, 4, 4)), prep(rect(1, 1, 2, 3))) / UNIT).toBeCloseTo(2, 4)
    expect(overlapAreaM2(prep(rect(1, 1, 2, 3)), prep(rect(0, 0, 4, 4))) / UNIT).toBeCloseTo(2, 4)
    // Nested, sharing part of an edge (walked the same way by both).
    expect(overlapAreaM2(prep(rect(0, 0, 4, 4)), prep(rect(0, 1, 2, 3))) / UNIT).toBeCloseTo(4, 3)
  })

  it('handles non-convex rings: a U around a square poking into its notch', () => {
    const u = at([[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]])
    // The square covers the notch (no area) and half a unit of each arm: 2 × 0.5 × 1.
    expect(overlapAreaM2(prep(u), prep(rect(0.5, 2, 2.5, 4))) / UNIT).toBeCloseTo(1, 4)
    // Wholly inside the notch, touching both arms along their inner edges: nothing.
    expect(overlapAreaM2(prep(u), prep(rect(1, 1, 2, 3)))).toBeLessThan(1e-6)
  })

  it('does not depend on orientation or which ring comes first', () => {
    const a = rect(0, 0, 2, 2)
    const b = at([[1, -0.5], [2.5, 1], [1, 2.5], [-0.5, 1]]) // a diamond cutting the square's corners
    const ab = overlapAreaM2(prep(a), prep(b))
    expect(overlapAreaM2(prep(b), prep(a))).toBeCloseTo(ab, 6)
    expect(overlapAreaM2(prep(a.slice().reverse()), prep(b.slice().reverse()))).toBeCloseTo(ab, 6)
    expect(ab / UNIT).toBeCloseTo(3.5, 3) // 2×2 square minus four corner triangles of ⅛
  })

  it('agrees with an exact reference on 300 random pairs of non-convex (star-shaped) rings', () => {
    const rng = mulberry32(7)
    const star = (cx: number, cy: number): Array<[number, number]> => {
      // Jittered angles, gaps < π: star-shaped around the centre, so the fan from it tiles the ring.
      const k = 5 + Math.floor(rng() * 20)
      const angles = Array.from({ length: k }, (_, i) => ((i + 0.8 * rng()) / k) * 2 * Math.PI)
      return angles.map((t) => { const r = 0.3 + rng() * 0.7; return [cx + r * Math.cos(t), cy + r * Math.sin(t)] })
    }
    for (let n = 0; n < 300; n++) {
      const ca: [number, number] = [rng(), rng()]
      const cb: [number, number] = [rng() * 1.5, rng() * 1.5]
      const a = star(...ca)
      const b = star(...cb)
      const expected = fanIntersection(ca, a, cb, b) * UNIT
      const got = overlapAreaM2(prep(at(a)), prep(at(b)))
      expect(Math.abs(got - expected)).toBeLessThan(1e-4 * UNIT)
    }
  })
})

describe('unionHoles', () => {
  const holesOf = (rings: GcjRing[]): Array<{ areaM2: number; ring: GcjRing }> => {
    const prepared = rings.map(prep)
    const p = projection(113.002, 28.102)
    return unionHoles(prepared.map((r) => overlayRing(r, p)), p)
  }
  const lattice = (cols: number, rows: number, skip: Array<[number, number]>): GcjRing[] => {
    const out: GcjRing[] = []
    for (let i = 0; i < cols; i++) {
      for (let j = 0; j < rows; j++) if (!skip.some(([a, b]) => a === i && b === j)) out.push(rect(i, j, i + 1, j + 1))
    }
    return out
  }

  it('finds none in a full tiling or a concave outline (an L has no hole)', () => {
    expect(holesOf(lattice(3, 3, []))).toEqual([])
    expect(holesOf(lattice(2, 2, [[1, 1]]))).toEqual([])
  })

  it('finds the missing middle of a 3×3 block, with its outline', () => {
    const holes = holesOf(lattice(3, 3, [[1, 1]]))
    expect(holes).toHaveLength(1)
    expect(holes[0].areaM2 / UNIT).toBeCloseTo(1, 3)
    const xs = holes[0].ring.map((p) => Math.round((p[0] - 113) / U))
    expect(Math.min(...xs)).toBe(1)
    expect(Math.max(...xs)).toBe(2)
  })

  it('keeps two holes that touch at a vertex apart', () => {
    const holes = holesOf(lattice(4, 4, [[1, 1], [2, 2]]))
    expect(holes).toHaveLength(2)
    for (const h of holes) expect(h.areaM2 / UNIT).toBeCloseTo(1, 3)
  })

  it('finds a hole that touches the outside at a vertex, and an L-shaped hole', () => {
    // Corner cell (0, 0) missing too: the middle hole meets the outside at (1, 1) but is still enclosed.
    const touching = holesOf(lattice(3, 3, [[1, 1], [0, 0]]))
    expect(touching).toHaveLength(1)
    expect(touching[0].areaM2 / UNIT).toBeCloseTo(1, 3)
    const l = holesOf(lattice(4, 4, [[1, 1], [2, 1], [1, 2]]))
    expect(l).toHaveLength(1)
    expect(l[0].areaM2 / UNIT).toBeCloseTo(3, 3)
  })

  it('finds a sliver between neighbours that do not quite meet', () => {
    // Two columns of cells with a 0.05-unit strip between them, closed off at the top and bottom.
    const rings = [rect(0, 0, 1, 3), rect(1.05, 0, 2, 3), rect(0, 3, 2, 4), rect(0, -1, 2, 0)]
    const holes = holesOf(rings)
    expect(holes).toHaveLength(1)
    expect(holes[0].areaM2 / UNIT).toBeCloseTo(0.15, 3)
  })
})

// ---- exact reference: fan triangles of star-shaped rings, clipped pairwise (Sutherland–Hodgman on convex pieces)

type P = [number, number]
const cross = (o: P, a: P, b: P): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
const area = (poly: P[]): number => {
  let s = 0
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) s += poly[j][0] * poly[i][1] - poly[i][0] * poly[j][1]
  return s / 2
}
function clipConvex (subject: P[], clip: P[]): P[] {
  let out = subject
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const a = clip[i]
    const b = clip[(i + 1) % clip.length]
    const input = out
    out = []
    for (let k = 0; k < input.length; k++) {
      const p = input[k]
      const q = input[(k + 1) % input.length]
      const cp = cross(a, b, p)
      const cq = cross(a, b, q)
      if (cp >= 0) out.push(p)
      if ((cp >= 0) !== (cq >= 0)) {
        const t = cp / (cp - cq)
        out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])])
      }
    }
  }
  return out
}
function fan (c: P, ring: P[]): P[][] {
  return ring.map((p, i) => [c, p, ring[(i + 1) % ring.length]])
}
/** Area of A ∩ B in unit², in the same plane the rings were drawn in (units scaled to ~metres by UNIT). */
function fanIntersection (ca: P, a: P[], cb: P, b: P[]): number {
  let s = 0
  for (const ta of fan(ca, a)) {
    for (const tb of fan(cb, b)) {
      const piece = clipConvex(ta, tb)
      if (piece.length >= 3) s += Math.abs(area(piece))
    }
  }
  return s
}
