import type { GcjRing } from '../types'
import {
  distanceMeters, isValidPoint, pointInRing, pointOnRingBoundary, ringBbox, ringCentroid, ringContains, ringsBbox
} from './geometry'

const square: GcjRing = [[0, 0], [10, 0], [10, 10], [0, 10]]
// A "U": the notch 4..6 × 3..10 is outside.
const u: GcjRing = [[0, 0], [10, 0], [10, 10], [6, 10], [6, 3], [4, 3], [4, 10], [0, 10]]
const pt = (lng: number, lat: number) => ({ lng, lat })

describe('pointInRing', () => {
  it('tells inside from outside', () => {
    expect(pointInRing(pt(5, 5), square)).toBe(true)
    expect(pointInRing(pt(11, 5), square)).toBe(false)
    expect(pointInRing(pt(-0.001, 5), square)).toBe(false)
    expect(pointInRing(pt(5, 10.5), square)).toBe(false)
  })

  it('handles a concave ring, including rays through its vertices', () => {
    expect(pointInRing(pt(5, 8), u)).toBe(false) // in the notch
    expect(pointInRing(pt(5, 2), u)).toBe(true) // under the notch
    expect(pointInRing(pt(2, 8), u)).toBe(true) // left arm
    expect(pointInRing(pt(8, 8), u)).toBe(true) // right arm
    expect(pointInRing(pt(2, 3), u)).toBe(true) // ray passes through the notch's bottom vertices
    expect(pointInRing(pt(-1, 3), u)).toBe(false)
  })

  it('accepts a ring whose last vertex repeats the first', () => {
    const closed: GcjRing = [...square, [0, 0]]
    expect(pointInRing(pt(5, 5), closed)).toBe(true)
    expect(pointInRing(pt(15, 5), closed)).toBe(false)
  })
})

describe('pointOnRingBoundary', () => {
  it('finds points on edges, on vertices and on the closing edge', () => {
    expect(pointOnRingBoundary(pt(5, 0), square)).toBe(true)
    expect(pointOnRingBoundary(pt(10, 10), square)).toBe(true)
    expect(pointOnRingBoundary(pt(0, 5), square)).toBe(true) // closing edge [0,10] → [0,0]
    expect(pointOnRingBoundary(pt(5, 3), u)).toBe(true) // notch bottom
  })

  it('uses a ~1e-12 degree tolerance', () => {
    expect(pointOnRingBoundary(pt(5, 1e-13), square)).toBe(true)
    expect(pointOnRingBoundary(pt(5, -1e-13), square)).toBe(true)
    expect(pointOnRingBoundary(pt(5, 1e-9), square)).toBe(false)
    expect(pointOnRingBoundary(pt(10 + 1e-9, 10), square)).toBe(false)
  })

  it('is false in the interior, far outside and for an empty ring', () => {
    expect(pointOnRingBoundary(pt(5, 5), square)).toBe(false)
    expect(pointOnRingBoundary(pt(20, 0), square)).toBe(false) // on the edge's line, past its end
    expect(pointOnRingBoundary(pt(0, 0), [])).toBe(false)
  })
})

describe('ringContains', () => {
  it('counts the boundary as inside', () => {
    expect(ringContains(pt(10, 5), square)).toBe(true)
    expect(ringContains(pt(10 + 1e-13, 5), square)).toBe(true)
    expect(ringContains(pt(10 + 1e-9, 5), square)).toBe(false)
  })

  it('gives nothing to rings with fewer than three vertices', () => {
    expect(ringContains(pt(0, 0), [[0, 0], [1, 1]])).toBe(false)
  })
})

describe('isValidPoint', () => {
  it('accepts the full range and rejects the rest', () => {
    expect(isValidPoint(pt(116.4, 39.9))).toBe(true)
    expect(isValidPoint(pt(-180, -90))).toBe(true)
    expect(isValidPoint(pt(180, 90))).toBe(true)
    expect(isValidPoint(pt(NaN, 39.9))).toBe(false)
    expect(isValidPoint(pt(116.4, Infinity))).toBe(false)
    expect(isValidPoint(pt(180.0001, 0))).toBe(false)
    expect(isValidPoint(pt(0, -90.0001))).toBe(false)
  })
})

describe('ringBbox and ringCentroid', () => {
  it('bounds a ring', () => {
    expect(ringBbox(u)).toEqual({ minLng: 0, minLat: 0, maxLng: 10, maxLat: 10 })
    expect(ringBbox([])).toBeNull()
    expect(ringBbox([[0, 0], [NaN, 1], [1, 1]])).toBeNull()
  })

  it('finds the area centroid, whatever the winding', () => {
    expect(ringCentroid(square)).toEqual({ lng: 5, lat: 5 })
    expect(ringCentroid([...square].reverse())).toEqual({ lng: 5, lat: 5 })
    const c = ringCentroid([[0, 0], [6, 0], [0, 3]])!
    expect(c.lng).toBeCloseTo(2, 12)
    expect(c.lat).toBeCloseTo(1, 12)
    // U: area 100 − 14 = 86; x by symmetry 5; y = (100·5 − 14·6.5) / 86
    const cu = ringCentroid(u)!
    expect(cu.lng).toBeCloseTo(5, 12)
    expect(cu.lat).toBeCloseTo((500 - 91) / 86, 12)
  })

  it('falls back to the vertex mean for a degenerate ring', () => {
    expect(ringCentroid([[0, 0], [2, 2], [4, 4]])).toEqual({ lng: 2, lat: 2 })
    expect(ringCentroid([])).toBeNull()
  })
})

describe('distanceMeters', () => {
  const degree = (6_371_008.8 * Math.PI) / 180 // ≈ 111,195 m

  it('measures a degree of latitude and of longitude at the equator', () => {
    expect(distanceMeters(pt(116, 39), pt(116, 40))).toBeCloseTo(degree, 6)
    expect(distanceMeters(pt(0, 0), pt(1, 0))).toBeCloseTo(degree, 6)
  })

  it('shrinks longitude by cos(latitude) and is symmetric', () => {
    const d = distanceMeters(pt(0, 60), pt(0.001, 60))
    expect(d).toBeCloseTo(degree * 0.001 * 0.5, 3)
    expect(distanceMeters(pt(0.001, 60), pt(0, 60))).toBe(d)
    expect(distanceMeters(pt(116.4, 39.9), pt(116.4, 39.9))).toBe(0)
  })

  it('gives ~50 m for a typical duplicate radius', () => {
    // 0.00045° of latitude ≈ 50.04 m
    expect(distanceMeters(pt(116.4, 39.9), pt(116.4, 39.90045))).toBeCloseTo(50.04, 1)
  })
})

describe('ringsBbox', () => {
  it('is the union of the rings\' boxes, skipping empty and non-finite rings; null for none', () => {
    expect(ringsBbox([[[1, 2], [3, 1], [2, 5]], [], [[0, 3], [Number.NaN, 1]], [[-1, 4], [0, 0], [0.5, 6]]]))
      .toEqual({ minLng: -1, minLat: 0, maxLng: 3, maxLat: 6 })
    expect(ringsBbox([[]])).toBeNull()
    expect(ringsBbox([])).toBeNull()
  })
})
