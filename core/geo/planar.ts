import type { GcjRing } from '../types'

/**
 * Plane geometry for validating grids: rings prepared once (open, counter-clockwise, typed arrays), a local
 * equirectangular projection to metres, shoelace areas, even-odd containment and the self-intersection test.
 * City-scale only: no antimeridian, no poles.
 */

/** Mean Earth radius (IUGG), metres; the same sphere as core/routing/geometry.ts distances. */
const EARTH_RADIUS_M = 6_371_008.8
const RAD = Math.PI / 180
/** Metres per degree of latitude on that sphere. */
export const M_PER_DEG = EARTH_RADIUS_M * RAD

export interface Box {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/** A ring of [lng, lat] degrees, open (the closing vertex not repeated) and counter-clockwise. */
export interface PreparedRing {
  lng: Float64Array
  lat: Float64Array
  n: number
  /** In degrees: minX/maxX are longitudes, minY/maxY latitudes. */
  box: Box
}

/** The same ring on a local plane, metres, with each edge's box (edge i runs from vertex i to i + 1). */
export interface PlaneRing {
  x: Float64Array
  y: Float64Array
  n: number
  box: Box
  eMinX: Float64Array
  eMaxX: Float64Array
  eMinY: Float64Array
  eMaxY: Float64Array
}

export interface Projection {
  lng0: number
  lat0: number
  /** Metres per degree of longitude and of latitude at lat0. */
  kx: number
  ky: number
}

/**
 * Equirectangular projection centred on (lng0, lat0): exact enough for areas of a few km (scale error
 * ~(Δlat in rad)·tan(lat), under 0.2 % across a 5 km window at 30°N), and it keeps coordinates small,
 * which keeps the floating-point error of cross products small too.
 */
export function projection (lng0: number, lat0: number): Projection {
  return { lng0, lat0, kx: M_PER_DEG * Math.cos(lat0 * RAD), ky: M_PER_DEG }
}

export function boxOf (xs: Float64Array, ys: Float64Array, n: number): Box {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (let i = 0; i < n; i++) {
    const x = xs[i]
    const y = ys[i]
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  }
  return { minX, minY, maxX, maxY }
}

export function boxesMeet (a: Box, b: Box): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY
}

/** Twice the signed area in the ring's own units; positive when counter-clockwise. */
export function signedArea2 (xs: ArrayLike<number>, ys: ArrayLike<number>, n: number): number {
  if (n < 3) return 0
  // Relative to the first vertex, so large absolute coordinates (degrees ~113) cost no precision.
  const ox = xs[0]
  const oy = ys[0]
  let a2 = 0
  for (let i = 0, j = n - 1; i < n; j = i++) {
    a2 += (xs[j] - ox) * (ys[i] - oy) - (xs[i] - ox) * (ys[j] - oy)
  }
  return a2
}

/**
 * Prepare an open ring of finite, consecutive-distinct vertices held in typed arrays (taken over, not
 * copied): turned counter-clockwise if needed (overlay.ts relies on every ring having its interior on
 * the left), reversing all but the first vertex so the ring still starts where the file's did.
 */
export function prepareArrays (lng: Float64Array, lat: Float64Array): PreparedRing {
  const n = lng.length
  if (signedArea2(lng, lat, n) < 0) {
    lng.subarray(1).reverse()
    lat.subarray(1).reverse()
  }
  return { lng, lat, n, box: boxOf(lng, lat, n) }
}

export function prepareRing (ring: GcjRing): PreparedRing {
  return prepareArrays(Float64Array.from(ring, (p) => p[0]), Float64Array.from(ring, (p) => p[1]))
}

export function toGcjRing (r: PreparedRing): GcjRing {
  const out: GcjRing = []
  for (let i = 0; i < r.n; i++) out.push([r.lng[i], r.lat[i]])
  return out
}

export function project (r: PreparedRing, p: Projection): PlaneRing {
  const n = r.n
  const x = new Float64Array(n)
  const y = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    x[i] = (r.lng[i] - p.lng0) * p.kx
    y[i] = (r.lat[i] - p.lat0) * p.ky
  }
  const eMinX = new Float64Array(n)
  const eMaxX = new Float64Array(n)
  const eMinY = new Float64Array(n)
  const eMaxY = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const j = i + 1 === n ? 0 : i + 1
    eMinX[i] = x[i] < x[j] ? x[i] : x[j]
    eMaxX[i] = x[i] < x[j] ? x[j] : x[i]
    eMinY[i] = y[i] < y[j] ? y[i] : y[j]
    eMaxY[i] = y[i] < y[j] ? y[j] : y[i]
  }
  return { x, y, n, box: boxOf(x, y, n), eMinX, eMaxX, eMinY, eMaxY }
}

export function unproject (x: number, y: number, p: Projection): [number, number] {
  return [p.lng0 + x / p.kx, p.lat0 + y / p.ky]
}

/** Area in m² of a prepared ring, on a projection centred on its box. */
export function ringAreaM2 (r: PreparedRing): number {
  const p = projection((r.box.minX + r.box.maxX) / 2, (r.box.minY + r.box.maxY) / 2)
  return Math.abs(signedArea2(r.lng, r.lat, r.n)) / 2 * p.kx * p.ky
}

/** Orientation of c relative to the directed line a→b: > 0 left, < 0 right, 0 on it. */
function orient (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
}

/** Is c, known to be collinear with a–b, within the closed segment's box? */
function within (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return (ax <= bx ? ax <= cx && cx <= bx : bx <= cx && cx <= ax) &&
    (ay <= by ? ay <= cy && cy <= by : by <= cy && cy <= ay)
}

/** Do the closed segments a–b and c–d share at least one point? */
function segmentsMeet (
  ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number
): boolean {
  const o1 = orient(ax, ay, bx, by, cx, cy)
  const o2 = orient(ax, ay, bx, by, dx, dy)
  const o3 = orient(cx, cy, dx, dy, ax, ay)
  const o4 = orient(cx, cy, dx, dy, bx, by)
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return true
  return (o1 === 0 && within(ax, ay, bx, by, cx, cy)) || (o2 === 0 && within(ax, ay, bx, by, dx, dy)) ||
    (o3 === 0 && within(cx, cy, dx, dy, ax, ay)) || (o4 === 0 && within(cx, cy, dx, dy, bx, by))
}

export interface SelfIntersection {
  /** Edge k runs from vertex k to vertex k + 1 (the last one back to vertex 0). */
  edges: [number, number]
  /** Where they meet, [lng, lat]. */
  at: [number, number]
}

/**
 * Where an open ring (consecutive vertices distinct) crosses or touches itself: two non-adjacent edges that
 * share a point, or two adjacent edges that fold back over each other (a spike). Up to `limit` findings.
 *
 * Edges are bucketed in a grid over the ring's box, so each is compared only with the few near it: a
 * 200-vertex ring costs a few hundred segment tests, not 20,000. (A sweep along one axis is not enough:
 * a square grid's two sides along that axis put all their edges in the same band.)
 */
export function selfIntersections (lng: ArrayLike<number>, lat: ArrayLike<number>, limit = 3): SelfIntersection[] {
  const n = lng.length
  const found: SelfIntersection[] = []
  if (n < 3) return found
  // Relative to the first vertex: differences of ~1e-3° keep full precision in the cross products.
  const ox = lng[0]
  const oy = lat[0]
  const xs = new Float64Array(n)
  const ys = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    xs[i] = lng[i] - ox
    ys[i] = lat[i] - oy
  }
  // Where edges i (a→b) and j (c→d) meet: the crossing point, or for collinear edges an endpoint on the other.
  const at = (i: number, i2: number, j: number, j2: number): [number, number] => {
    const ex = xs[i2] - xs[i]
    const ey = ys[i2] - ys[i]
    const fx = xs[j2] - xs[j]
    const fy = ys[j2] - ys[j]
    const d = ex * fy - ey * fx
    if (d !== 0) {
      const t = ((xs[j] - xs[i]) * fy - (ys[j] - ys[i]) * fx) / d
      return [ox + xs[i] + t * ex, oy + ys[i] + t * ey]
    }
    const k = within(xs[i], ys[i], xs[i2], ys[i2], xs[j], ys[j]) ? j : within(xs[i], ys[i], xs[i2], ys[i2], xs[j2], ys[j2]) ? j2 : i
    return [lng[k], lat[k]]
  }

  // Spikes: vertex k where the ring turns back on the edge it came along.
  for (let k = 0; k < n && found.length < limit; k++) {
    const a = (k + n - 1) % n
    const b = (k + 1) % n
    const o = orient(xs[a], ys[a], xs[k], ys[k], xs[b], ys[b])
    const dot = (xs[k] - xs[a]) * (xs[b] - xs[k]) + (ys[k] - ys[a]) * (ys[b] - ys[k])
    if (o === 0 && dot < 0) found.push({ edges: [a, k], at: [lng[k], lat[k]] })
  }
  if (n === 3) return found

  const minX = new Float64Array(n)
  const maxX = new Float64Array(n)
  const minY = new Float64Array(n)
  const maxY = new Float64Array(n)
  let bx0 = Infinity; let bx1 = -Infinity; let by0 = Infinity; let by1 = -Infinity
  for (let i = 0; i < n; i++) {
    const j = i + 1 === n ? 0 : i + 1
    minX[i] = xs[i] < xs[j] ? xs[i] : xs[j]
    maxX[i] = xs[i] < xs[j] ? xs[j] : xs[i]
    minY[i] = ys[i] < ys[j] ? ys[i] : ys[j]
    maxY[i] = ys[i] < ys[j] ? ys[j] : ys[i]
    if (xs[i] < bx0) bx0 = xs[i]
    if (xs[i] > bx1) bx1 = xs[i]
    if (ys[i] < by0) by0 = ys[i]
    if (ys[i] > by1) by1 = ys[i]
  }
  // Bucket the edges in a √n × √n grid over the ring's box; only edges sharing a cell are compared, each
  // pair once, in the first cell both cover (the one at their boxes' common lower-left).
  const k = Math.max(1, Math.ceil(Math.sqrt(n)))
  const cw = (bx1 - bx0) / k || 1
  const ch = (by1 - by0) / k || 1
  const cell = (v: number, o: number, size: number): number => {
    const c = Math.floor((v - o) / size)
    return c < 0 ? 0 : c >= k ? k - 1 : c
  }
  const c0x = new Int32Array(n); const c1x = new Int32Array(n); const c0y = new Int32Array(n); const c1y = new Int32Array(n)
  const start = new Int32Array(k * k + 1)
  for (let i = 0; i < n; i++) {
    c0x[i] = cell(minX[i], bx0, cw); c1x[i] = cell(maxX[i], bx0, cw)
    c0y[i] = cell(minY[i], by0, ch); c1y[i] = cell(maxY[i], by0, ch)
    for (let cy = c0y[i]; cy <= c1y[i]; cy++) for (let cx = c0x[i]; cx <= c1x[i]; cx++) start[cy * k + cx + 1]++
  }
  for (let c = 0; c < k * k; c++) start[c + 1] += start[c]
  const fill = start.slice(0, k * k)
  const members = new Int32Array(start[k * k])
  for (let i = 0; i < n; i++) {
    for (let cy = c0y[i]; cy <= c1y[i]; cy++) for (let cx = c0x[i]; cx <= c1x[i]; cx++) members[fill[cy * k + cx]++] = i
  }
  for (let c = 0; c < k * k && found.length < limit; c++) {
    const cx = c % k
    const cy = (c - cx) / k
    for (let p = start[c]; p < start[c + 1] && found.length < limit; p++) {
      const i = members[p]
      const i2 = i + 1 === n ? 0 : i + 1
      for (let q = p + 1; q < start[c + 1] && found.length < limit; q++) {
        const j = members[q]
        if (minX[j] > maxX[i] || maxX[j] < minX[i] || minY[j] > maxY[i] || maxY[j] < minY[i]) continue
        if ((c0x[i] > c0x[j] ? c0x[i] : c0x[j]) !== cx || (c0y[i] > c0y[j] ? c0y[i] : c0y[j]) !== cy) continue
        const j2 = j + 1 === n ? 0 : j + 1
        if (j2 === i || i2 === j) continue // adjacent: they share a vertex by construction (spikes above)
        if (segmentsMeet(xs[i], ys[i], xs[i2], ys[i2], xs[j], ys[j], xs[j2], ys[j2])) {
          found.push({ edges: i < j ? [i, j] : [j, i], at: at(i, i2, j, j2) })
        }
      }
    }
  }
  return found
}
