import { ringsBbox, type Bbox } from '../../../core/routing'
import type { GcjPoint } from '../../../core/types'

/**
 * Screen projection for the offline grid map: equirectangular, with longitude shrunk by cos(latitude) at
 * the middle of the fitted box so that shapes keep their proportions (a street-scale city is flat enough).
 * Pure and immutable: every operation returns a new Projection.
 *
 * The transform is affine, which is what the component publishes for end-to-end tests (`data-view`):
 *   x = tx + sx · lng      y = ty − sy · lat      (CSS px from the canvas' top-left corner)
 */

export type LngLatBbox = Bbox

/** x = tx + sx·lng, y = ty − sy·lat; sx = sy·cos(lat₀). */
export interface ViewTransform {
  sx: number
  sy: number
  tx: number
  ty: number
}

export interface ScreenPoint {
  x: number
  y: number
}

export interface Projection {
  readonly view: ViewTransform
  toScreen: (p: GcjPoint) => ScreenPoint
  toLngLat: (x: number, y: number) => GcjPoint
  /** Zoom by `factor` (> 1 zooms in) keeping the lng/lat under screen point (x, y) where it is. */
  zoom: (factor: number, x: number, y: number) => Projection
  /** Move the map content by (dx, dy) screen px. */
  pan: (dx: number, dy: number) => Projection
}

/** Smallest span (degrees) a fitted box gets, so a single point or a sliver still gives a finite scale. */
const MIN_SPAN_DEG = 1e-4

export function projection (view: ViewTransform): Projection {
  const { sx, sy, tx, ty } = view
  return {
    view,
    toScreen: (p) => ({ x: tx + sx * p.lng, y: ty - sy * p.lat }),
    toLngLat: (x, y) => ({ lng: (x - tx) / sx, lat: (ty - y) / sy }),
    // Keep the point under (x, y): x = tx' + k·sx·lng  with  lng = (x − tx)/sx  ⇒  tx' = x − k(x − tx).
    zoom: (factor, x, y) => projection({ sx: sx * factor, sy: sy * factor, tx: x - factor * (x - tx), ty: y - factor * (y - ty) }),
    pan: (dx, dy) => projection({ sx, sy, tx: tx + dx, ty: ty + dy })
  }
}

/**
 * Fit `bbox` into a width × height screen with `padding` px on every side, centred, aspect ratio kept
 * (the tighter of the two directions decides the scale).
 */
export function fit (bbox: LngLatBbox, width: number, height: number, padding = 0): Projection {
  const midLng = (bbox.minLng + bbox.maxLng) / 2
  const midLat = (bbox.minLat + bbox.maxLat) / 2
  const k = Math.cos((midLat * Math.PI) / 180)
  const spanLng = Math.max(bbox.maxLng - bbox.minLng, MIN_SPAN_DEG)
  const spanLat = Math.max(bbox.maxLat - bbox.minLat, MIN_SPAN_DEG)
  const innerW = Math.max(width - 2 * padding, 1)
  const innerH = Math.max(height - 2 * padding, 1)
  const sy = Math.min(innerW / (spanLng * k), innerH / spanLat)
  const sx = sy * k
  return projection({ sx, sy, tx: width / 2 - sx * midLng, ty: height / 2 + sy * midLat })
}

/** Union of the rings' bounding boxes; null if none (core's rule, re-exported for the map's callers). */
export { ringsBbox }
