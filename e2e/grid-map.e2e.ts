import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { createGridIndex, ringCentroid } from '../core/routing'
import type { GcjPoint } from '../core/types'
import type { GridMapView } from '../core/views'
import { devLogin, launchBrowser, phonePage, settled, shot, SHOTS, startGateway, type Gateway } from './harness'

/**
 * The offline grid map (src/components/grid-map) on the 随手拍 page, in the H5 build: a `.grid-map` whose
 * root publishes data-bbox / data-view, so a test can turn a lng/lat into the pixel to tap:
 *   x = canvasBox.x + tx + sx·lng      y = canvasBox.y + ty − sy·lat
 * The page shows who handles the picked point in #report-where.
 */

type Grid = GridMapView['grids'][number]
interface View { sx: number; sy: number; tx: number; ty: number }

async function gridMap (base: string): Promise<Grid[]> {
  const res = await fetch(`${base}api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'gridMap' }) })
  const body = await res.json() as { ok: boolean; data: GridMapView }
  assert.ok(body.ok)
  return body.data.grids
}

async function viewOf (page: Page): Promise<View> {
  return JSON.parse((await page.locator('.grid-map').getAttribute('data-view')) ?? 'null') as View
}

/** Viewport px of a lng/lat on the map, as of now. */
async function pixelOf (page: Page, p: GcjPoint): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.grid-map-canvas').boundingBox())!
  const v = await viewOf(page)
  return { x: box.x + v.tx + v.sx * p.lng, y: box.y + v.ty - v.sy * p.lat }
}

/** RGBA of the canvas at CSS px (x, y) from its top-left corner. */
async function pixelAt (page: Page, x: number, y: number): Promise<number[]> {
  return page.locator('.grid-map-canvas canvas').evaluate((c: HTMLCanvasElement, [px, py]) => {
    const k = c.width / c.getBoundingClientRect().width
    return Array.from(c.getContext('2d')!.getImageData(Math.round(px * k), Math.round(py * k), 1, 1).data)
  }, [x, y])
}

/** The point the component reports in its caption ("经度 … 纬度 …"). */
async function captionPoint (page: Page): Promise<GcjPoint> {
  await page.waitForFunction(() => document.querySelector('.grid-map-caption')?.textContent?.includes('经度'))
  const m = /经度 ([\d.]+)\s+纬度 ([\d.]+)/.exec(await page.locator('.grid-map-caption').innerText())
  assert.ok(m, 'caption shows the picked coordinates')
  return { lng: Number(m[1]), lat: Number(m[2]) }
}

/** A grid near the middle of the city: away from the map's edges and the zoom buttons. */
function middleGrid (grids: Grid[]): Grid & { centre: GcjPoint } {
  const cs = grids.map((g) => ({ ...g, centre: ringCentroid(g.polygon)! }))
  const mid = { lng: cs.reduce((s, g) => s + g.centre.lng, 0) / cs.length, lat: cs.reduce((s, g) => s + g.centre.lat, 0) / cs.length }
  return cs.sort((a, b) => Math.hypot(a.centre.lng - mid.lng, a.centre.lat - mid.lat) - Math.hypot(b.centre.lng - mid.lng, b.centre.lat - mid.lat))[0]
}

async function openReport (page: Page, base: string): Promise<void> {
  await devLogin(page, base, 'u-citizen')
  await page.goto(`${base}#/pages/report/index`)
  await settled(page, '.grid-map[data-ready="1"]')
  // Centre the map in the viewport, clear of the fixed tab bar.
  await page.locator('.grid-map-canvas').evaluate((el) => el.scrollIntoView({ block: 'center' }))
}

describe('grid map: pick the problem location on the offline grid map (H5)', () => {
  let gw: Gateway
  let browser: Browser
  let grids: Grid[]

  before(async () => {
    gw = await startGateway()
    browser = await launchBrowser()
    grids = await gridMap(gw.url)
  })
  after(async () => {
    await browser?.close()
    await gw?.stop()
  })

  it('draws every grid, zooms in, and a click picks that lng/lat; the page names its grid', async () => {
    const { page, errors } = await phonePage(browser)
    await openReport(page, gw.url)
    const index = createGridIndex(grids)

    // The fitted box is the box of all grids, and the whole city is on screen.
    const bbox = JSON.parse((await page.locator('.grid-map').getAttribute('data-bbox'))!)
    const lngs = grids.flatMap((g) => g.polygon.map((v) => v[0]))
    const lats = grids.flatMap((g) => g.polygon.map((v) => v[1]))
    assert.deepEqual(bbox, { minLng: Math.min(...lngs), minLat: Math.min(...lats), maxLng: Math.max(...lngs), maxLat: Math.max(...lats) })
    const box = (await page.locator('.grid-map-canvas').boundingBox())!
    const nw = await pixelOf(page, { lng: bbox.minLng, lat: bbox.maxLat })
    const se = await pixelOf(page, { lng: bbox.maxLng, lat: bbox.minLat })
    assert.ok(nw.x >= box.x && nw.y >= box.y && se.x <= box.x + box.width && se.y <= box.y + box.height)
    await shot(page, 'grid-map-01-fitted')

    const v0 = await viewOf(page)
    await page.locator('.grid-map-zoom-in').click()
    await page.locator('.grid-map-zoom-in').click()
    const v1 = await viewOf(page)
    assert.ok(Math.abs(v1.sy / v0.sy - 2.56) < 1e-9, `zoomed ×2.56, got ${v1.sy / v0.sy}`)

    const target = middleGrid(grids)
    const at = await pixelOf(page, target.centre)
    await page.mouse.click(at.x, at.y)
    const picked = await captionPoint(page)
    // Within a pixel of the lng/lat asked for, and routed like the server routes it.
    assert.ok(Math.abs(picked.lng - target.centre.lng) * v1.sx <= 1.5 && Math.abs(picked.lat - target.centre.lat) * v1.sy <= 1.5, JSON.stringify({ picked, want: target.centre }))
    const routed = index.locate(picked)
    assert.equal(routed.kind, 'grid')
    const name = routed.kind === 'grid' ? routed.grid.name : ''
    assert.equal(name, target.name)
    await page.waitForFunction((n) => document.querySelector('#report-where')?.textContent?.includes(n), name)

    // Drawn: a red pin above the point, and the grid highlighted in green beside it.
    const local = { x: at.x - box.x, y: at.y - box.y }
    const [r, g] = await pixelAt(page, local.x + 5.5, local.y - 20)
    assert.ok(r > 200 && g < 130, `pin is red, got ${r},${g}`)
    const [hr, hg, hb] = await pixelAt(page, local.x + 12, local.y + 4)
    assert.ok(hg > hr + 25 && hg > hb + 10, `grid is highlighted green, got ${hr},${hg},${hb}`)
    await page.locator('.grid-map').screenshot({ path: join(SHOTS, 'grid-map-02-picked-closeup.png') })
    await shot(page, 'grid-map-02-picked')

    await page.locator('.grid-map-reset').click()
    assert.deepEqual(await viewOf(page), v0)

    // A wider window: the canvas is measured again and the city fitted to the new size, sharp at 2×.
    await page.setViewportSize({ width: 414, height: 736 })
    await page.waitForFunction((tx) => JSON.parse(document.querySelector('.grid-map')!.getAttribute('data-view')!).tx !== tx, v0.tx)
    const wide = await page.locator('.grid-map-canvas canvas').evaluate((c: HTMLCanvasElement) => ({ backing: c.width, css: c.getBoundingClientRect().width }))
    assert.equal(wide.backing, Math.round(wide.css * 2))
    assert.deepEqual(errors, [])
  })

  it('on a touch screen: one finger drags the map, a short touch picks once', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN', hasTouch: true })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    const locates: string[] = []
    page.on('request', (req) => { if (req.url().endsWith('/api/reports') && req.postData()?.includes('"locate"')) locates.push(req.postData()!) })
    await openReport(page, gw.url)
    await page.locator('.grid-map-zoom-in').click()
    await page.locator('.grid-map-zoom-in').click()

    const box = (await page.locator('.grid-map-canvas').boundingBox())!
    const cdp = await context.newCDPSession(page)
    const touch = (type: string, x?: number, y?: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: x === undefined ? [] : [{ x, y: y! }] } as never)
    const x0 = Math.round(box.x + box.width / 2)
    const y0 = Math.round(box.y + box.height / 2)
    const before = await viewOf(page)
    await touch('touchStart', x0, y0)
    for (let i = 1; i <= 5; i++) await touch('touchMove', x0 - 8 * i, y0 + 6 * i)
    await touch('touchEnd')
    await page.waitForFunction((tx) => JSON.parse(document.querySelector('.grid-map')!.getAttribute('data-view')!).tx !== tx, before.tx)
    const moved = await viewOf(page)
    assert.ok(Math.abs(moved.tx - before.tx + 40) < 1e-6 && Math.abs(moved.ty - before.ty - 30) < 1e-6, JSON.stringify({ before, moved }))
    assert.equal(moved.sx, before.sx)
    assert.equal(locates.length, 0, 'a drag picks nothing')

    const target = middleGrid(grids)
    const at = await pixelOf(page, target.centre)
    await page.touchscreen.tap(at.x, at.y)
    const picked = await captionPoint(page)
    assert.ok(Math.abs(picked.lng - target.centre.lng) * moved.sx <= 1.5 && Math.abs(picked.lat - target.centre.lat) * moved.sy <= 1.5)
    await page.waitForFunction((n) => document.querySelector('#report-where')?.textContent?.includes(n), target.name)
    await page.waitForTimeout(300)
    assert.equal(locates.length, 1, 'one tap, one locate')
    await shot(page, 'grid-map-03-touch')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
