import assert from 'node:assert/strict'
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { PAGES, type PagePath } from '../core/pages'
import { devLogin, devToken, launchBrowser, phonePage, SHOTS, startGateway, type Gateway } from './harness'

/**
 * axe-core (the engine behind Lighthouse's and Deque's audits) over every declared page, as a visitor and as each
 * demo role, in the phone-sized Chromium the other tests use. The whole list is saved beside the screenshots
 * (a11y-violations.json); the run fails on any serious or critical one.
 */

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

const WHO: Array<{ name: string; userId: string | null }> = [
  { name: 'visitor', userId: null },
  { name: 'citizen', userId: 'u-citizen' },
  { name: 'volunteer', userId: 'u-volunteer' },
  { name: 'organizer', userId: 'u-organizer' },
  { name: 'grid', userId: 'u-grid' },
  { name: 'admin', userId: 'u-admin' }
]

interface Found {
  who: string
  page: string
  rule: string
  impact: string
  help: string
  targets: string[]
  html: string[]
  why: string[]
}

async function post<T> (base: string, fn: string, body: Record<string, unknown>, token?: string): Promise<T | null> {
  const res = await fetch(`${base}api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  const r = await res.json() as { ok: boolean; data: T }
  return r.ok ? r.data : null
}

/** A ticket this person may open (their own report, their inbox, the office's queue), else any seeded one. */
async function ticketFor (base: string, userId: string | null, fallback: string): Promise<string> {
  if (!userId) return fallback
  const token = await devToken(base, userId)
  const inbox = await post<{ items: Array<{ id: string }> }>(base, 'tickets', { action: 'inbox' }, token)
  const triage = await post<{ items: Array<{ id: string }> }>(base, 'tickets', { action: 'overdue', limit: 1 }, token)
  const mine = await post<{ items: Array<{ id: string }> }>(base, 'reports', { action: 'mine', limit: 1 }, token)
  return inbox?.items[0]?.id ?? triage?.items[0]?.id ?? mine?.items[0]?.id ?? fallback
}

/** Wait until the page has answered: no request in flight and no loading placeholder left on the visible page. */
async function quiet (page: Page): Promise<boolean> {
  await page.waitForLoadState('networkidle')
  return page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll('.taro_page')).filter((p) => (p as HTMLElement).offsetParent !== null || getComputedStyle(p).display !== 'none')
    const current = shown[shown.length - 1]
    return !!current && Math.abs(current.getBoundingClientRect().left) < 1 && !current.querySelector('.status-loading')
  }, undefined, { timeout: 10_000 }).then(() => true, () => false)
}

async function audit (page: Page): Promise<Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; html: string; why: string }> }>> {
  // Evaluated by the test's own channel: the pages' policy rightly refuses an inline <script> tag (addScriptTag).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run (ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }> }> }> } }).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200), why: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300) })) }))
  })
}

describe('accessibility: axe-core on every page, as a visitor and as each role', () => {
  let gw: Gateway
  let browser: Browser
  const found: Found[] = []

  before(async () => {
    gw = await startGateway()
    browser = await launchBrowser()
  })
  after(async () => {
    mkdirSync(SHOTS, { recursive: true })
    writeFileSync(join(SHOTS, 'a11y-violations.json'), JSON.stringify(found, null, 2))
    await browser?.close()
    await gw?.stop()
  })

  it('finds no serious or critical violation on any page', async () => {
    const anyTicket = (await post<{ items: Array<{ id: string }> }>(gw.url, 'tickets', { action: 'triage', limit: 1 }, await devToken(gw.url, 'u-admin')))!.items[0].id
    for (const who of WHO) {
      const { page, errors } = await phonePage(browser)
      if (who.userId) await devLogin(page, gw.url, who.userId)
      const ticket = await ticketFor(gw.url, who.userId, anyTicket)
      const targets: Array<[string, string]> = (Object.values(PAGES) as PagePath[]).map((p) => [p, p === PAGES.ticketDetail ? `${p}?id=${ticket}` : p])
      targets.push(['(unknown address)', 'pages/no-such-page/index'])
      for (const [name, path] of targets) {
        await page.goto('about:blank')
        await page.goto(`${gw.url}#/${path}`)
        // A page still loading after 10 s is itself a finding: a spinner that never ends.
        if (!(await quiet(page))) found.push({ who: who.name, page: name, rule: 'never-settles', impact: 'serious', help: 'the page is still loading after 10 s', targets: ['.status-loading'], html: [], why: [] })
        for (const v of await audit(page)) {
          found.push({ who: who.name, page: name, rule: v.id, impact: v.impact ?? 'minor', help: v.help, targets: v.nodes.map((n) => String(n.target[0])), html: v.nodes.map((n) => n.html), why: v.nodes.map((n) => n.why) })
        }
      }
      assert.deepEqual(errors, [], `${who.name}: page errors`)
      await page.context().close()
    }
    const bad = found.filter((f) => f.impact === 'serious' || f.impact === 'critical')
    const summary = bad.map((f) => `${f.who} ${f.page}: ${f.rule} (${f.impact}) ×${f.targets.length} — ${f.targets.slice(0, 3).join(', ')} — ${f.why[0] ?? ''}`)
    assert.deepEqual(summary, [], `serious or critical accessibility violations (all saved in ${join(SHOTS, 'a11y-violations.json')})`)
  })
})
