import type { GcjRing } from '../types'
import { M_PER_DEG, prepareRing, ringAreaM2, selfIntersections, signedArea2, toGcjRing, type SelfIntersection } from './planar'

const square = (lng: number, lat: number, d: number): GcjRing => [[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d]]

const si = (ring: GcjRing, limit?: number): SelfIntersection[] => selfIntersections(ring.map((p) => p[0]), ring.map((p) => p[1]), limit)

/** A regular n-gon around (lng, lat), counter-clockwise. */
function circle (n: number, lng = 113, lat = 28.1, r = 0.001): GcjRing {
  return Array.from({ length: n }, (_, k) => [lng + r * Math.cos((2 * Math.PI * k) / n), lat + r * Math.sin((2 * Math.PI * k) / n)] as [number, number])
}

describe('selfIntersections', () => {
  it('finds nothing in simple rings, convex or not, with collinear runs', () => {
    expect(si(square(113, 28.1, 0.001))).toEqual([])
    expect(si(circle(200))).toEqual([])
    // An L shape with a straight run of three collinear vertices along the bottom.
    expect(si([[0, 0], [1, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]].map(([x, y]) => [113 + x / 1e3, 28 + y / 1e3]))).toEqual([])
  })

  it('finds a bow-tie crossing and says where', () => {
    const found = si([[113, 28], [113.002, 28.002], [113.002, 28], [113, 28.002]])
    expect(found).toHaveLength(1)
    expect(found[0].edges).toEqual([0, 2])
    expect(found[0].at[0]).toBeCloseTo(113.001, 9)
    expect(found[0].at[1]).toBeCloseTo(28.001, 9)
  })

  it('finds a ring that touches itself at a vertex (figure eight)', () => {
    // Vertex 2 lies on edge 4→5 … the ring pinches at (1, 1).
    const ring: GcjRing = [[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1]].map(([x, y]) => [113 + x / 1e3, 28 + y / 1e3])
    expect(si(ring).length).toBeGreaterThan(0)
  })

  it('finds a spike: an edge that folds back over the previous one', () => {
    const ring: GcjRing = [[0, 0], [2, 0], [2, 2], [2, 1], [0, 2]].map(([x, y]) => [113 + x / 1e3, 28 + y / 1e3])
    const found = si(ring)
    expect(found.length).toBeGreaterThan(0)
    expect(found[0].at).toEqual(ring[2])
  })

  it('finds a crossing in a long ring and in a degenerate (collinear) triangle', () => {
    const ring = circle(150)
    // Swap two vertices far apart: the ring now crosses itself.
    const t = ring[10]; ring[10] = ring[80]; ring[80] = t
    expect(si(ring).length).toBeGreaterThan(0)
    expect(si([[113, 28], [113.001, 28], [113.002, 28]]).length).toBeGreaterThan(0)
  })

  it('stops at the limit', () => {
    // A zigzag crossing a straight edge many times.
    const ring: GcjRing = [[113, 28]]
    for (let k = 0; k <= 20; k++) ring.push([113 + k * 0.0001, k % 2 === 0 ? 28.001 : 27.999])
    expect(si(ring, 3)).toHaveLength(3)
  })
})

describe('prepareRing and areas', () => {
  it('turns clockwise rings counter-clockwise and keeps counter-clockwise ones', () => {
    const ccw = square(113, 28.1, 0.001)
    const cw = ccw.slice().reverse()
    const a = prepareRing(ccw)
    const b = prepareRing(cw)
    expect(signedArea2(a.lng, a.lat, a.n)).toBeGreaterThan(0)
    expect(signedArea2(b.lng, b.lat, b.n)).toBeGreaterThan(0)
    expect(toGcjRing(a)).toEqual(ccw)
    // Reversed behind its first vertex, which stays first.
    expect(toGcjRing(b)).toEqual([cw[0], ccw[0], ccw[1], ccw[2]])
    expect(a.box).toEqual({ minX: 113, minY: 28.1, maxX: 113 + 0.001, maxY: 28.1 + 0.001 })
  })

  it('measures a 0.001° square at 28.1°N as ~10,900 m² (local equirectangular)', () => {
    const expected = M_PER_DEG * 0.001 * M_PER_DEG * 0.001 * Math.cos((28.1005 * Math.PI) / 180)
    expect(ringAreaM2(prepareRing(square(113, 28.1, 0.001)))).toBeCloseTo(expected, 3)
    expect(expected).toBeGreaterThan(10_850)
    expect(expected).toBeLessThan(10_950)
  })
})
