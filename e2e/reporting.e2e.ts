import assert from 'node:assert/strict'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { createGridIndex, ringCentroid } from '../core/routing'
import type { HeadlineView } from '../core/views'
import { FIXTURE_GPS, phoneJpeg } from '../server/photos/testing/fixtures'
import { choosePhoto, devLogin, launchBrowser, phonePage, settled, shot, startGateway, tapMap, type Gateway } from './harness'

async function api<T> (base: string, fn: string, body: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${base}api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  const r = await res.json() as { ok: boolean; data: T; error?: { message: string } }
  assert.ok(r.ok, r.error?.message)
  return r.data
}

/**
 * Fill the report form as a resident: category by search, one photo, a point on the map, a description.
 * With `shots`, a phone-size screenshot of each step (the form as it opens, photos uploaded, the point picked).
 */
async function fillReport (page: Page, photo: string, point: { lng: number; lat: number }, description: string, shots = false): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/pages/report/index`)
  await settled(page, '.category-picker')
  if (shots) {
    await page.locator('.grid-map[data-ready="1"]').waitFor()
    await shot(page, '09-report-empty')
  }
  await page.locator('.cat-search input').fill('小广告')
  await page.locator('.cat-item[data-category="cat-E02-01"]').click()
  await choosePhoto(page, '.photo-picker .photo.add', photo)
  await page.locator('.photo[data-status="done"]').waitFor({ timeout: 30_000 })
  if (shots) {
    await page.locator('.photo-picker').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot(page, '09b-report-photo-uploaded')
  }
  await tapMap(page, point)
  await page.locator('#report-where').waitFor()
  if (shots) await shot(page, '09c-report-map-picked')
  await page.locator('.desc textarea').fill(description)
}

async function submitReport (page: Page): Promise<string> {
  await page.locator('#report-submit').click()
  await page.locator('#report-done').waitFor({ timeout: 15_000 })
  return (await page.locator('#report-done').getAttribute('data-ticket'))!
}

const stateOf = (page: Page) => page.locator('#ticket-detail').getAttribute('data-state')
async function waitState (page: Page, state: string): Promise<void> {
  await page.waitForFunction((s) => document.querySelector('#ticket-detail')?.getAttribute('data-state') === s, state, { timeout: 15_000 })
}

describe('随手拍 end to end: report → route → handle → verify → close', () => {
  let gw: Gateway
  let browser: Browser
  let photo: string
  let managedPoint: { lng: number; lat: number }
  let outsidePoint: { lng: number; lat: number }

  before(async () => {
    gw = await startGateway()
    browser = await launchBrowser()
    const dir = mkdtempSync(join(tmpdir(), 'e2e-photo-'))
    photo = join(dir, 'phone.jpg')
    writeFileSync(photo, await phoneJpeg({ width: 2400, height: 1800, gps: FIXTURE_GPS }))
    const { grids } = await api<{ grids: Array<{ id: string; code: string; polygon: Array<[number, number]> }> }>(gw.url, 'reports', { action: 'gridMap' })
    managedPoint = ringCentroid(grids.find((g) => g.id === 'grid-002')!.polygon)!
    // A point inside the map's box but in no grid: walk in from the north-east corner of the box.
    const index = createGridIndex(grids)
    const lngs = grids.flatMap((g) => g.polygon.map((p) => p[0]))
    const lats = grids.flatMap((g) => g.polygon.map((p) => p[1]))
    const [maxLng, minLat] = [Math.max(...lngs), Math.min(...lats)]
    for (let k = 0.02; k < 0.5; k += 0.02) {
      const p = { lng: maxLng - k * (maxLng - Math.min(...lngs)), lat: minLat + k * (Math.max(...lats) - minLat) }
      if (index.locate(p).kind === 'none' && index.locate({ lng: p.lng + 0.003, lat: p.lat }).kind === 'none') { outsidePoint = p; break }
    }
    assert.ok(outsidePoint, 'found a point outside every grid')
  })
  after(async () => {
    await browser?.close()
    await gw?.stop()
  })

  it('a resident reports with a photo and a picked point; the grid manager accepts and resolves it; the resident confirms and rates it; the home figures change', async () => {
    const before = await api<HeadlineView>(gw.url, 'stats', { action: 'headline' })
    const { page, errors } = await phonePage(browser)

    await devLogin(page, gw.url, 'u-citizen')
    await fillReport(page, photo, managedPoint, '公交站台灯箱上贴满了“高薪招聘”小广告', true)
    assert.match(await page.locator('#report-where').innerText(), /赵网格/)
    // The point in words, never as coordinates.
    assert.match(await page.locator('.grid-map-caption').innerText(), /^已选：/)
    assert.doesNotMatch(await page.locator('.page.report').innerText(), /经度|纬度|GCJ-02|坐标/)
    await shot(page, '10-report-filled')
    const id = await submitReport(page)
    // The done screen starts at the top: its check mark is wholly on screen, its top edge not under a bar.
    const icon = (await page.locator('#report-done .done-icon').boundingBox())!
    assert.ok(icon.y >= 0 && icon.y + icon.height <= 667, `check mark at ${icon.y}..${icon.y + icon.height}`)
    const onTop = await page.evaluate(([x, y]) => !!document.elementFromPoint(x, y)?.closest('.done-icon'), [icon.x + icon.width / 2, icon.y + 3])
    assert.ok(onTop, 'the top of the check mark is visible')
    await shot(page, '11-report-done')

    await devLogin(page, gw.url, 'u-grid')
    await page.goto(`${gw.url}#/packages/grid/inbox/index`)
    await settled(page, `#inbox-list [data-ticket="${id}"]`)
    await page.locator(`#inbox-list [data-ticket="${id}"] .ticket-desc`).click()
    await settled(page, '#ticket-detail')
    assert.equal(await stateOf(page), 'dispatched')
    assert.equal(await page.locator('.photo-strip-img').count(), 1)
    await page.locator('#ticket-actions taro-button-core', { hasText: '受理' }).click()
    await waitState(page, 'accepted')
    await choosePhoto(page, '.act-resolve .photo.add', photo)
    await page.locator('.act-resolve .photo[data-status="done"]').waitFor({ timeout: 30_000 })
    await page.locator('#ticket-actions .note-input textarea').fill('已清除小广告，并张贴文明提示')
    await shot(page, '12-manager-resolving')
    await page.locator('#ticket-actions taro-button-core', { hasText: '提交处理结果' }).click()
    await waitState(page, 'resolved')

    await devLogin(page, gw.url, 'u-citizen')
    await page.goto(`${gw.url}#/packages/citizen/messages/index`)
    await settled(page, '#message-list .message')
    assert.match(await page.locator('#message-list .message').first().innerText(), /问题已处理，请核查/)
    await shot(page, '13-resident-messages')
    await page.locator('#message-list .message').first().click()
    await settled(page, '#ticket-detail')
    assert.equal(await page.locator('.photo-strip').count(), 2, 'before and after photos')
    await page.locator('[data-rating="satisfied"]').click()
    await shot(page, '14-resident-verifying')
    await page.locator('#ticket-actions taro-button-core', { hasText: '确认已解决' }).click()
    await waitState(page, 'fixed')
    assert.deepEqual(await page.locator('#timeline .tl-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))), ['submit', 'accept', 'resolve', 'confirmFixed'])
    await shot(page, '15-ticket-fixed')

    const afterHeadline = await api<HeadlineView>(gw.url, 'stats', { action: 'headline' })
    assert.equal(afterHeadline.closeRate.numerator, before.closeRate.numerator + 1)
    assert.equal(afterHeadline.fixSatisfaction.denominator, before.fixSatisfaction.denominator + 1)
    assert.equal(afterHeadline.fixSatisfaction.numerator, before.fixSatisfaction.numerator + 1)
    await page.goto(gw.url)
    await page.locator('#headline').waitFor()
    const shown = await page.locator('#headline').innerText()
    assert.ok(shown.includes(`${(afterHeadline.closeRate.value! * 100).toFixed(1)}%`), 'home shows the new 结案率')
    assert.ok(shown.includes(`评价 ${afterHeadline.fixSatisfaction.denominator}`), 'home shows the new rating count')
    assert.deepEqual(errors, [])
  })

  it('a report outside every grid lands in the office triage, and the admin dispatches it', async () => {
    const { page, errors } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-citizen')
    await fillReport(page, photo, outsidePoint, '小区外墙被喷涂了大量办证电话')
    assert.match(await page.locator('#report-where').innerText(), /不在任何网格内/)
    const id = await submitReport(page)

    await devLogin(page, gw.url, 'u-admin')
    await page.goto(`${gw.url}#/packages/admin/triage/index`)
    await settled(page, `#triage-list [data-ticket="${id}"]`)
    await shot(page, '16-admin-triage')
    await page.locator(`#triage-list [data-ticket="${id}"] .ticket-desc`).click()
    await settled(page, '#ticket-detail')
    assert.equal(await stateOf(page), 'triage')
    await page.locator('#dispatch-picker').click()
    await page.locator('.weui-picker__action', { hasText: '确定' }).last().click()
    assert.match(await page.locator('#dispatch-picker').innerText(), /派遣给/)
    await page.locator('#ticket-actions taro-button-core', { hasText: '派遣' }).click()
    await waitState(page, 'dispatched')
    await shot(page, '17-admin-dispatched')
    assert.deepEqual(errors, [])
  })
  it('keeps photo tiles square and in line once uploaded, and says while typing that a description is too long', async () => {
    const { page, errors } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-citizen')
    await page.goto(`${gw.url}#/pages/report/index`)
    await settled(page, '.photo-picker')
    const addBefore = (await page.locator('.photo-picker .photo.add').boundingBox())!
    // The first upload fails (the network drops): the tile says so, with room around its 重试, and a tap retries.
    await page.route('**/api/upload', (route) => route.abort('internetdisconnected'))
    await choosePhoto(page, '.photo-picker .photo.add', photo)
    await page.locator('.photo[data-status="failed"]').waitFor({ timeout: 30_000 })
    const failed = (await page.locator('.photo[data-status="failed"]').boundingBox())!
    const retry = (await page.locator('.photo[data-status="failed"] .photo-retry').boundingBox())!
    const said = (await page.locator('.photo[data-status="failed"] .photo-failed-text').boundingBox())!
    assert.deepEqual([Math.round(failed.width), Math.round(failed.height)], [Math.round(addBefore.width), Math.round(addBefore.height)])
    assert.ok(retry.y - (said.y + said.height) >= 6, `重试 sits ${retry.y - (said.y + said.height)} px under 上传失败`)
    await page.locator('.photo-picker').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot(page, '09e-report-photo-failed')
    await page.unroute('**/api/upload')
    await page.locator('.photo[data-status="failed"] .photo-mask').click()
    await page.locator('.photo[data-status="done"]').waitFor({ timeout: 30_000 })
    const tile = (await page.locator('.photo[data-status="done"]').boundingBox())!
    const img = (await page.locator('.photo[data-status="done"] .photo-img').boundingBox())!
    const addAfter = (await page.locator('.photo-picker .photo.add').boundingBox())!
    // The same square before and after, side by side on one line, the image filling its tile.
    assert.deepEqual([Math.round(tile.width), Math.round(tile.height)], [Math.round(addBefore.width), Math.round(addBefore.height)])
    assert.equal(Math.round(tile.width), Math.round(tile.height))
    assert.ok(tile.width >= 90, `tiles are ${tile.width} px`)
    assert.equal(Math.round(addAfter.y), Math.round(tile.y))
    assert.deepEqual([Math.round(img.width), Math.round(img.height)], [Math.round(tile.width), Math.round(tile.height)])
    // The × is a 44 px target that says what it does.
    const remove = (await page.locator('.photo[data-status="done"] .photo-remove').boundingBox())!
    assert.ok(remove.width >= 44 && remove.height >= 44, `× is ${remove.width}×${remove.height}`)
    assert.equal(await page.locator('.photo[data-status="done"] .photo-remove').getAttribute('aria-label'), '删除第 1 张照片')

    await page.locator('.desc textarea').fill('路边'.repeat(300))
    assert.equal(await page.locator('#desc-count').innerText(), '600/500')
    assert.equal(await page.locator('#desc-limit').innerText(), '超出 100 字：问题描述最多 500 字，请删减后再提交')
    assert.equal((await page.locator('.desc textarea').inputValue()).length, 600, 'nothing is cut off silently')
    await page.locator('.report-desc').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot(page, '09d-report-description-too-long')
    await page.locator('.desc textarea').fill('路边'.repeat(240))
    assert.equal(await page.locator('#desc-count').innerText(), '480/500')
    assert.equal(await page.locator('#desc-limit').innerText(), '还可以输入 20 字')
    // A failed upload shows a failed tile and nothing else: no unhandled rejection behind it.
    assert.deepEqual(errors, [])
  })
})
