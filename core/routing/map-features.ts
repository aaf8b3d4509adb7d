import type { GcjPoint } from '../types'
import { distanceMeters, ringBbox, type Bbox } from './geometry'
import { METRES_PER_DEGREE } from './picking'

/**
 * Roads, rivers and named places drawn on the offline map so a resident can find their spot: orientation
 * only, never used to route a report (grids do that).
 */

export type MapRoadKind = 'expressway' | 'ring' | 'main' | 'river'

export interface MapRoad {
  name: string
  kind: MapRoadKind
  /** GCJ-02 [lng, lat] vertices */
  line: Array<[number, number]>
}

export interface MapPlace {
  name: string
  /** 1: shown first when labels compete for room; 2: when there is room */
  rank: 1 | 2
  at: [number, number]
}

export interface MapFeatures {
  roads: MapRoad[]
  places: MapPlace[]
}

function grow (b: Bbox, marginM: number): Bbox {
  const dLat = marginM / METRES_PER_DEGREE
  const dLng = marginM / (METRES_PER_DEGREE * Math.max(0.01, Math.cos((((b.minLat + b.maxLat) / 2) * Math.PI) / 180)))
  return { minLng: b.minLng - dLng, minLat: b.minLat - dLat, maxLng: b.maxLng + dLng, maxLat: b.maxLat + dLat }
}

const inBox = (b: Bbox, [lng, lat]: [number, number]) => lng >= b.minLng && lng <= b.maxLng && lat >= b.minLat && lat <= b.maxLat
const overlaps = (a: Bbox, b: Bbox) => a.minLng <= b.maxLng && b.minLng <= a.maxLng && a.minLat <= b.maxLat && b.minLat <= a.maxLat

/**
 * The features that reach into the box (grown by `marginM`): a city's grids get its own roads and places,
 * another city's get none. A road is kept whole when its own box overlaps.
 */
export function featuresWithin (features: MapFeatures, box: Bbox, marginM = 1000): MapFeatures {
  const b = grow(box, marginM)
  return {
    roads: features.roads.filter((r) => {
      const rb = ringBbox(r.line)
      return rb !== null && overlaps(rb, b)
    }),
    places: features.places.filter((p) => inBox(b, p.at))
  }
}

/** Metres from p to the segment a–b, on a local plane (city scale). */
function segmentDistanceM (p: GcjPoint, a: [number, number], b: [number, number]): number {
  const k = Math.cos((p.lat * Math.PI) / 180)
  const ax = (a[0] - p.lng) * k
  const ay = a[1] - p.lat
  const bx = (b[0] - p.lng) * k
  const by = b[1] - p.lat
  const dx = bx - ax
  const dy = by - ay
  const len2 = dx * dx + dy * dy
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2))
  return Math.hypot(ax + t * dx, ay + t * dy) * METRES_PER_DEGREE
}

/** Metres from p to the nearest point of the polyline. */
export function distanceToLineM (p: GcjPoint, line: ReadonlyArray<[number, number]>): number {
  if (line.length === 1) return distanceMeters(p, { lng: line[0][0], lat: line[0][1] })
  let best = Infinity
  for (let i = 1; i < line.length; i++) best = Math.min(best, segmentDistanceM(p, line[i - 1], line[i]))
  return best
}

export const NEAR_PLACE_M = 1500
export const NEAR_ROAD_M = 400

/**
 * Where a point is, in words a resident knows: the nearest named place within NEAR_PLACE_M ("东塘附近") and
 * the nearest road within NEAR_ROAD_M ("韶山路旁"), either, both ("东塘附近，韶山路旁") or null. Rivers are
 * not roads: a point is never "beside" one here.
 */
export function describePoint (p: GcjPoint, features: { roads: readonly MapRoad[]; places: readonly MapPlace[] }): string | null {
  let place: { name: string; d: number } | null = null
  for (const pl of features.places) {
    const d = distanceMeters(p, { lng: pl.at[0], lat: pl.at[1] })
    if (d <= NEAR_PLACE_M && (!place || d < place.d)) place = { name: pl.name, d }
  }
  let road: { name: string; d: number } | null = null
  for (const r of features.roads) {
    if (r.kind === 'river' || r.line.length === 0) continue
    const d = distanceToLineM(p, r.line)
    if (d <= NEAR_ROAD_M && (!road || d < road.d)) road = { name: r.name, d }
  }
  const parts = [place ? `${place.name}附近` : null, road ? `${road.name}旁` : null].filter((s): s is string => s !== null)
  return parts.length ? parts.join('，') : null
}
