import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { confirmModal, devLogin, launchBrowser, openFresh, phonePage, settled, shot, startGateway, type Gateway } from './harness'

/**
 * 问卷 end to end in Chromium on the H5 build: 文明办 makes a survey from the 模拟测评 template and publishes it →
 * three residents answer it (one comes back and is told they already did) → the results show exactly the
 * expected 知晓率 and 满意率 with n = 3 and 样本不足 → the Excel export downloads and holds the same figures.
 *
 * The three answers (模拟测评: q1 居住满6个月, q2 知晓, q3 支持, q4 参与, q5/q6 满意度 with 不清楚 not counted):
 *   张阿姨  q2 知道,   q3 支持,  q5 满意,     q6 满意     → 知晓 1, 满意 2/2
 *   李志愿  q2 知道,   q3 支持,  q5 基本满意, q6 不满意   → 知晓 1, 满意 1/2
 *   王组织  q2 不知道, q3 不清楚, q5 不清楚,   q6 满意     → 知晓 0, 满意 1/1 (不清楚 left out)
 * 知晓率 = 2/3 = 66.7%, 满意率 = (1 + ½ + 1) / 3 = 83.3%, 支持率 = 2/2 = 100% — every one 样本不足 (< 30).
 *
 * The residents answer two days after the demo city was seeded (the server's clock and the office's browser clock
 * are moved together), so the dashboard's 日 view of that day holds these three answers and nothing else.
 */

const ADMIN_SURVEYS = '#/packages/admin/surveys/index'
const DASHBOARD = '#/packages/admin/dashboard/index'
const LATER_MS = 2 * 86_400_000
const survey = (id: string) => `#/packages/citizen/survey/index?id=${id}`
const results = (id: string) => `#/packages/admin/survey-results/index?id=${id}`

const open = (page: Page, base: string, hash: string, ready: string) => openFresh(page, `${base}${hash}`, ready)

describe('问卷: a template published, three residents, the results and the export', () => {
  let gw: Gateway
  let browser: Browser
  let clockFile: string
  before(async () => {
    clockFile = join(mkdtempSync(join(tmpdir(), 'wenming-clock-')), 'offset')
    writeFileSync(clockFile, '0')
    gw = await startGateway({ clockFile })
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await gw?.stop()
  })

  let id = ''
  const errors: string[] = []

  it('文明办 makes a survey from the 模拟测评 template and publishes it', async () => {
    const { page, errors: e } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-admin')
    await open(page, gw.url, ADMIN_SURVEYS, '#new-survey')
    await shot(page, 's01-admin-surveys')
    await page.locator('#new-survey').click()
    await page.locator('[data-template="mock"]').click()
    await settled(page, '#survey-form')
    id = new URL(page.url().replace('#/', '')).searchParams.get('id')!
    assert.ok(id)
    await shot(page, 's02-survey-editor')
    await page.locator('#save-publish').click()
    await confirmModal(page)
    // Published, the editor goes back to the list.
    await page.locator(`[data-survey="${id}"]`).filter({ hasText: '进行中' }).first().waitFor()
    await open(page, gw.url, ADMIN_SURVEYS, `[data-survey="${id}"]`)
    assert.match(await page.locator(`[data-survey="${id}"]`).innerText(), /进行中/)
    await shot(page, 's03-survey-published')
    errors.push(...e)
  })

  const answer = async (userId: string, picks: Record<string, number>, name: string) => {
    const { page, errors: e } = await phonePage(browser)
    await devLogin(page, gw.url, userId)
    await open(page, gw.url, survey(id), '#survey-age')
    await page.locator('[data-age="30-44"]').click()
    for (const [q, option] of Object.entries(picks)) {
      await page.locator(`[data-q="${q}"][data-option="${option}"]`).click()
    }
    await shot(page, `s04-answer-${name}`)
    await page.locator('#survey-submit').click()
    await page.locator('#survey-done').waitFor()
    errors.push(...e)
    return page
  }

  it('three residents answer; one who comes back is told they already did', async () => {
    writeFileSync(clockFile, String(LATER_MS))
    const zhang = await answer('u-citizen', { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0 }, 'zhang')
    await shot(zhang, 's05-answer-done')
    await answer('u-volunteer', { q1: 0, q2: 0, q3: 0, q4: 1, q5: 1, q6: 2 }, 'li')
    await answer('u-organizer', { q1: 0, q2: 1, q3: 2, q4: 1, q5: 3, q6: 0 }, 'wang')
    await open(zhang, gw.url, survey(id), '#survey-answered')
    assert.match(await zhang.locator('#survey-answered').innerText(), /已经填写过/)
    await shot(zhang, 's06-already-answered')
  })

  it('the results show 知晓率 66.7% and 满意率 83.3% with n = 3, marked 样本不足; the Excel export holds the same', async () => {
    const { page, errors: e } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-admin')
    await open(page, gw.url, results(id), '[data-city="awareness"]')
    const aware = await page.locator('[data-city="awareness"]').innerText()
    const sat = await page.locator('[data-city="satisfaction"]').innerText()
    assert.match(aware, /66\.7%/)
    assert.match(aware, /样本不足/)
    assert.match(aware, /n=3，/)
    assert.match(sat, /83\.3%/)
    assert.match(sat, /样本不足/)
    assert.equal(await page.locator('[data-city="awareness"]').getAttribute('data-insufficient'), 'true')
    assert.match(await page.locator('#answer-count').innerText(), /3/)
    await shot(page, 's07-results')
    await page.locator('#area-chart').scrollIntoViewIfNeeded()
    await shot(page, 's08-results-by-area')

    const download = page.waitForEvent('download')
    await page.locator('#export-xlsx').click()
    const file = await (await download).path()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(file!) as unknown as ArrayBuffer)
    const city = wb.getWorksheet('指标')!.getRow(4).values as unknown[]
    assert.equal(city[3], 3)
    assert.equal(city[4], '66.7%')
    assert.equal(city[5], 3)
    assert.equal(city[10], '83.3%')
    assert.equal(city[11], 3)
    assert.equal(city[13], '样本不足')
    assert.equal(wb.getWorksheet('答卷（匿名）')!.rowCount, 4)

    // Desk width: the same figures in a table.
    await page.setViewportSize({ width: 1280, height: 800 })
    await shot(page, 's09-results-desk')
    errors.push(...e)
  })

  it('the dashboard shows the day of the answers: 知晓率 66.7% and 满意率 83.3%, n = 3, 样本不足; its Excel holds the same', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true })
    await context.clock.install({ time: Date.now() + LATER_MS })
    const page = await context.newPage()
    page.on('pageerror', (err) => errors.push(`dashboard: ${err.message}`))
    await devLogin(page, gw.url, 'u-admin')
    await open(page, gw.url, DASHBOARD, '#headline-cards')
    await shot(page, 's10-dashboard-month')
    await page.locator('#mode-day').click()
    const card = (k: string) => page.locator(`#headline-cards [data-indicator="${k}"]`).first()
    await card('awareness').filter({ hasText: '66.7%' }).waitFor()
    const aware = await card('awareness').innerText()
    const sat = await card('satisfaction').innerText()
    assert.match(aware, /66\.7%/)
    assert.match(aware, /样本不足/)
    assert.match(aware, /样本 3 ·/)
    assert.match(sat, /83\.3%/)
    assert.match(sat, /样本不足/)
    await shot(page, 's11-dashboard-day')
    await page.locator('#bar-panel').scrollIntoViewIfNeeded()
    await shot(page, 's12-dashboard-bars')
    await page.locator('#map-panel').scrollIntoViewIfNeeded()
    await shot(page, 's13-dashboard-map')

    const download = page.waitForEvent('download')
    await page.locator('#export-xlsx').click()
    const file = await (await download).path()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(file!) as unknown as ArrayBuffer)
    const sheet = wb.getWorksheet('指标')!
    const header = sheet.getRow(5).values as unknown[]
    const city = sheet.getRow(6).values as unknown[]
    const col = (name: string) => header.indexOf(name)
    assert.equal(city[col('知晓率')], '66.7%')
    assert.equal(city[col('知晓率 n')], 3)
    assert.equal(city[col('知晓率 备注')], '样本不足')
    assert.equal(city[col('满意率')], '83.3%')
    assert.equal(city[col('满意率 n')], 3)

    await page.setViewportSize({ width: 1280, height: 800 })
    await page.locator('#headline-cards').scrollIntoViewIfNeeded()
    await shot(page, 's14-dashboard-desk')
    await context.close()
    assert.deepEqual(errors, [])
  })
})
