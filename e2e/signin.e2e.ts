import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { devLogin, devToken, launchBrowser, phonePage, settled, shot, startGateway, type Gateway } from './harness'

/**
 * Scan to sign in at the office's desk, in Chromium against the local gateway: the desk's sign-in page shows a QR
 * code; the test reads the code's text from the page and confirms it as the office worker through the
 * mini-program's own action over HTTP (as the phone would, with that person's session); the desk becomes that
 * person and opens 分拣台; signing out there ends the session (the same token is then nobody). The phone's pages
 * (确认登录, 桌面登录) are looked at on a phone-sized page. Screenshots: e2e/screenshots/signin-*.png.
 */

interface Answer<T> { ok: boolean; data: T; error?: { code: string; message: string } }

async function post<T> (base: string, fn: string, body: Record<string, unknown>, token?: string): Promise<Answer<T>> {
  const res = await fetch(new URL(`/api/${fn}`, base), { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  return res.json() as Promise<Answer<T>>
}
async function api<T> (base: string, fn: string, body: Record<string, unknown>, token?: string): Promise<T> {
  const r = await post<T>(base, fn, body, token)
  assert.ok(r.ok, r.error?.message)
  return r.data
}

/** A desk: 1280×800, Chinese, UTC+8. */
async function deskPage (browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return { page, errors }
}

/** The QR's text as the page draws it (QrCode puts it on data-qr-text). */
const shownCode = (page: Page) => page.locator('#signin-card [data-qr-text]').getAttribute('data-qr-text')

/** The token this browser keeps (Taro's H5 storage wraps each value as { data }). */
async function storedToken (page: Page): Promise<string | null> {
  const raw = await page.evaluate(() => localStorage.getItem('wm.devToken'))
  if (!raw) return null
  try {
    const parsed = JSON.parse(raw) as { data?: unknown }
    return typeof parsed.data === 'string' ? parsed.data : null
  } catch {
    return raw
  }
}

describe('scan to sign in at the desk', () => {
  let gw: Gateway
  let browser: Browser
  /** The office worker's phone: their session, as the mini-program's calls carry WeChat's identity. */
  let phone: string

  before(async () => {
    gw = await startGateway()
    browser = await launchBrowser()
    phone = await devToken(gw.url, 'u-admin')
  })
  after(async () => {
    await browser?.close()
    await gw?.stop()
  })

  it('the desk shows a code → the phone confirms it → the desk is the office worker at 分拣台 → signing out ends it', async () => {
    const { page, errors } = await deskPage(browser)
    await page.goto(`${gw.url}#/packages/account/signin/index`)
    await settled(page, '#signin-card [data-qr-text]')
    const qr = await shownCode(page)
    assert.match(qr ?? '', /^WMS1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/)
    assert.match(await page.locator('#signin-status').innerText(), /\d+ 秒后二维码失效/)
    await shot(page, 'signin-desk')

    // The phone opens the code: the desk says so.
    const seen = await api<{ user: { nickname: string }; browser: string; officeRights: boolean }>(gw.url, 'auth', { action: 'describe', qr }, phone)
    assert.equal(seen.user.nickname, '文明办刘主任')
    assert.equal(seen.officeRights, true)
    assert.match(seen.browser, /^Chrome \d+ · Linux$/)
    await page.locator('#signin-scanned').waitFor()
    assert.match(await page.locator('#signin-scanned').innerText(), /已扫码，请在手机上确认/)
    await shot(page, 'signin-desk-scanned')

    await api(gw.url, 'auth', { action: 'confirm', qr }, phone)
    await settled(page, '#triage-search')
    assert.match(page.url(), /packages\/admin\/triage\/index/)
    assert.match(await page.locator('.taro_page').last().innerText(), /待分拣/)
    await shot(page, 'signin-desk-triage')

    // As that person: the token this browser holds is the office worker's desk session.
    const token = await storedToken(page)
    assert.ok(token && token !== phone)
    const me = await api<{ user: { id: string; roles: string[] } }>(gw.url, 'users', { action: 'me' }, token)
    assert.equal(me.user.id, 'u-admin')
    const mine = await api<{ items: Array<{ kind: string; live: boolean; current: boolean }> }>(gw.url, 'auth', { action: 'sessions' }, token)
    assert.deepEqual(mine.items.filter((s) => s.current).map((s) => [s.kind, s.live]), [['desk', true]])
    // A replayed confirmation of the same code is refused.
    assert.equal((await post(gw.url, 'auth', { action: 'confirm', qr }, phone)).error?.code, 'CONFLICT')

    // Signing out at the desk (我的 → 退出登录) ends the session: a call with that token is then nobody.
    await page.goto(`${gw.url}#/pages/me/index`)
    await settled(page, '#me-logout')
    assert.match(await page.locator('#me-name').innerText(), /文明办刘主任/)
    await page.locator('#me-logout').click()
    await page.waitForFunction(() => !localStorage.getItem('wm.devToken'))
    let answer: Answer<unknown> = { ok: true, data: null }
    for (let i = 0; i < 50 && answer.ok; i++) {
      answer = await post(gw.url, 'users', { action: 'me' }, token)
      if (answer.ok) await page.waitForTimeout(100)
    }
    assert.equal(answer.error?.code, 'UNAUTHENTICATED')
    // The phone is still signed in.
    assert.equal((await post(gw.url, 'users', { action: 'me' }, phone)).ok, true)
    assert.deepEqual(errors, [])
  })

  it('on the phone: 确认登录 shows who signs in where; 取消 tells the desk; 桌面登录 lists the computers', async () => {
    const desk = await deskPage(browser)
    await desk.page.goto(`${gw.url}#/packages/account/signin/index`)
    await settled(desk.page, '#signin-card [data-qr-text]')
    const qr = (await shownCode(desk.page))!

    const { page, errors } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-admin')
    await page.goto(`${gw.url}#/packages/account/scan/index?qr=${encodeURIComponent(qr)}`)
    await settled(page, '#scan-describe')
    assert.match(await page.locator('#scan-person').innerText(), /文明办刘主任/)
    assert.match(await page.locator('#scan-browser').innerText(), /Chrome \d+ · Linux/)
    await shot(page, 'signin-phone-confirm')
    await page.locator('#scan-cancel').click()
    await settled(page, '#scan-cancelled')
    await desk.page.locator('#signin-cancelled').waitFor()
    await shot(desk.page, 'signin-desk-cancelled')

    // A fresh code, confirmed on the phone's page itself this time.
    await desk.page.locator('#signin-refresh').click()
    await desk.page.waitForFunction((old) => {
      const t = document.querySelector('#signin-card [data-qr-text]')?.getAttribute('data-qr-text')
      return !!t && t !== old
    }, qr)
    const second = (await shownCode(desk.page))!
    await page.goto(`${gw.url}#/packages/account/scan/index?qr=${encodeURIComponent(second)}`)
    await settled(page, '#scan-confirm')
    await page.locator('#scan-confirm').click()
    await settled(page, '#scan-done')
    await shot(page, 'signin-phone-done')
    await settled(desk.page, '#triage-search')

    await page.goto(`${gw.url}#/packages/account/sessions/index`)
    await settled(page, '#sessions-list .dk-row')
    const rows = await page.locator('#sessions-list .dk-row[data-live="1"]').count()
    assert.ok(rows >= 2, `expected the phone's own session and the desk's, got ${rows}`)
    await shot(page, 'signin-phone-sessions')
    assert.deepEqual(errors, [])
    assert.deepEqual(desk.errors, [])
  })
})
