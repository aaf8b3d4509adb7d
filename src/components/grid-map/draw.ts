import { ringCentroid } from '../../../core/routing'
import type { GcjPoint, GcjRing } from '../../../core/types'
import type { Projection, ScreenPoint } from './projection'

/**
 * Paints the grid map on a 2D context already scaled to CSS px. Only the subset of CanvasRenderingContext2D
 * that both the browser and WeChat's `<canvas type="2d">` implement is used.
 */

export interface DrawGrid {
  id: string
  name: string
  polygon: GcjRing
}

export interface DrawInput {
  width: number
  height: number
  grids: readonly DrawGrid[]
  proj: Projection
  highlightId: string | null
  value: GcjPoint | null
  /** Screen box (top-right, CSS px) that labels keep clear of: the zoom buttons sit there. */
  avoid?: { x: number; y: number; h: number }
}

const COLORS = {
  background: '#f5f6f7',
  gridFill: '#e6e8eb',
  gridStroke: '#b3b8bf',
  highlightFill: 'rgba(7, 193, 96, 0.28)',
  highlightStroke: '#07c160',
  label: 'rgba(0, 0, 0, 0.55)',
  pin: '#fa5151'
}

/** A label's lines: the grid ("…·桂花井社区·01网格" → "01网格") and, when there is room, its community. */
export function labelLines (name: string): [string, string] {
  const parts = name.split('·')
  return [parts[parts.length - 1] || name, parts.length >= 2 ? parts[parts.length - 2] : '']
}

function tracePolygon (ctx: CanvasRenderingContext2D, proj: Projection, ring: GcjRing): { minX: number; maxX: number; minY: number; maxY: number } {
  let minX = Infinity
  let maxX = -Infinity
  let minY = Infinity
  let maxY = -Infinity
  ctx.beginPath()
  ring.forEach(([lng, lat], i) => {
    const { x, y } = proj.toScreen({ lng, lat })
    if (i === 0) ctx.moveTo(x, y)
    else ctx.lineTo(x, y)
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  })
  ctx.closePath()
  return { minX, maxX, minY, maxY }
}

function drawPin (ctx: CanvasRenderingContext2D, { x, y }: ScreenPoint): void {
  // A teardrop pin whose tip is exactly on the point, with a soft shadow dot under the tip.
  const r = 8
  const cy = y - 20
  ctx.beginPath()
  ctx.arc(x, y, 3, 0, Math.PI * 2)
  ctx.fillStyle = 'rgba(0, 0, 0, 0.25)'
  ctx.fill()
  ctx.beginPath()
  ctx.moveTo(x, y)
  ctx.lineTo(x - r * 0.87, cy + r * 0.5)
  ctx.arc(x, cy, r, Math.PI * 5 / 6, Math.PI / 6, false)
  ctx.closePath()
  ctx.fillStyle = COLORS.pin
  ctx.fill()
  ctx.lineWidth = 1.5
  ctx.strokeStyle = '#ffffff'
  ctx.stroke()
  ctx.beginPath()
  ctx.arc(x, cy, 3, 0, Math.PI * 2)
  ctx.fillStyle = '#ffffff'
  ctx.fill()
}

export function drawMap (ctx: CanvasRenderingContext2D, input: DrawInput): void {
  const { width, height, grids, proj, highlightId, value } = input
  ctx.fillStyle = COLORS.background
  ctx.fillRect(0, 0, width, height)
  ctx.lineJoin = 'round'

  let highlighted: DrawGrid | null = null
  const labels: Array<{ text: string; at: ScreenPoint; w: number; h: number }> = []
  for (const g of grids) {
    if (g.polygon.length < 3) continue
    const box = tracePolygon(ctx, proj, g.polygon)
    if (box.maxX < 0 || box.minX > width || box.maxY < 0 || box.minY > height) continue
    ctx.fillStyle = COLORS.gridFill
    ctx.fill()
    ctx.lineWidth = 0.75
    ctx.strokeStyle = COLORS.gridStroke
    ctx.stroke()
    if (g.id === highlightId) highlighted = g
    const c = ringCentroid(g.polygon)
    if (c) labels.push({ text: g.name, at: proj.toScreen(c), w: box.maxX - box.minX, h: box.maxY - box.minY })
  }

  if (highlighted) {
    tracePolygon(ctx, proj, highlighted.polygon)
    ctx.fillStyle = COLORS.highlightFill
    ctx.fill()
    ctx.lineWidth = 2
    ctx.strokeStyle = COLORS.highlightStroke
    ctx.stroke()
  }

  // Labels only where they fit inside their grid and on screen, clear of the zoom buttons: at the fitted
  // zoom a street-scale city is too dense for any. With room, the community goes on a line above.
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = COLORS.label
  for (const l of labels) {
    const [grid, community] = labelLines(l.text)
    ctx.font = '11px sans-serif'
    const gw = ctx.measureText(grid).width
    if (gw + 10 > l.w || l.h < 20) continue
    const two = community !== '' && l.h >= 40 && ctx.measureText(community).width + 10 <= l.w
    const half = two ? 13 : 7
    const w2 = Math.max(gw, two ? ctx.measureText(community).width : 0) / 2
    if (l.at.x - w2 < 2 || l.at.x + w2 > width - 2 || l.at.y - half < 2 || l.at.y + half > height - 2) continue
    if (input.avoid && l.at.x + w2 > input.avoid.x && l.at.y - half < input.avoid.y + input.avoid.h) continue
    ctx.fillText(grid, l.at.x, two ? l.at.y + 6 : l.at.y)
    if (two) ctx.fillText(community, l.at.x, l.at.y - 7)
  }

  if (value) drawPin(ctx, proj.toScreen(value))
}
