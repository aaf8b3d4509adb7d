import type { GcjPoint, GcjRing } from '../types'

/**
 * Planar geometry on GCJ-02 degrees. Grids are street-scale, so treating lng/lat as a plane is exact
 * enough for containment; distances use the haversine formula. No antimeridian handling: every grid is
 * in China.
 */

/** How close to an edge (in degrees, ~0.1 µm) a point must be to count as on it. */
export const BOUNDARY_EPSILON_DEG = 1e-12

export interface Bbox {
  minLng: number
  minLat: number
  maxLng: number
  maxLat: number
}

/** Finite and within lng −180..180, lat −90..90. */
export function isValidPoint (p: GcjPoint): boolean {
  return Number.isFinite(p.lng) && Number.isFinite(p.lat) &&
    p.lng >= -180 && p.lng <= 180 && p.lat >= -90 && p.lat <= 90
}

/** Is p within `eps` degrees of one of the ring's edges (the closing edge included)? */
export function pointOnRingBoundary (p: GcjPoint, ring: GcjRing, eps = BOUNDARY_EPSILON_DEG): boolean {
  const n = ring.length
  if (n === 0) return false
  const x = p.lng
  const y = p.lat
  const eps2 = eps * eps
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const ax = ring[j][0]
    const ay = ring[j][1]
    const bx = ring[i][0]
    const by = ring[i][1]
    // Cheap rejection first: most edges are nowhere near the point. Plain comparisons, not Math.min:
    // global lookups are slow inside sandboxes such as Jest's vm context.
    if ((x < ax - eps && x < bx - eps) || (x > ax + eps && x > bx + eps)) continue
    if ((y < ay - eps && y < by - eps) || (y > ay + eps && y > by + eps)) continue
    const dx = bx - ax
    const dy = by - ay
    const len2 = dx * dx + dy * dy
    let t = len2 === 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / len2
    t = t < 0 ? 0 : t > 1 ? 1 : t
    const ex = ax + t * dx - x
    const ey = ay + t * dy - y
    if (ex * ex + ey * ey <= eps2) return true
  }
  return false
}

/**
 * Even-odd ray casting (ray towards +lng). Strictly-interior test: a point exactly on an edge may go
 * either way, which is why `ringContains` checks the boundary first.
 */
export function pointInRing (p: GcjPoint, ring: GcjRing): boolean {
  const n = ring.length
  const x = p.lng
  const y = p.lat
  let inside = false
  for (let i = 0, j = n - 1; i < n; j = i++) {
    let ax = ring[j][0]
    let ay = ring[j][1]
    let bx = ring[i][0]
    let by = ring[i][1]
    // Half-open rule: a vertex on the ray counts for exactly one of its two edges.
    if ((ay > y) === (by > y)) continue
    // Orient the edge bottom-up so an edge shared by two grids (walked in opposite directions)
    // rounds to the same crossing in both.
    if (ay > by) {
      const tx = ax; ax = bx; bx = tx
      const ty = ay; ay = by; by = ty
    }
    if (x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside
  }
  return inside
}

/** Inside or on the boundary. Rings with fewer than 3 vertices contain nothing. */
export function ringContains (p: GcjPoint, ring: GcjRing, eps = BOUNDARY_EPSILON_DEG): boolean {
  if (ring.length < 3) return false
  return pointOnRingBoundary(p, ring, eps) || pointInRing(p, ring)
}

/** Bounding box of the ring; null for an empty ring or one with non-finite coordinates. */
export function ringBbox (ring: GcjRing): Bbox | null {
  if (ring.length === 0) return null
  let minLng = Infinity
  let minLat = Infinity
  let maxLng = -Infinity
  let maxLat = -Infinity
  for (const [lng, lat] of ring) {
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) return null
    if (lng < minLng) minLng = lng
    if (lng > maxLng) maxLng = lng
    if (lat < minLat) minLat = lat
    if (lat > maxLat) maxLat = lat
  }
  return { minLng, minLat, maxLng, maxLat }
}

/** Union of the rings' bounding boxes; rings without a usable box are skipped; null if none. */
export function ringsBbox (rings: readonly GcjRing[]): Bbox | null {
  let out: Bbox | null = null
  for (const ring of rings) {
    const b = ringBbox(ring)
    if (!b) continue
    out = out === null
      ? { ...b }
      : { minLng: Math.min(out.minLng, b.minLng), minLat: Math.min(out.minLat, b.minLat), maxLng: Math.max(out.maxLng, b.maxLng), maxLat: Math.max(out.maxLat, b.maxLat) }
  }
  return out
}

/**
 * Area centroid (shoelace). Falls back to the vertex mean for a degenerate (zero-area) ring; null for an
 * empty ring. Coordinates are taken relative to the first vertex to keep precision.
 */
export function ringCentroid (ring: GcjRing): GcjPoint | null {
  const n = ring.length
  if (n === 0) return null
  const ox = ring[0][0]
  const oy = ring[0][1]
  let a2 = 0
  let cx = 0
  let cy = 0
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const x0 = ring[j][0] - ox
    const y0 = ring[j][1] - oy
    const x1 = ring[i][0] - ox
    const y1 = ring[i][1] - oy
    const cross = x0 * y1 - x1 * y0
    a2 += cross
    cx += (x0 + x1) * cross
    cy += (y0 + y1) * cross
  }
  if (a2 === 0) {
    let sx = 0
    let sy = 0
    for (const [lng, lat] of ring) { sx += lng; sy += lat }
    return { lng: sx / n, lat: sy / n }
  }
  return { lng: ox + cx / (3 * a2), lat: oy + cy / (3 * a2) }
}

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8
const RAD = Math.PI / 180

/** Great-circle distance in metres (haversine). GCJ-02's offset is locally uniform, so short distances hold. */
export function distanceMeters (a: GcjPoint, b: GcjPoint): number {
  const dLat = (b.lat - a.lat) * RAD
  const dLng = (b.lng - a.lng) * RAD
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)))
}
