import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { createGridIndex, ringCentroid } from '../core/routing'
import type { GcjPoint } from '../core/types'
import type { GridMapView } from '../core/views'
import { devLogin, devToken, launchBrowser, phonePage, settled, shot, SHOTS, startGateway, type Gateway } from './harness'

/**
 * The offline grid map (src/components/grid-map) on the 随手拍 page, in the H5 build: a `.grid-map` whose
 * root publishes data-bbox / data-view, so a test can turn a lng/lat into the pixel to tap:
 *   x = canvasBox.x + tx + sx·lng      y = canvasBox.y + ty − sy·lat
 * and data-value (the picked point) / data-labels (the place and road names drawn now).
 * The page shows who handles the picked point in #report-where.
 */

type Grid = GridMapView['grids'][number]
interface View { sx: number; sy: number; tx: number; ty: number }

async function api<T> (base: string, fn: string, body: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${base}api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  const r = await res.json() as { ok: boolean; data: T; error?: { message: string } }
  assert.ok(r.ok, r.error?.message)
  return r.data
}

async function gridMap (base: string): Promise<GridMapView> {
  return api<GridMapView>(base, 'reports', { action: 'gridMap' })
}

const labelsOf = async (page: Page): Promise<string[]> => JSON.parse((await page.locator('.grid-map').getAttribute('data-labels')) ?? '[]') as string[]

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

/** The point the component picked (data-value); its caption says where in words, never in coordinates. */
async function pickedPoint (page: Page): Promise<GcjPoint> {
  await page.waitForFunction(() => document.querySelector('.grid-map')?.getAttribute('data-value'))
  const caption = await page.locator('.grid-map-caption').innerText()
  assert.match(caption, /^已选：/)
  assert.doesNotMatch(caption, /经度|纬度|GCJ|\d{3}\.\d{3}/)
  return JSON.parse((await page.locator('.grid-map').getAttribute('data-value'))!) as GcjPoint
}

/** Is the canvas green (the highlighted grid) at one of these offsets from (x, y)? Labels or a road may cover some. */
async function greenNear (page: Page, x: number, y: number): Promise<boolean> {
  for (const [dx, dy] of [[12, 4], [-12, 4], [10, 12], [-10, 12], [14, -6], [-14, -6]]) {
    const [r, g, b] = await pixelAt(page, x + dx, y + dy)
    if (g > r + 25 && g > b + 10) return true
  }
  return false
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

  let map: GridMapView

  before(async () => {
    gw = await startGateway()
    browser = await launchBrowser()
    map = await gridMap(gw.url)
    grids = map.grids
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
    const picked = await pickedPoint(page)
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
    assert.ok(await greenNear(page, local.x, local.y), 'the picked grid is highlighted green')
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
    const picked = await pickedPoint(page)
    assert.ok(Math.abs(picked.lng - target.centre.lng) * moved.sx <= 1.5 && Math.abs(picked.lat - target.centre.lat) * moved.sy <= 1.5)
    await page.waitForFunction((n) => document.querySelector('#report-where')?.textContent?.includes(n), target.name)
    await page.waitForTimeout(300)
    assert.equal(locates.length, 1, 'one tap, one locate')
    await shot(page, 'grid-map-03-touch')
    assert.deepEqual(errors, [])
    await context.close()
  })
  it('shows the district\'s main roads, rivers and place names, at 14 px or more, and more of them zoomed in', async () => {
    const { page, errors } = await phonePage(browser)
    await openReport(page, gw.url)
    assert.ok(map.roads.length >= 8 && map.places.length >= 10, 'gridMap serves roads and places')
    await page.waitForFunction(() => (JSON.parse(document.querySelector('.grid-map')?.getAttribute('data-labels') ?? '[]') as string[]).length > 0)
    const fitted = await labelsOf(page)
    const placeNames = new Set(map.places.map((p) => p.name))
    const roadNames = new Set(map.roads.map((r) => r.name))
    assert.ok(fitted.includes('长沙南站'), `the whole-district view names 长沙南站: ${fitted.join(' ')}`)
    assert.ok(fitted.filter((n) => placeNames.has(n)).length >= 5, `at least 5 places: ${fitted.join(' ')}`)
    assert.ok(fitted.filter((n) => roadNames.has(n)).length >= 3, `at least 3 roads: ${fitted.join(' ')}`)
    // A road is drawn where the data puts it: 长沙大道's white fill (or its casing) at one of its vertices.
    const box = (await page.locator('.grid-map-canvas').boundingBox())!
    const road = map.roads.find((r) => r.name === '长沙大道')!
    let onRoad = 0
    for (const [lng, lat] of road.line) {
      const at = await pixelOf(page, { lng, lat })
      const [r, g, b] = await pixelAt(page, at.x - box.x, at.y - box.y)
      if (at.x > box.x && at.x < box.x + box.width && r > 200 && g > 190 && b > 170) onRoad++
    }
    assert.ok(onRoad >= 2, `长沙大道 is drawn at its vertices (${onRoad})`)
    await page.locator('.grid-map').screenshot({ path: join(SHOTS, 'grid-map-04-roads-labels-closeup.png') })
    await shot(page, 'grid-map-04-roads-labels')

    await page.locator('.grid-map-zoom-in').click()
    await page.locator('.grid-map-zoom-in').click()
    await page.waitForFunction((n) => (JSON.parse(document.querySelector('.grid-map')?.getAttribute('data-labels') ?? '[]') as string[]).join() !== n, fitted.join())
    const zoomed = await labelsOf(page)
    assert.ok(zoomed.length > 0)
    await page.locator('.grid-map').screenshot({ path: join(SHOTS, 'grid-map-05-zoomed-closeup.png') })
    // The buttons are 44 px and say what they do.
    for (const sel of ['.grid-map-zoom-in', '.grid-map-zoom-out', '.grid-map-reset']) {
      const b = (await page.locator(sel).boundingBox())!
      assert.ok(b.width >= 44 && b.height >= 44, `${sel} is ${b.width}×${b.height}`)
      assert.ok(await page.locator(sel).getAttribute('aria-label'))
    }
    assert.deepEqual(errors, [])
  })

  it('tapping a seeded report\'s own spot at the default zoom offers it as a nearby duplicate', async () => {
    // tk-009: 非法小广告 at 东塘, filed 12 hours ago by another resident, still open.
    const seeded = (await api<{ ticket: { id: string; categoryId: string; state: string; location: GcjPoint } }>(gw.url, 'tickets', { action: 'get', id: 'tk-009' }, await devToken(gw.url, 'u-admin'))).ticket
    assert.equal(seeded.categoryId, 'cat-E02-01')
    const { page, errors } = await phonePage(browser)
    await openReport(page, gw.url)
    await page.locator('.cat-search input').fill('小广告')
    await page.locator('.cat-item[data-category="cat-E02-01"]').click()
    await page.locator('.grid-map-canvas').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    const v = await viewOf(page)
    const at = await pixelOf(page, seeded.location)
    await page.mouse.click(at.x, at.y)
    await pickedPoint(page)
    // At this scale one pixel is more ground than the category's own 30 m duplicate radius …
    assert.ok(111_320 / v.sy > 30, `one px is ${111_320 / v.sy} m`)
    // … and still the report is offered, with its distance.
    await page.locator(`#nearby [data-ticket="${seeded.id}"]`).waitFor({ timeout: 10_000 })
    assert.match(await page.locator(`#nearby [data-ticket="${seeded.id}"]`).innerText(), /相距约 \d+ 米/)
    assert.match(await page.locator('.grid-map-caption').innerText(), /东塘附近/)
    assert.match(await page.locator('.grid-map-hint').innerText(), /误差约 ±\d+ 米，放大地图后点选会更准/)
    await page.locator('#nearby').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot(page, 'grid-map-06-nearby-duplicate')
    assert.deepEqual(errors, [])
  })
})
