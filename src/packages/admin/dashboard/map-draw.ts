import { pointInRing, ringCentroid } from '../../../../core/routing/geometry'
import type { GcjPoint, GcjRing } from '../../../../core/types'
import type { Projection } from '../../../components/grid-map/projection'
import { traceRing } from '../map-canvas'

/**
 * The dashboard's area map: every grid of the current area filled with the colour of the child area it lies in,
 * child areas without a judgeable figure (样本不足, 暂无数据) hatched grey, and the child areas' names over them
 * where they fit. Only the part of the 2d context every browser and WeChat implement is used.
 */

export interface MapGrid {
  code: string
  polygon: GcjRing
  /** The child area of the current area this grid lies in. */
  area: string
}

export interface MapArea {
  code: string
  name: string
  /** A colour from the scale, or null: hatched (样本不足 or no data). */
  fill: string | null
}

export interface MapInput {
  width: number
  height: number
  proj: Projection
  grids: readonly MapGrid[]
  areas: ReadonlyMap<string, MapArea>
}

export const MAP_COLORS = {
  background: '#f4f5f6',
  stroke: 'rgba(255, 255, 255, 0.9)',
  hatchBase: '#e4e6e9',
  hatchLine: '#9aa0a6',
  text: '#1f2328',
  halo: 'rgba(255, 255, 255, 0.92)'
} as const

const FONT = '600 14px sans-serif'


/** Diagonal grey lines inside the polygon just traced: "nothing to judge here", never a colour of the scale. */
function hatch (ctx: CanvasRenderingContext2D, width: number, height: number): void {
  ctx.save()
  ctx.fillStyle = MAP_COLORS.hatchBase
  ctx.fill()
  ctx.clip()
  ctx.strokeStyle = MAP_COLORS.hatchLine
  ctx.lineWidth = 1
  ctx.beginPath()
  for (let x = -height; x < width; x += 7) {
    ctx.moveTo(x, height)
    ctx.lineTo(x + height, 0)
  }
  ctx.stroke()
  ctx.restore()
}

/** Draws the map; returns the names it could label (published for tests and screen readers). */
export function drawAreaMap (ctx: CanvasRenderingContext2D, input: MapInput): string[] {
  const { width, height, proj, grids, areas } = input
  ctx.fillStyle = MAP_COLORS.background
  ctx.fillRect(0, 0, width, height)
  for (const g of grids) {
    const area = areas.get(g.area)
    traceRing(ctx, proj, g.polygon)
    if (area?.fill) {
      ctx.fillStyle = area.fill
      ctx.fill()
    } else {
      hatch(ctx, width, height)
      traceRing(ctx, proj, g.polygon)
    }
    ctx.strokeStyle = MAP_COLORS.stroke
    ctx.lineWidth = 1
    ctx.stroke()
  }
  return labelAreas(ctx, input)
}

interface Box { x: number; y: number; w: number; h: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/** Each child area's name at the mean of its grids' centres, where it overlaps no other label and fits the map. */
function labelAreas (ctx: CanvasRenderingContext2D, { width, height, proj, grids, areas }: MapInput): string[] {
  const centres = new Map<string, { lng: number; lat: number; n: number }>()
  for (const g of grids) {
    const c = ringCentroid(g.polygon)
    if (!c) continue
    const s = centres.get(g.area) ?? { lng: 0, lat: 0, n: 0 }
    centres.set(g.area, { lng: s.lng + c.lng, lat: s.lat + c.lat, n: s.n + 1 })
  }
  ctx.font = FONT
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  const taken: Box[] = []
  const drawn: string[] = []
  for (const [code, s] of centres) {
    const name = areas.get(code)?.name
    if (!name) continue
    const p = proj.toScreen({ lng: s.lng / s.n, lat: s.lat / s.n })
    const w = ctx.measureText(name).width + 6
    const box = { x: p.x - w / 2, y: p.y - 10, w, h: 20 }
    if (box.x < 2 || box.y < 2 || box.x + box.w > width - 2 || box.y + box.h > height - 2 || taken.some((t) => overlaps(t, box))) continue
    taken.push(box)
    ctx.lineWidth = 3
    ctx.strokeStyle = MAP_COLORS.halo
    ctx.strokeText(name, p.x, p.y)
    ctx.fillStyle = MAP_COLORS.text
    ctx.fillText(name, p.x, p.y)
    drawn.push(name)
  }
  return drawn
}

/** The child area under a point of the map, or null. */
export function areaAtPoint (grids: readonly MapGrid[], p: GcjPoint): string | null {
  return grids.find((g) => pointInRing(p, g.polygon))?.area ?? null
}
