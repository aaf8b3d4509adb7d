import { CHINA_BOX } from '../../../../core/geo/datum'
import type { Bbox } from '../../../../core/routing'
import type { Projection } from '../../../components/grid-map/projection'
import { traceRing } from '../map-canvas'

/**
 * The grids page's map: outlines on a plain background, each with its own fill and stroke — the grids in use
 * (grey, or orange where no grid manager is appointed), a checked file's features (green when fine, orange with a
 * warning, red with an error: errors drawn last, on top), gaps dashed, and the places an error points at ringed in
 * red. Only the part of the 2d context every browser and WeChat implement is used.
 */

export type Ring = ReadonlyArray<readonly [number, number]>

export interface MapShape {
  ring: Ring
  fill: string | null
  stroke: string
  width: number
  dashed?: boolean
}

export interface MapMarker {
  at: readonly [number, number]
  color: string
}

export const MAP_STYLE = {
  background: '#f4f5f6',
  base: { fill: '#ffffff', stroke: '#a9afb5', width: 1 },
  unmanaged: { fill: '#fde4c8', stroke: '#a65400', width: 1 },
  fine: { fill: 'rgba(6, 119, 59, 0.14)', stroke: '#2f7d4f', width: 1 },
  warning: { fill: 'rgba(166, 84, 0, 0.18)', stroke: '#a65400', width: 2 },
  error: { fill: 'rgba(201, 42, 42, 0.22)', stroke: '#c92a2a', width: 3 },
  selected: { fill: 'rgba(11, 102, 194, 0.18)', stroke: '#0b66c2', width: 4 },
  gap: { fill: null, stroke: '#a65400', width: 2 },
  marker: '#c92a2a'
} as const

const inChina = ([lng, lat]: readonly [number, number]): boolean =>
  lng >= CHINA_BOX.minLng && lng <= CHINA_BOX.maxLng && lat >= CHINA_BOX.minLat && lat <= CHINA_BOX.maxLat

/**
 * The box the map fits: every point inside China of every shape (a feature with swapped coordinates lies in the
 * Indian Ocean and would shrink the city to a dot; its error is in the report instead). Null when nothing is left.
 */
export function shapesBbox (shapes: readonly MapShape[]): Bbox | null {
  let minLng = Infinity; let minLat = Infinity; let maxLng = -Infinity; let maxLat = -Infinity
  for (const s of shapes) {
    for (const p of s.ring) {
      if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || !inChina(p)) continue
      minLng = Math.min(minLng, p[0]); maxLng = Math.max(maxLng, p[0])
      minLat = Math.min(minLat, p[1]); maxLat = Math.max(maxLat, p[1])
    }
  }
  return minLng === Infinity ? null : { minLng, minLat, maxLng, maxLat }
}


export interface DrawInput {
  width: number
  height: number
  proj: Projection
  shapes: readonly MapShape[]
  markers: readonly MapMarker[]
}

/** Draws the shapes in order, then the markers; returns how many shapes it drew (published for tests). */
export function drawGridMap (ctx: CanvasRenderingContext2D, { width, height, proj, shapes, markers }: DrawInput): number {
  ctx.fillStyle = MAP_STYLE.background
  ctx.fillRect(0, 0, width, height)
  let drawn = 0
  for (const s of shapes) {
    if (s.ring.length < 3) continue
    traceRing(ctx, proj, s.ring)
    if (s.fill) {
      ctx.fillStyle = s.fill
      ctx.fill()
    }
    const dash = s.dashed && typeof ctx.setLineDash === 'function'
    if (dash) ctx.setLineDash([6, 4])
    ctx.strokeStyle = s.stroke
    ctx.lineWidth = s.width
    ctx.stroke()
    if (dash) ctx.setLineDash([])
    drawn++
  }
  for (const m of markers) {
    if (!inChina(m.at)) continue
    const p = proj.toScreen({ lng: m.at[0], lat: m.at[1] })
    ctx.beginPath()
    ctx.arc(p.x, p.y, 9, 0, Math.PI * 2)
    ctx.strokeStyle = m.color
    ctx.lineWidth = 3
    ctx.stroke()
  }
  return drawn
}
