import { ringCentroid } from '../../../core/routing'
import type { MapPlace, MapRoad } from '../../../core/routing/map-features'
import type { GcjPoint, GcjRing } from '../../../core/types'
import type { Projection, ScreenPoint } from './projection'

/**
 * Paints the offline map on a 2D context already scaled to CSS px: grids as the base, the city's rivers and
 * main roads over them, the picked grid in green, then labels (places first, then road names, then grid
 * names where they fit) that never overlap each other or the zoom buttons, and the pin. Only the subset of
 * CanvasRenderingContext2D every browser implements is used.
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
  roads?: readonly MapRoad[]
  places?: readonly MapPlace[]
  proj: Projection
  /** How far the view is zoomed in from the fitted one (1 = the whole city): roads widen a little with it. */
  zoom?: number
  highlightId: string | null
  value: GcjPoint | null
  /** Screen box (top-right, CSS px) that labels keep clear of: the zoom buttons sit there. */
  avoid?: { x: number; y: number; h: number }
}

export const COLORS = {
  background: '#e9ebee',
  gridFill: '#f7f6f1',
  gridStroke: 'rgba(60, 64, 67, 0.22)',
  highlightFill: 'rgba(7, 193, 96, 0.26)',
  highlightStroke: '#07c160',
  river: '#9ccbee',
  road: { main: ['#d3ccbd', '#ffffff'], ring: ['#dcb44a', '#fde7a2'], expressway: ['#de9235', '#f8c26a'] },
  placeText: '#202124',
  placeDot: '#5f6368',
  roadText: '#4d5156',
  riverText: '#2f6fa3',
  gridText: 'rgba(0, 0, 0, 0.6)',
  halo: 'rgba(255, 255, 255, 0.92)',
  pin: '#fa5151'
} as const

/** Label text sizes, CSS px: 14 px is the smallest text anywhere in the app. */
const PLACE_FONT = '600 15px sans-serif'
const ROAD_FONT = '14px sans-serif'
const GRID_FONT = '14px sans-serif'
const LINE_H = 18

/** A label's lines: the grid ("…·桂花井社区·01网格" → "01网格") and, when there is room, its community. */
export function labelLines (name: string): [string, string] {
  const parts = name.split('·')
  return [parts[parts.length - 1] || name, parts.length >= 2 ? parts[parts.length - 2] : '']
}

interface Box { x: number; y: number; w: number; h: number }
const hits = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/** Boxes already taken by a label (or a control); a new label goes only where it overlaps none. */
class Room {
  readonly taken: Box[] = []
  constructor (readonly width: number, readonly height: number) {}
  fits (b: Box): boolean {
    return b.x >= 2 && b.y >= 2 && b.x + b.w <= this.width - 2 && b.y + b.h <= this.height - 2 && !this.taken.some((t) => hits(t, b))
  }

  take (b: Box): void { this.taken.push(b) }
}

function tracePolygon (ctx: CanvasRenderingContext2D, proj: Projection, ring: GcjRing): Box & { maxX: number; maxY: number } {
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
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY, maxX, maxY }
}

function traceLine (ctx: CanvasRenderingContext2D, pts: readonly ScreenPoint[]): void {
  ctx.beginPath()
  pts.forEach(({ x, y }, i) => { if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y) })
}

function haloText (ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string): void {
  ctx.lineWidth = 3
  ctx.strokeStyle = COLORS.halo
  ctx.strokeText(text, x, y)
  ctx.fillStyle = color
  ctx.fillText(text, x, y)
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

function drawRoads (ctx: CanvasRenderingContext2D, roads: readonly MapRoad[], proj: Projection, zoom: number): void {
  const k = Math.min(2.2, Math.max(1, zoom ** 0.35))
  ctx.lineCap = 'round'
  for (const r of roads) {
    if (r.kind !== 'river') continue
    traceLine(ctx, r.line.map(([lng, lat]) => proj.toScreen({ lng, lat })))
    ctx.lineWidth = 3.5 * k
    ctx.strokeStyle = COLORS.river
    ctx.stroke()
  }
  // Casings first, then fills, so crossings join cleanly; the bigger roads on top.
  const order: Array<Exclude<MapRoad['kind'], 'river'>> = ['main', 'ring', 'expressway']
  const width = { main: 3, ring: 3.5, expressway: 4 }
  for (const kind of order) {
    const lines = roads.filter((r) => r.kind === kind).map((r) => r.line.map(([lng, lat]) => proj.toScreen({ lng, lat })))
    const [casing, fill] = COLORS.road[kind]
    for (const pass of [0, 1]) {
      for (const pts of lines) {
        traceLine(ctx, pts)
        ctx.lineWidth = (width[kind] + (pass === 0 ? 2 : 0)) * k
        ctx.strokeStyle = pass === 0 ? casing : fill
        ctx.stroke()
      }
    }
  }
}

function placeLabel (ctx: CanvasRenderingContext2D, room: Room, p: MapPlace, proj: Projection): string | null {
  const at = proj.toScreen({ lng: p.at[0], lat: p.at[1] })
  if (at.x < 0 || at.y < 0 || at.x > room.width || at.y > room.height) return null
  ctx.font = PLACE_FONT
  const w = ctx.measureText(p.name).width
  const dot: Box = { x: at.x - 4, y: at.y - 4, w: 8, h: 8 }
  // Right of the dot, else left, above, below.
  const spots: Array<Box & { tx: number; ty: number; align: 'left' | 'right' | 'center' }> = [
    { x: at.x + 6, y: at.y - LINE_H / 2, w: w + 4, h: LINE_H, tx: at.x + 8, ty: at.y, align: 'left' },
    { x: at.x - 10 - w, y: at.y - LINE_H / 2, w: w + 4, h: LINE_H, tx: at.x - 8, ty: at.y, align: 'right' },
    { x: at.x - w / 2 - 2, y: at.y - 6 - LINE_H, w: w + 4, h: LINE_H, tx: at.x, ty: at.y - 6 - LINE_H / 2, align: 'center' },
    { x: at.x - w / 2 - 2, y: at.y + 6, w: w + 4, h: LINE_H, tx: at.x, ty: at.y + 6 + LINE_H / 2, align: 'center' }
  ]
  if (!room.fits(dot)) return null
  const spot = spots.find((s) => room.fits(s))
  if (!spot) return null
  room.take(dot)
  room.take(spot)
  ctx.beginPath()
  ctx.arc(at.x, at.y, 3.5, 0, Math.PI * 2)
  ctx.fillStyle = COLORS.placeDot
  ctx.fill()
  ctx.lineWidth = 1.5
  ctx.strokeStyle = '#ffffff'
  ctx.stroke()
  ctx.textAlign = spot.align
  haloText(ctx, p.name, spot.tx, spot.ty, COLORS.placeText)
  return p.name
}

/**
 * A road's name once, on the road: horizontal along an east–west stretch, one character under another along
 * a north–south one (as Chinese maps write them), on a road long enough on screen to carry it, at the free
 * spot nearest the middle of the view.
 */
function roadLabel (ctx: CanvasRenderingContext2D, room: Room, r: MapRoad, proj: Projection): string | null {
  const pts = r.line.map(([lng, lat]) => proj.toScreen({ lng, lat }))
  ctx.font = ROAD_FONT
  const chars = Array.from(r.name)
  const w = ctx.measureText(r.name).width
  let visible = 0
  const cands: Array<{ x: number; y: number; vertical: boolean }> = []
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]
    const b = pts[i]
    const dx = b.x - a.x
    const dy = b.y - a.y
    const len = Math.hypot(dx, dy)
    const vertical = Math.abs(dy) > Math.abs(dx) * 1.2
    // Candidate spots every 24 px along the road.
    for (let d = 12; d < len; d += 24) {
      const x = a.x + (dx * d) / len
      const y = a.y + (dy * d) / len
      if (x >= 0 && y >= 0 && x <= room.width && y <= room.height) {
        visible += 24
        cands.push({ x, y, vertical })
      }
    }
  }
  if (visible < Math.max(w, chars.length * 16) + 24) return null
  const cx = room.width / 2
  const cy = room.height / 2
  cands.sort((p, q) => Math.hypot(p.x - cx, p.y - cy) - Math.hypot(q.x - cx, q.y - cy))
  for (const c of cands) {
    const box: Box = c.vertical
      ? { x: c.x - 9, y: c.y - (chars.length * 16) / 2 - 2, w: 18, h: chars.length * 16 + 4 }
      : { x: c.x - w / 2 - 3, y: c.y - LINE_H / 2, w: w + 6, h: LINE_H }
    if (!room.fits(box)) continue
    room.take(box)
    ctx.textAlign = 'center'
    const color = r.kind === 'river' ? COLORS.riverText : COLORS.roadText
    if (c.vertical) chars.forEach((ch, i) => haloText(ctx, ch, c.x, box.y + 2 + 8 + i * 16, color))
    else haloText(ctx, r.name, c.x, c.y, color)
    return r.name
  }
  return null
}

/** Paints the map; returns the labels it could place (for tests and screen readers), places first. */
export function drawMap (ctx: CanvasRenderingContext2D, input: DrawInput): string[] {
  const { width, height, grids, proj, highlightId, value, roads = [], places = [], zoom = 1 } = input
  ctx.fillStyle = COLORS.background
  ctx.fillRect(0, 0, width, height)
  ctx.lineJoin = 'round'

  let highlighted: DrawGrid | null = null
  const gridLabels: Array<{ text: string; at: ScreenPoint; w: number; h: number }> = []
  for (const g of grids) {
    if (g.polygon.length < 3) continue
    const box = tracePolygon(ctx, proj, g.polygon)
    if (box.maxX < 0 || box.x > width || box.maxY < 0 || box.y > height) continue
    ctx.fillStyle = COLORS.gridFill
    ctx.fill()
    ctx.lineWidth = 0.75
    ctx.strokeStyle = COLORS.gridStroke
    ctx.stroke()
    if (g.id === highlightId) highlighted = g
    const c = ringCentroid(g.polygon)
    if (c) gridLabels.push({ text: g.name, at: proj.toScreen(c), w: box.w, h: box.h })
  }

  drawRoads(ctx, roads, proj, zoom)

  if (highlighted) {
    tracePolygon(ctx, proj, highlighted.polygon)
    ctx.fillStyle = COLORS.highlightFill
    ctx.fill()
    ctx.lineWidth = 2
    ctx.strokeStyle = COLORS.highlightStroke
    ctx.stroke()
  }

  const room = new Room(width, height)
  if (input.avoid) room.take({ x: input.avoid.x, y: input.avoid.y, w: width - input.avoid.x, h: input.avoid.h })
  if (value) {
    const s = proj.toScreen(value)
    room.take({ x: s.x - 10, y: s.y - 32, w: 20, h: 36 })
  }
  // Landmarks first, then roads (rivers last), then the smaller places where room is left.
  const drawn: string[] = []
  ctx.textBaseline = 'middle'
  const label = (name: string | null) => { if (name) drawn.push(name) }
  for (const p of places) if (p.rank === 1) label(placeLabel(ctx, room, p, proj))
  for (const r of [...roads].sort((a, b) => (a.kind === 'river' ? 1 : 0) - (b.kind === 'river' ? 1 : 0))) label(roadLabel(ctx, room, r, proj))
  for (const p of places) if (p.rank === 2) label(placeLabel(ctx, room, p, proj))

  // Grid names only where they fit inside their grid: at the fitted zoom a street-scale city is too dense
  // for any. With room, the community goes on a line above.
  ctx.textAlign = 'center'
  ctx.font = GRID_FONT
  for (const l of gridLabels) {
    const [grid, community] = labelLines(l.text)
    const gw = ctx.measureText(grid).width
    if (gw + 10 > l.w || l.h < 24) continue
    const two = community !== '' && l.h >= 48 && ctx.measureText(community).width + 10 <= l.w
    const cw = two ? ctx.measureText(community).width : 0
    const box: Box = { x: l.at.x - Math.max(gw, cw) / 2, y: l.at.y - (two ? LINE_H : LINE_H / 2), w: Math.max(gw, cw), h: two ? 2 * LINE_H : LINE_H }
    if (!room.fits(box)) continue
    room.take(box)
    haloText(ctx, grid, l.at.x, two ? l.at.y + LINE_H / 2 : l.at.y, COLORS.gridText)
    if (two) haloText(ctx, community, l.at.x, l.at.y - LINE_H / 2, COLORS.gridText)
  }

  if (value) drawPin(ctx, proj.toScreen(value))
  return drawn
}
