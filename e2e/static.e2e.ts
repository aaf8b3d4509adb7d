import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { PAGES, type PagePath } from '../core/pages'
import { FIXTURE_GPS, phoneJpeg } from '../server/photos/testing/fixtures'
import { choosePhoto, devLogin, launchBrowser, phonePage, settled, SHOTS, startGateway, type Gateway } from './harness'

/**
 * The H5 build as the gateway sends it, in Chromium: the first load of the home page compressed, a reload answered
 * from the cache and by 304s, and every page — as a visitor and as each role, a photo picked too — shown under the
 * pages' content security policy without one violation.
 */

interface Load { requests: number; transferred: number; decoded: number }

/** What the page loaded from its own origin (navigation and resources): bytes over the wire and once decoded. */
async function loaded (page: Page): Promise<Load & { urls: string[] }> {
  return page.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[]
    const own = entries.filter((e) => new URL(e.name).origin === location.origin)
    return {
      requests: own.length,
      transferred: own.reduce((n, e) => n + e.transferSize, 0),
      decoded: own.reduce((n, e) => n + e.decodedBodySize, 0),
      urls: own.map((e) => e.name)
    }
  })
}

/** One GET with this Accept-Encoding, undecoded: the body's size on the wire and its Content-Encoding. */
function wire (url: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      let bytes = 0
      res.on('data', (c: Buffer) => { bytes += c.length })
      res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }))
    }).on('error', reject).end()
  })
}

/** A phone page that records every content-security-policy violation, on every document it opens. */
async function watchedPage (browser: Browser): Promise<{ page: Page; errors: string[]; violations: string[] }> {
  const { page, errors } = await phonePage(browser)
  const violations: string[] = []
  await page.exposeFunction('__cspViolation', (v: string) => { violations.push(v) })
  // Chromium also says so in the console (e.g. a blocked fetch of a blob: URL).
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text().slice(0, 300)) })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __cspViolation (v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
    })
  })
  return { page, errors, violations }
}

describe('the H5 build through the gateway: compressed, cached, under its content security policy', () => {
  let gw: Gateway
  let browser: Browser
  let photo: string

  before(async () => {
    gw = await startGateway()
    browser = await launchBrowser()
    photo = join(mkdtempSync(join(tmpdir(), 'e2e-static-')), 'phone.jpg')
    writeFileSync(photo, await phoneJpeg({ width: 1200, height: 900, gps: FIXTURE_GPS }))
  })
  after(async () => {
    await browser?.close()
    await gw?.stop()
  })

  it('sends the home page\'s first load compressed, and a reload almost nothing', async () => {
    const { page, errors, violations } = await watchedPage(browser)
    await page.goto(gw.url)
    await page.locator('#headline').waitFor({ timeout: 30_000 })
    await page.waitForLoadState('networkidle')
    const first = await loaded(page)
    // The same files as a client taking gzip only, and as one taking nothing compressed.
    let gzip = 0
    let plain = 0
    const encodings: Record<string, number> = {}
    for (const url of first.urls.filter((u) => !u.includes('/api/'))) {
      const br = await wire(url, 'gzip, deflate, br')
      encodings[br.encoding] = (encodings[br.encoding] ?? 0) + 1
      gzip += (await wire(url, 'gzip')).bytes
      plain += (await wire(url, 'identity')).bytes
    }
    await page.reload()
    await page.locator('#headline').waitFor({ timeout: 30_000 })
    await page.waitForLoadState('networkidle')
    const again = await loaded(page)
    const figures = {
      requests: first.requests,
      plainStaticBytes: plain,
      gzipStaticBytes: gzip,
      firstLoadTransferred: first.transferred,
      firstLoadDecoded: first.decoded,
      reloadTransferred: again.transferred,
      staticEncodings: encodings
    }
    mkdirSync(SHOTS, { recursive: true })
    writeFileSync(join(SHOTS, 'home-first-load.json'), JSON.stringify(figures, null, 2))
    console.log('home page first load:', JSON.stringify(figures))
    // Every text file came compressed; the wire carries well under half the decoded bytes.
    assert.equal(encodings.identity ?? 0, 0, JSON.stringify(encodings))
    assert.ok(first.transferred < first.decoded / 2, JSON.stringify(figures))
    assert.ok(again.transferred < first.transferred / 5, JSON.stringify(figures))
    assert.deepEqual(violations, [])
    assert.deepEqual(errors, [])
  })

  it('shows every page, as a visitor and as the roles that draw the most, with no policy violation', async () => {
    const targets = (Object.values(PAGES) as PagePath[]).filter((p) => p !== PAGES.ticketDetail)
    // The roles whose pages draw the most (QR codes, charts, maps, tables); the citizen's photo is the test below.
    for (const userId of [null, 'u-volunteer', 'u-organizer', 'u-admin']) {
      const { page, errors, violations } = await watchedPage(browser)
      if (userId) await devLogin(page, gw.url, userId)
      for (const path of [...targets, `${PAGES.ticketDetail}?id=tk-009`]) {
        await page.goto('about:blank')
        await page.goto(`${gw.url}#/${path}`)
        await page.waitForLoadState('networkidle')
        await page.locator('.taro_page').first().waitFor()
      }
      assert.deepEqual(violations, [], `${userId ?? 'visitor'}: content security policy violations`)
      assert.deepEqual(errors, [], `${userId ?? 'visitor'}: page errors`)
      await page.context().close()
    }
  })

  it('shows a photo just picked (a blob: image) and the report map under the policy', async () => {
    const { page, errors, violations } = await watchedPage(browser)
    await devLogin(page, gw.url, 'u-citizen')
    await page.goto(`${gw.url}#/${PAGES.report}`)
    await settled(page, '.category-picker')
    await page.locator('.grid-map[data-ready="1"]').waitFor()
    await choosePhoto(page, '.photo-picker .photo.add', photo)
    await page.locator('.photo[data-status="done"]').waitFor({ timeout: 30_000 })
    assert.match(await page.locator('.photo[data-status="done"] img').first().getAttribute('src') ?? '', /^(blob:|\/files\/)/)
    assert.deepEqual(violations, [])
    assert.deepEqual(errors, [])
  })
})
