import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { Grid, Page as Paged } from '../core/types'
import type { TicketView } from '../core/views'
import { splitGridFile, type SplitFile } from '../server/testing/grid-files'
import { confirmModal, devLogin, devToken, launchBrowser, openFresh, phonePage, settled, shot, startGateway, tapMap, type Gateway } from './harness'

/**
 * 网格管理 end to end in Chromium on the H5 build, the office at a desk (1280 × 800): a grid file with one error is
 * checked and refused with the error on the map and in the report; the demo city's grids with one grid cut in two
 * (new codes, new names) are imported as version 2; 赵网格 is appointed to the west half; a resident reports inside
 * it and the report is in 赵网格's inbox; the office restores version 1, and a new report at the same spot routes to
 * the grid the half was cut from again. Phone-sized screenshots of the same screens too.
 */

const GRIDS = '#/packages/admin/grids/index'

async function api<T> (base: string, token: string, fn: string, body: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${base}api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })
  const r = await res.json() as { ok: boolean; data: T; error?: { message: string } }
  assert.ok(r.ok, r.error?.message)
  return r.data
}

async function deskPage (browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  page.on('pageerror', (e) => errors.push(`desk: ${e.message}`))
  return page
}

/** The area of a GCJ-02 quadrilateral in degrees², for picking a large grid (easy to tap on a phone's map). */
const area = (g: Grid): number => Math.abs(g.polygon.reduce((s, [x, y], i) => { const [u, v] = g.polygon[(i + 1) % g.polygon.length]; return s + x * v - u * y }, 0)) / 2

/** A resident's report at `point` through the 随手拍 form; the ticket id, and where the form said it would go. */
async function fileReport (page: Page, base: string, point: { lng: number; lat: number }, description: string, name: string): Promise<{ id: string; where: string }> {
  await page.goto(`${base}#/pages/report/index`)
  await settled(page, '.category-picker')
  await page.locator('.cat-search input').fill('小广告')
  await page.locator('.cat-item[data-category="cat-E02-01"]').click()
  await tapMap(page, point)
  await page.locator('#report-where').waitFor()
  // The form asks the server which grid the point is in: wait for its answer.
  await page.waitForFunction(() => !/正在/.test(document.querySelector('#report-where')?.textContent ?? '正在'))
  const where = await page.locator('#report-where').innerText()
  await page.locator('.desc textarea').fill(description)
  await page.locator('#report-where').scrollIntoViewIfNeeded()
  await shot(page, `${name}-report`)
  await page.locator('#report-submit').click()
  await page.locator('#report-done').waitFor({ timeout: 15_000 })
  return { id: (await page.locator('#report-done').getAttribute('data-ticket'))!, where }
}

describe('网格管理: check a file, import it, appoint a manager, route, restore', () => {
  let gw: Gateway
  let browser: Browser
  let admin: string
  let split: SplitFile
  let westId = ''
  let dir = ''
  const errors: string[] = []

  before(async () => {
    gw = await startGateway()
    browser = await launchBrowser()
    admin = await devToken(gw.url, 'u-admin')
    const grids: Grid[] = []
    let cursor: string | null = null
    do {
      const page: Paged<Grid> = await api<Paged<Grid>>(gw.url, admin, 'admin', { action: 'grids', cursor, limit: 100 })
      grids.push(...page.items)
      cursor = page.next
    } while (cursor)
    // A large quadrilateral of another manager than 赵网格: cut in two, its west half goes to 赵网格.
    const other = grids.filter((g) => g.managerIds.length === 1 && g.managerIds[0] !== 'u-grid' && g.polygon.length === 4).sort((a, b) => area(b) - area(a))[0]
    assert.ok(other, 'a grid of another manager')
    split = splitGridFile(grids, other.id)
    dir = mkdtempSync(join(tmpdir(), 'e2e-grids-'))
    writeFileSync(join(dir, '网格-拆分.geojson'), JSON.stringify(split.file, null, 1))
    // The same file with the east half's boundary crossing itself (its 2nd and 3rd corners swapped).
    const broken = structuredClone(split.file)
    const ring = broken.features[broken.features.length - 1].geometry.coordinates[0]
    ;[ring[1], ring[2]] = [ring[2], ring[1]]
    writeFileSync(join(dir, 'broken.geojson'), JSON.stringify(broken))
  })
  after(async () => {
    await browser?.close()
    await gw?.stop()
  })

  it('the office at a desk: a file with an error is refused and shown; the split city is imported as version 2; 赵网格 gets the west half', async () => {
    const page = await deskPage(browser, errors)
    await devLogin(page, gw.url, 'u-admin')
    await openFresh(page, `${gw.url}${GRIDS}`, '#grid-list .gr-item')
    await page.locator('#grid-current[data-version="1"]').waitFor()
    await page.locator('[data-map="grids-map"][data-drawn]:not([data-drawn="0"])').waitFor()
    await shot(page, 'g01-grids-desk')

    await page.locator('#tab-import').click()
    const chooser = page.waitForEvent('filechooser')
    await page.locator('#import-pick').click()
    await (await chooser).setFiles(join(dir, 'broken.geojson'))
    await page.locator('#import-check').click()
    await page.locator('#import-summary[data-ok="0"]').waitFor()
    assert.match(await page.locator('#import-summary').innerText(), /有 \d+ 处错误，不能导入/)
    const first = page.locator('#report-list .gr-line').first()
    assert.equal(await first.getAttribute('data-severity'), 'error')
    assert.match(await first.innerText(), /边界自相交/)
    assert.equal(await page.locator('#import-confirm').count(), 0)
    await page.locator('[data-map="preview-map"]:not([data-drawn="0"])').waitFor()
    await shot(page, 'g02-refused-desk')
    await page.locator('.gr-result-body').scrollIntoViewIfNeeded()
    await shot(page, 'g02b-refused-map-desk')

    await page.locator('#import-clear').click()
    const again = page.waitForEvent('filechooser')
    await page.locator('#import-pick').click()
    await (await again).setFiles(join(dir, '网格-拆分.geojson'))
    await page.locator('#import-check').click()
    await page.locator('#import-summary[data-ok="1"]').waitFor()
    assert.match(await page.locator('#import-summary').innerText(), /新增 2 个，停用 1 个/)
    await page.locator('[data-map="preview-map"]:not([data-drawn="0"])').waitFor()
    await shot(page, 'g03-preview-desk')
    await page.locator('#import-confirm-card').scrollIntoViewIfNeeded()
    await shot(page, 'g03b-confirm-desk')
    await page.locator('#import-reason textarea').fill('东塘片区一个网格拆为东西两个')
    await page.locator('#import-confirm').click()
    await confirmModal(page)
    await page.locator('#grid-current[data-version="2"]').waitFor({ timeout: 30_000 })

    const west = split.halves[0]
    await page.locator('#grid-search input').fill(west.name)
    const item = page.locator(`#grid-list [data-code="${west.code}"]`)
    await item.waitFor()
    westId = (await item.getAttribute('data-grid'))!
    assert.match(await item.innerText(), /暂无网格员/)
    await item.click()
    await page.locator('#grid-editor').waitFor()
    await page.locator('#editor-manager-search input').fill('赵')
    await page.locator('[data-candidate="u-grid"]').click()
    await page.locator('#editor-reason textarea').fill('新网格由赵网格负责')
    await shot(page, 'g04-editor-desk')
    await page.locator('#editor-save').click()
    await confirmModal(page)
    await page.locator('#grid-editor').waitFor({ state: 'detached' })
    await page.locator('#grid-search input').fill(west.name)
    await page.locator(`#grid-list [data-code="${west.code}"]`).filter({ hasText: '网格员：赵网格' }).waitFor()
    await shot(page, 'g05-appointed-desk')
  })

  let first = ''
  it('a resident reports inside the west half; it is in 赵网格\'s inbox', async () => {
    const { page, errors: e } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-citizen')
    const filed = await fileReport(page, gw.url, split.halves[0].inside, '新拆分网格里的电线杆上贴满了小广告', 'g06')
    first = filed.id
    assert.match(filed.where, new RegExp(`${split.halves[0].name.replace(/[()（）]/g, '.')}.*赵网格`))
    const ticket = (await api<{ ticket: TicketView }>(gw.url, admin, 'tickets', { action: 'get', id: first })).ticket
    assert.equal(ticket.gridName, split.halves[0].name)
    assert.equal(ticket.state, 'dispatched')

    await devLogin(page, gw.url, 'u-grid')
    await page.goto(`${gw.url}#/packages/grid/inbox/index`)
    await settled(page, `#inbox-list [data-ticket="${first}"]`)
    await page.locator(`#inbox-list [data-ticket="${first}"]`).scrollIntoViewIfNeeded()
    await shot(page, 'g07-inbox-phone')
    errors.push(...e)
  })

  it('the office restores version 1: a new report at the same spot routes to the grid the half was cut from; the first keeps its grid', async () => {
    const page = await deskPage(browser, errors)
    await devLogin(page, gw.url, 'u-admin')
    await openFresh(page, `${gw.url}${GRIDS}`, '#grid-list .gr-item')
    await page.locator('#tab-versions').click()
    await page.locator('[data-version="1"][data-status="inactive"]').waitFor()
    await shot(page, 'g08-versions-desk')
    await page.locator('#restore-1').click()
    await page.locator('#restore-reason textarea').fill('拆分方案暂缓执行')
    await page.locator('#restore-confirm').click()
    await confirmModal(page)
    await page.locator('#grid-current[data-version="1"]').waitFor({ timeout: 30_000 })

    const { page: phone, errors: e } = await phonePage(browser)
    await devLogin(phone, gw.url, 'u-citizen')
    const second = await fileReport(phone, gw.url, split.halves[0].inside, '同一位置又有小广告', 'g09')
    assert.ok(second.where.includes(split.split.name), second.where)
    const again = (await api<{ ticket: TicketView }>(gw.url, admin, 'tickets', { action: 'get', id: second.id })).ticket
    assert.equal(again.gridName, split.split.name)
    const kept = (await api<{ ticket: TicketView }>(gw.url, admin, 'tickets', { action: 'get', id: first })).ticket
    assert.equal(kept.gridName, split.halves[0].name)
    assert.ok(westId)
    errors.push(...e)
  })

  it('the same screens on a phone', async () => {
    const { page, errors: e } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-admin')
    await openFresh(page, `${gw.url}${GRIDS}`, '#grid-list .gr-item')
    await page.locator('[data-map="grids-map"]:not([data-drawn="0"])').waitFor()
    await shot(page, 'g10-grids-phone')
    await page.locator('#tab-import').click()
    const chooser = page.waitForEvent('filechooser')
    await page.locator('#import-pick').click()
    await (await chooser).setFiles(join(dir, 'broken.geojson'))
    await page.locator('#import-check').click()
    await page.locator('#import-summary[data-ok="0"]').waitFor()
    await page.locator('#import-summary').scrollIntoViewIfNeeded()
    await shot(page, 'g11-refused-phone')
    await page.locator('#report-list').scrollIntoViewIfNeeded()
    await shot(page, 'g12-report-phone')
    await page.locator('#tab-versions').click()
    await page.locator('[data-version="2"]').waitFor()
    await shot(page, 'g13-versions-phone')
    errors.push(...e)
    assert.deepEqual(errors, [])
  })
})
