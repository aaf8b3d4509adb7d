import type { GcjPoint, GcjRing } from '../../core/types'
import { distanceMeters, pointInRing, ringBbox, ringCentroid, type Bbox } from '../../core/routing/geometry'

/**
 * Geometry for building the demo city. Containment, centroids and distances come from core/routing, so
 * the seed puts a point in the same grid the product's router would; only seed-specific helpers live here.
 */

export type { Bbox }

export const insideRing = pointInRing
export const distanceM = distanceMeters

export function centroidOf (ring: GcjRing): GcjPoint {
  const c = ringCentroid(ring)
  if (c === null) throw new Error('seed: centroid of an empty ring')
  return c
}

export function bboxOf (ring: GcjRing): Bbox {
  const b = ringBbox(ring)
  if (b === null) throw new Error('seed: bbox of an empty or non-finite ring')
  return b
}

/** Kilometres per degree at a latitude (equirectangular approximation, fine at city scale). */
export function kmPerDegree (lat: number): { lng: number; lat: number } {
  return { lng: 111.32 * Math.cos((lat * Math.PI) / 180), lat: 110.57 }
}

/** Approximate area of a simple ring in km² (shoelace on a local plane). */
export function areaKm2 (ring: GcjRing): number {
  let a2 = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a2 += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1]
  }
  const k = kmPerDegree(centroidOf(ring).lat)
  return (Math.abs(a2) / 2) * k.lng * k.lat
}

export function round6 (x: number): number {
  return Math.round(x * 1e6) / 1e6
}
