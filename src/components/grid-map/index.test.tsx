import TestUtils from '@tarojs/test-utils-react'
import { useState } from 'react'
import { metresPerPixel, pickUncertaintyM } from '../../../core/routing'
import type { GcjPoint } from '../../../core/types'
import type { GridMapView, MapPlace, MapRoad } from '../../../core/views'
import { GridMap, type PickDetail } from './index'

/**
 * jsdom has no layout and no 2D context: the canvas is given a 300×200 box, getContext answers a recorder
 * (or null), and picking is checked through the published data-view, exactly as the e2e test does.
 */

const testUtils = new TestUtils()

const grids: GridMapView['grids'] = [
  { id: 'g1', code: '001', name: '甲街道·一社区·01网格', polygon: [[113.0, 28.0], [113.01, 28.0], [113.01, 28.01], [113.0, 28.01]] },
  { id: 'g2', code: '002', name: '甲街道·一社区·02网格', polygon: [[113.01, 28.0], [113.02, 28.0], [113.02, 28.01], [113.01, 28.01]] }
]

const roads: MapRoad[] = [
  { name: '甲大道', kind: 'main', line: [[112.99, 28.005], [113.03, 28.005]] },
  { name: '乙河', kind: 'river', line: [[113.012, 27.99], [113.012, 28.02]] }
]
const places: MapPlace[] = [{ name: '甲广场', rank: 1, at: [113.004, 28.003] }]

let calls: Array<[string, unknown]> = []
/** A 2D context that records what was set and called. */
function recorder (): CanvasRenderingContext2D {
  const target: Record<string, unknown> = {}
  return new Proxy(target, {
    get: (t, key: string) => (key in t ? t[key] : key === 'measureText' ? () => ({ width: 30 }) : (...args: unknown[]) => { calls.push([key, args]) }),
    set: (t, key: string, v) => { t[key] = v; calls.push([key, v]); return true }
  }) as unknown as CanvasRenderingContext2D
}

let context: 'recorder' | 'none' = 'recorder'
beforeAll(() => {
  jest.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, left: 0, top: 0, width: 300, height: 200, right: 300, bottom: 200, toJSON: () => ({}) })
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { configurable: true, value: () => (context === 'recorder' ? recorder() : null) })
})
beforeEach(() => { calls = [] })
afterEach(() => {
  testUtils.unmout()
  document.body.innerHTML = ''
})

/** Touch-event init for jsdom: only clientX/clientY are read. */
const touches = (...pts: Array<{ clientX: number; clientY: number }>) => pts as unknown as Touch[]

const picks: GcjPoint[] = []
const details: PickDetail[] = []
function Harness () {
  const [value, setValue] = useState<GcjPoint | null>(null)
  const [detail, setDetail] = useState<PickDetail | null>(null)
  return (
    <GridMap
      grids={grids} roads={roads} places={places} value={value} height={200} uncertaintyM={detail?.uncertaintyM ?? null}
      onPick={(p, d) => { picks.push(p); details.push(d); setValue(p); setDetail(d) }}
    />
  )
}

function view () {
  const root = document.querySelector('.grid-map')!
  return { bbox: JSON.parse(root.getAttribute('data-bbox')!), v: JSON.parse(root.getAttribute('data-view')!) as { sx: number; sy: number; tx: number; ty: number } }
}

async function mountMap () {
  picks.length = 0
  details.length = 0
  await testUtils.mount(Harness, { props: {} })
  await testUtils.queries.waitForQuerySelector('.grid-map[data-ready="1"]')
  const canvas = document.querySelector('.grid-map-canvas canvas') ?? document.querySelector('.grid-map-canvas')!
  return canvas
}

describe('GridMap', () => {
  it('renders the canvas, publishes the fitted box, and a click at a lng/lat picks that lng/lat', async () => {
    context = 'none'
    const canvas = await mountMap()
    expect(document.querySelector('.grid-map-canvas')?.id).toMatch(/^grid-map-canvas-\d+$/)
    const { bbox, v } = view()
    expect(bbox).toEqual({ minLng: 113.0, minLat: 28.0, maxLng: 113.02, maxLat: 28.01 })
    expect(document.querySelector('.grid-map-caption')?.textContent).toContain('轻点地图')

    // jsdom keeps whole-pixel clientX/Y, so aim at the pixel and expect that pixel's lng/lat.
    const x = Math.round(v.tx + v.sx * 113.0153)
    const y = Math.round(v.ty - v.sy * 28.0042)
    await testUtils.act(() => { testUtils.fireEvent.click(canvas, { clientX: x, clientY: y }) })
    expect(picks).toHaveLength(1)
    expect(picks[0].lng).toBeCloseTo((x - v.tx) / v.sx, 5)
    expect(picks[0].lat).toBeCloseTo((v.ty - y) / v.sy, 5)
    expect(Math.abs(picks[0].lng - 113.0153) * v.sx).toBeLessThan(1)
    // The point in words a resident knows, never as coordinates; the exact point is published for tests.
    await testUtils.queries.waitForQuerySelector('.grid-map-where')
    expect(document.querySelector('.grid-map-caption')?.textContent).toBe('已选：甲广场附近，甲大道旁')
    expect(JSON.parse(document.querySelector('.grid-map')!.getAttribute('data-value')!)).toEqual(picks[0])
    // How far off the tap may be, from the scale it was made at.
    expect(details[0].uncertaintyM).toBe(pickUncertaintyM(metresPerPixel(v.sy)))
  })

  it('draws the city\'s roads, rivers and places with labels of at least 14 px, clear of the zoom buttons', async () => {
    context = 'recorder'
    await mountMap()
    await testUtils.queries.waitForQuerySelector('.grid-map[data-labels*="甲广场"]')
    const labels = JSON.parse(document.querySelector('.grid-map')!.getAttribute('data-labels')!) as string[]
    expect(labels).toEqual(expect.arrayContaining(['甲广场', '甲大道', '乙河']))
    const texts = calls.filter(([k]) => k === 'fillText').map(([, args]) => (args as unknown[])[0])
    expect(texts).toEqual(expect.arrayContaining(['甲广场', '甲大道']))
    expect(texts.join('')).toContain('乙') // the north–south river is written one character under another
    expect(calls).toContainEqual(['strokeStyle', '#9ccbee']) // the river's blue
    const fonts = calls.filter(([k]) => k === 'font').map(([, v]) => v as string)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.every((f) => Number(/(\d+)px/.exec(f)?.[1]) >= 14)).toBe(true)
    // Labels are placed after the buttons' box is taken: nothing is written in the top-right 58 px column.
    const at = calls.filter(([k]) => k === 'fillText').map(([, args]) => args as [string, number, number])
    expect(at.every(([, x, y]) => !(x > 300 - 58 && y < 160))).toBe(true)
    expect(document.querySelector('.grid-map-zoom-in')?.getAttribute('aria-label')).toBe('放大地图')
    expect(document.querySelector('.grid-map-zoom-out')?.getAttribute('aria-label')).toBe('缩小地图')
  })

  it('says how far off a zoomed-out tap may be, and a tap zoomed in is more exact', async () => {
    context = 'none'
    const canvas = await mountMap()
    const tapAt = async (lng: number, lat: number) => {
      const { v } = view()
      await testUtils.act(() => { testUtils.fireEvent.click(canvas, { clientX: Math.round(v.tx + v.sx * lng), clientY: Math.round(v.ty - v.sy * lat) }) })
    }
    await testUtils.act(() => { testUtils.fireEvent.click(document.querySelector('.grid-map-zoom-out')!) })
    await tapAt(113.005, 28.005)
    const coarse = details[0].uncertaintyM
    expect(coarse).toBe(pickUncertaintyM(metresPerPixel(view().v.sy)))
    for (let i = 0; i < 4; i++) await testUtils.act(() => { testUtils.fireEvent.click(document.querySelector('.grid-map-zoom-in')!) })
    await tapAt(113.005, 28.005)
    expect(details[1].uncertaintyM).toBeLessThan(coarse / 5)
    expect(details[1].uncertaintyM).toBe(pickUncertaintyM(metresPerPixel(view().v.sy)))
  })

  it('draws the picked grid in green with a pin; a drag pans without picking; zoom and 全部', async () => {
    context = 'recorder'
    const canvas = await mountMap()
    const start = view().v
    const at = { clientX: start.tx + start.sx * 113.005, clientY: start.ty - start.sy * 28.005 } // inside g1

    // A short touch is a tap: picks once, and the click a browser adds afterwards is ignored.
    await testUtils.act(() => {
      testUtils.fireEvent.touchStart(canvas, { touches: touches(at) })
      testUtils.fireEvent.touchEnd(canvas, { touches: touches(), changedTouches: touches({ clientX: at.clientX + 2, clientY: at.clientY }) })
      testUtils.fireEvent.click(canvas, at)
    })
    expect(picks).toHaveLength(1)
    await testUtils.queries.waitForQuerySelector('.grid-map-caption')
    await new Promise((r) => setTimeout(r, 0))
    expect(calls).toContainEqual(['strokeStyle', '#07c160'])
    expect(calls).toContainEqual(['fillStyle', '#fa5151'])

    // A drag of (−40, +30) moves the view by exactly that and picks nothing.
    await testUtils.act(() => {
      testUtils.fireEvent.touchStart(canvas, { touches: touches({ clientX: 150, clientY: 100 }) })
      for (let i = 1; i <= 4; i++) testUtils.fireEvent.touchMove(canvas, { touches: touches({ clientX: 150 - 10 * i, clientY: 100 + 7.5 * i }) })
      testUtils.fireEvent.touchEnd(canvas, { touches: touches(), changedTouches: touches({ clientX: 110, clientY: 130 }) })
    })
    const moved = view().v
    expect(moved.tx - start.tx).toBeCloseTo(-40, 6)
    expect(moved.ty - start.ty).toBeCloseTo(30, 6)
    expect(picks).toHaveLength(1)

    await testUtils.act(() => { testUtils.fireEvent.click(document.querySelector('.grid-map-zoom-in')!) })
    expect(view().v.sy / start.sy).toBeCloseTo(1.6, 9)
    await testUtils.act(() => { testUtils.fireEvent.click(document.querySelector('.grid-map-reset')!) })
    expect(view().v).toEqual(start)
  })
})
