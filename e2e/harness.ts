import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const root = resolve(__dirname, '..')
// E2E_WEB_ROOT / E2E_SHOTS let several people build and test side by side without sharing dist/h5.
export const SHOTS = process.env.E2E_SHOTS ? resolve(process.env.E2E_SHOTS) : join(root, 'e2e', 'screenshots')
const WEB_ROOT = process.env.E2E_WEB_ROOT ? resolve(process.env.E2E_WEB_ROOT) : join(root, 'dist/h5')

export interface Gateway {
  url: string
  dataDir: string
  stop (): Promise<void>
}

/**
 * `npm start`'s gateway on a free port with a fresh data folder (seeded on first start, like a newcomer's); or
 * e2e/clock-gateway.ts, the same with a clock the test moves (`clockFile`).
 */
export async function startGateway (opts: { clockFile?: string } = {}): Promise<Gateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wenming-e2e-'))
  const script = opts.clockFile ? join(root, 'e2e/clock-gateway.ts') : join(root, 'server/gateway/main.ts')
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, WEB_ROOT, ...(opts.clockFile ? { E2E_CLOCK_FILE: opts.clockFile } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  let log = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${log}`)), 60_000)
    const onData = (d: Buffer) => {
      log += d.toString()
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(log)
      if (m) { clearTimeout(timer); resolveUrl(m[0]) }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`gateway exited with ${code}:\n${log}`)) })
  })
  return {
    url,
    dataDir,
    async stop () {
      child.removeAllListeners('exit')
      const exited = new Promise((r) => child.once('exit', r))
      try { process.kill(-child.pid!, 'SIGTERM') } catch { /* already gone */ }
      await exited
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

export async function launchBrowser (): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}

/** A phone-sized page (iPhone SE/8: 375×667 at 2×) that fails the test on any page error. */
export async function phonePage (browser: Browser): Promise<{ page: Page; errors: string[] }> {
  // The city's phones: Chinese, UTC+8 (times on screen are local times).
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return { page, errors }
}

/** Wait until the H5 router's slide-in has put this element's page fully on screen. */
export async function settled (page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().waitFor()
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel)
    const pageEl = el?.closest('.taro_page') ?? el
    return !!pageEl && Math.abs(pageEl.getBoundingClientRect().left) < 1
  }, selector)
}

export async function shot (page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false })
}

/**
 * A demo account's session token for calling the API directly (as `Authorization: Bearer <token>`): the gateway's
 * dev login, as the 我的 page uses it. The token is a random session id, never the openid.
 */
export async function devToken (base: string, userId: string): Promise<string> {
  const res = await fetch(new URL('/dev/login', base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })
  const body = await res.json() as { ok: boolean; data?: { token: string }; error?: { message: string } }
  if (!body.ok || !body.data) throw new Error(`dev login as ${userId} refused: ${body.error?.message ?? res.status}`)
  return body.data.token
}

/** Sign in through the 我的 page's dev login, as a person would. */
export async function devLogin (page: Page, base: string, userId: string): Promise<void> {
  await page.goto(`${base}#/pages/me/index`)
  await page.locator(`.demo-user[data-user="${userId}"]`).click()
  await settled(page, '#me-roles .tag')
}

/**
 * Tap a GCJ-02 point on the offline grid map (src/components/grid-map publishes its view on `.grid-map`):
 * x = canvas.x + tx + sx·lng, y = canvas.y + ty − sy·lat.
 */
export async function tapMap (page: Page, p: { lng: number; lat: number }): Promise<void> {
  await settled(page, '.grid-map[data-ready="1"]')
  await page.locator('.grid-map-canvas').evaluate((el) => el.scrollIntoView({ block: 'center' }))
  const box = (await page.locator('.grid-map-canvas').boundingBox())!
  const v = JSON.parse((await page.locator('.grid-map').getAttribute('data-view')) ?? 'null') as { sx: number; sy: number; tx: number; ty: number }
  await page.mouse.click(box.x + v.tx + v.sx * p.lng, box.y + v.ty - v.sy * p.lat)
}

/** Pick files for the next chooser the page opens (Taro.chooseImage in H5 opens a file input). */
export async function choosePhoto (page: Page, trigger: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.locator(trigger).click()
  await (await chooser).setFiles(file)
}

/** Open an address afresh and wait for `ready` on screen: the same address again reloads, so the page reads the server now. */
export async function openFresh (page: Page, url: string, ready: string): Promise<void> {
  if (page.url() === url) await page.reload()
  else await page.goto(url)
  await settled(page, ready)
}

/** Taro's H5 modal fades in: tap its confirm button once it is fully shown. */
export async function confirmModal (page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const m = document.querySelector<HTMLElement>('.taro__modal')
    return !!m && getComputedStyle(m).display !== 'none' && getComputedStyle(m).opacity === '1'
  })
  await page.locator('.taro-model__confirm').click()
}
