import { Canvas, View } from '@tarojs/components'
import { useEffect, useMemo, useRef, useState } from 'react'
import { describePoint, metresPerPixel, pickUncertaintyM } from '../../../core/routing'
import { clickPoint, queryCanvas, touchPoints, type CanvasTarget } from './canvas-node'
import { drawMap } from './draw'
import { fit, ringsBbox, type Projection, type ScreenPoint } from './projection'
import { SHOW_UNCERTAINTY_ABOVE_M, uncertaintyText, type GridMapProps } from './types'
import { useLocatedGrid } from './located'
import './index.css'

export type { GridMapProps, PickDetail } from './types'

/**
 * Offline point picker (H5; WeChat uses its native map, index.weapp.tsx): the city's grids, main roads,
 * rivers and named places drawn on a <Canvas type="2d"> (no map tiles), tap to pick. One finger drags,
 * ＋/－ zoom about the centre, 全部 fits every grid again. Each pick carries how far it may be off at the
 * scale it was made (core pickUncertaintyM), which widens the nearby-duplicate search.
 *
 * Hooks for end-to-end tests (all on the root `.grid-map` element; coordinates are GCJ-02 degrees):
 *   data-bbox   JSON {minLng, minLat, maxLng, maxLat}: the box of all grids that the 全部 view fits.
 *   data-view   JSON {sx, sy, tx, ty}: the current view, in CSS px from the top-left of `.grid-map-canvas`:
 *                 x = tx + sx · lng      y = ty − sy · lat
 *   data-ready  "1" once the canvas has a size and data-view is valid.
 *   data-value  JSON {lng, lat} of the picked point, or ''.
 *   data-labels JSON array of the place, road and river names drawn on the map now.
 * To tap a lng/lat: box = (await page.locator('.grid-map-canvas').boundingBox()); v = JSON.parse(data-view);
 * page.mouse.click(box.x + v.tx + v.sx * lng, box.y + v.ty − v.sy * lat). data-view changes after every
 * pan/zoom, so read it right before clicking. A click (H5 mouse) or a touch that moves < 6 px is a tap.
 */

const PADDING = 12
const TAP_SLOP = 6
const ZOOM_STEP = 1.6
const MIN_ZOOM = 0.8
const MAX_ZOOM = 48
/** Where the ＋/－/全部 buttons sit (index.css: three 44 px buttons 6 px apart, 8 px in), in canvas CSS px: labels keep clear. */
const TOOLS_BOX = (width: number) => ({ x: width - 58, y: 0, h: 8 + 3 * 44 + 2 * 6 + 4 })
/** A browser fires a click after a touch tap: ignore clicks this soon after a touch ended. */
const CLICK_AFTER_TOUCH_MS = 800

let instances = 0
/** One empty list for absent roads/places, so the redraw effect does not see a new one every render. */
const NONE: never[] = []
const round6 = (n: number) => Math.round(n * 1e6) / 1e6
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n))

export function GridMap ({ grids, roads = NONE, places = NONE, value, onPick, uncertaintyM = null, height = 300, highlightGridId = null }: GridMapProps) {
  const [id] = useState(() => `grid-map-canvas-${++instances}`)
  const [target, setTarget] = useState<CanvasTarget | null>(null)
  const [version, setVersion] = useState(0)
  const [labels, setLabels] = useState<string[]>([])
  const bbox = useMemo(() => ringsBbox(grids.map((g) => g.polygon)), [grids])
  const home = useMemo(() => (target && bbox ? fit(bbox, target.width, target.height, PADDING) : null), [target, bbox])
  const proj = useRef<Projection | null>(null)
  const ctx = useRef<CanvasRenderingContext2D | null>(null)
  const gesture = useRef<{ start: ScreenPoint; last: ScreenPoint; dragging: boolean; multi: boolean } | null>(null)
  const lastTouchEnd = useRef(0)

  const { highlightId } = useLocatedGrid(grids, value, highlightGridId)

  // Latest props for drawing from gesture handlers without re-rendering on every move.
  const latest = useRef({ grids, roads, places, value, highlightId })
  latest.current = { grids, roads, places, value, highlightId }

  useEffect(() => queryCanvas(id, (t) => {
    try {
      ctx.current = t.canvas.getContext('2d')
    } catch {
      ctx.current = null // jsdom and other canvas-less environments: picking still works, nothing is drawn
    }
    setTarget(t)
  }), [id])

  // New grids or a new canvas size: start again from the fitted view (idempotent, so safe during render).
  const fittedFor = useRef<Projection | null>(null)
  if (fittedFor.current !== home) {
    fittedFor.current = home
    proj.current = home
  }

  /** Draws the current view; `publish` also updates data-labels (not mid-drag: that would re-render on every move). */
  const redraw = (publish = false) => {
    const c = ctx.current
    const p = proj.current
    if (!c || !p || !target) return
    const w = Math.round(target.width * target.dpr)
    const h = Math.round(target.height * target.dpr)
    if (target.canvas.width !== w) target.canvas.width = w
    if (target.canvas.height !== h) target.canvas.height = h
    c.setTransform(target.dpr, 0, 0, target.dpr, 0, 0)
    const zoom = home ? p.view.sy / home.view.sy : 1
    const drawn = drawMap(c, { width: target.width, height: target.height, proj: p, zoom, avoid: TOOLS_BOX(target.width), ...latest.current })
    if (publish) setLabels((old) => (old.join('|') === drawn.join('|') ? old : drawn))
  }

  // Not on every render: the page re-renders on each keystroke elsewhere in the form.
  useEffect(() => redraw(true), [target, home, grids, roads, places, value, highlightId, version])

  /** Keep the middle of the screen over the city so the map can't be dragged out of sight. */
  const contain = (p: Projection): Projection => {
    if (!target || !bbox) return p
    const c = p.toLngLat(target.width / 2, target.height / 2)
    const inside = p.toScreen({ lng: clamp(c.lng, bbox.minLng, bbox.maxLng), lat: clamp(c.lat, bbox.minLat, bbox.maxLat) })
    return p.pan(target.width / 2 - inside.x, target.height / 2 - inside.y)
  }

  const commit = (p: Projection | null) => {
    proj.current = p
    setVersion((v) => v + 1)
  }

  const zoomBy = (factor: number) => {
    const p = proj.current
    if (!p || !home || !target) return
    const now = p.view.sy / home.view.sy
    const f = clamp(now * factor, MIN_ZOOM, MAX_ZOOM) / now
    commit(contain(p.zoom(f, target.width / 2, target.height / 2)))
  }

  const pick = (pt: ScreenPoint | null | undefined) => {
    const p = proj.current
    if (!pt || !p) return
    const ll = p.toLngLat(pt.x, pt.y)
    onPick({ lng: round6(ll.lng), lat: round6(ll.lat) }, { uncertaintyM: pickUncertaintyM(metresPerPixel(p.view.sy)) })
  }

  // A point set from outside (device position, a restored draft) that is off screen: bring it to the middle.
  useEffect(() => {
    const p = proj.current
    if (!value || !p || !target) return
    const s = p.toScreen(value)
    if (s.x < 0 || s.y < 0 || s.x > target.width || s.y > target.height) commit(contain(p.pan(target.width / 2 - s.x, target.height / 2 - s.y)))
  }, [value?.lng, value?.lat, target])

  const onTouchStart = (e: unknown) => {
    if (!target) return
    const pts = touchPoints(e, target)
    if (pts.length !== 1) {
      if (gesture.current) gesture.current.multi = true
      return
    }
    gesture.current = { start: pts[0], last: pts[0], dragging: false, multi: false }
  }

  const onTouchMove = (e: unknown) => {
    const g = gesture.current
    const pt = target && touchPoints(e, target)[0]
    if (!g || g.multi || !pt || !proj.current) return
    if (!g.dragging && Math.hypot(pt.x - g.start.x, pt.y - g.start.y) < TAP_SLOP) return
    g.dragging = true
    proj.current = contain(proj.current.pan(pt.x - g.last.x, pt.y - g.last.y))
    g.last = pt
    redraw()
  }

  const onTouchEnd = (e: unknown) => {
    const g = gesture.current
    gesture.current = null
    lastTouchEnd.current = Date.now()
    if (!g || !target) return
    if (g.dragging) commit(proj.current)
    else if (!g.multi) pick(touchPoints(e, target, 'changedTouches')[0] ?? g.start)
  }

  const onTouchCancel = () => {
    if (gesture.current?.dragging) commit(proj.current)
    gesture.current = null
  }

  const onClick = (e: unknown) => {
    if (!target || Date.now() - lastTouchEnd.current < CLICK_AFTER_TOUCH_MS) return
    pick(clickPoint(e, target))
  }

  const view = proj.current?.view
  const where = useMemo(() => (value ? describePoint(value, { roads, places }) : null), [value, roads, places])
  return (
    <View
      className='grid-map'
      data-bbox={bbox ? JSON.stringify(bbox) : ''}
      data-view={view ? JSON.stringify(view) : ''}
      data-ready={view ? '1' : '0'}
      data-value={value ? JSON.stringify(value) : ''}
      data-labels={JSON.stringify(labels)}
    >
      <View className='grid-map-frame'>
        <Canvas
          type='2d'
          id={id}
          className='grid-map-canvas'
          style={{ width: '100%', height: `${height}px` }}
          disableScroll
          onTouchStart={onTouchStart}
          onTouchMove={onTouchMove}
          onTouchEnd={onTouchEnd}
          onTouchCancel={onTouchCancel}
          onClick={onClick}
        />
        <View className='grid-map-tools'>
          <View className='grid-map-btn grid-map-zoom-in' ariaRole='button' ariaLabel='放大地图' onClick={() => zoomBy(ZOOM_STEP)}>＋</View>
          <View className='grid-map-btn grid-map-zoom-out' ariaRole='button' ariaLabel='缩小地图' onClick={() => zoomBy(1 / ZOOM_STEP)}>－</View>
          <View className='grid-map-btn grid-map-reset' ariaRole='button' ariaLabel='显示整个城区' onClick={() => commit(home)}>全部</View>
        </View>
        {grids.length === 0 && <View className='grid-map-empty'>暂无网格数据</View>}
      </View>
      <View className='grid-map-caption'>
        {value
          ? <View className='grid-map-where'>已选：{where ?? '地图上红色标记处'}</View>
          : <View>轻点地图选择问题位置，单指拖动，＋/－ 缩放</View>}
        {value && uncertaintyM !== null && uncertaintyM > SHOW_UNCERTAINTY_ABOVE_M && (
          <View className='grid-map-hint'>按当前比例，位置误差约 {uncertaintyText(uncertaintyM)}，放大地图后点选会更准</View>
        )}
      </View>
    </View>
  )
}

export default GridMap
