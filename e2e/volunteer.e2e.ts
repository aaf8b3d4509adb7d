import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { confirmModal, devLogin, launchBrowser, openFresh, settled, shot, startGateway, type Gateway } from './harness'

/**
 * 志愿服务 end to end in Chromium on the H5 build, with the server's and the browsers' clocks moved together
 * (e2e/clock-gateway.ts) so that an event's check-in, check-out and the two hours between take seconds:
 * 王组织 publishes an event of one place → 李志愿 takes it → 张阿姨 registers as a volunteer and waits → 李志愿
 * cancels and 张阿姨 is offered the place and takes it → at the event she checks in and out with the code on the
 * organiser's screen → 王组织 confirms her hours → she sees them, her star progress and a certificate whose
 * number and code verify on the public page.
 */

const HOUR = 3_600_000
const ORGANIZE = '#/packages/volunteer/organize/index'
const MINE = '#/packages/volunteer/mine/index'
const REGISTER = '#/packages/volunteer/register/index'
const event = (id: string) => `#/packages/volunteer/event/index?id=${id}`
const roster = (id: string) => `#/packages/volunteer/roster/index?id=${id}`
const code = (id: string) => `#/packages/volunteer/checkin-code/index?id=${id}`

/** 08:00 China time on the day after the real one: every date the test uses follows from it, whenever CI runs. */
function baseTime (): number {
  const china = new Date(Date.now() + 8 * HOUR)
  return Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate() + 1, 0, 0, 0)
}

describe('志愿服务: publish, sign up, waitlist offer, QR check-in and out, hours, certificate', () => {
  let gw: Gateway
  let browser: Browser
  let clockFile: string
  const base = baseTime()
  let now = base
  const contexts: BrowserContext[] = []
  const errors: string[] = []

  /** Move the server's and every browser's clock to `at`. */
  const setTime = async (at: number) => {
    now = at
    writeFileSync(clockFile, String(at - Date.now()))
    for (const c of contexts) await c.clock.setSystemTime(at)
  }

  async function person (userId: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    await context.clock.install({ time: now })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (e) => errors.push(`${userId}: ${e.message}`))
    await devLogin(page, gw.url, userId)
    return page
  }

  /** Open a page afresh, once the last toast's timer (on the installed clock) has run out. */
  async function open (page: Page, hash: string, ready: string): Promise<void> {
    await page.clock.runFor(2500)
    await openFresh(page, `${gw.url}${hash}`, ready)
  }

  before(async () => {
    clockFile = join(mkdtempSync(join(tmpdir(), 'wenming-clock-')), 'offset')
    writeFileSync(clockFile, String(base - Date.now()))
    gw = await startGateway({ clockFile })
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await gw?.stop()
  })

  let eventId = ''
  let organizer: Page
  let li: Page
  let zhang: Page

  it('王组织 publishes an event of one place from the form', async () => {
    organizer = await person('u-organizer')
    await open(organizer, ORGANIZE, '#new-event')
    await shot(organizer, 'v01-organize')
    await organizer.locator('#new-event').click()
    await settled(organizer, '#event-form')
    await organizer.locator('#event-title-input input, input#event-title-input').first().fill('香樟路社区环境清扫志愿服务')
    await organizer.locator('#event-topic').click()
    await organizer.locator('.weui-picker__action:visible', { hasText: '确定' }).click()
    await organizer.locator('.weui-picker__action:visible').first().waitFor({ state: 'hidden' })
    assert.match(await organizer.locator('#event-topic').innerText(), /环境保护/)
    await organizer.locator('#event-address-input input, input#event-address-input').first().fill('香樟路社区服务中心门口')
    await organizer.locator('#capacity-input input, input#capacity-input').first().fill('1')
    await shot(organizer, 'v02-event-form')
    await organizer.locator('#save-publish').click()
    // Saved and published, the organiser lands on the event's roster.
    await settled(organizer, '#roster')
    eventId = new URL(organizer.url().replace('#/', '')).searchParams.get('id')!
    assert.ok(eventId)
    assert.match(await organizer.locator('#roster-title').innerText(), /香樟路社区环境清扫志愿服务/)
    await shot(organizer, 'v03-roster-published')
  })

  it('李志愿 takes the place; 张阿姨 registers as a volunteer and joins the waitlist', async () => {
    li = await person('u-volunteer')
    await open(li, event(eventId), '#event-detail')
    await shot(li, 'v04-event-detail')
    await li.locator('#signup-button').click()
    await li.locator('#event-detail[data-choice="confirmed"]').waitFor()
    await shot(li, 'v05-event-signed-up')

    zhang = await person('u-citizen')
    await open(zhang, REGISTER, '#register-form')
    await zhang.locator('#register-name input, input#register-name').first().fill('张桂兰')
    await zhang.locator('#register-phone input, input#register-phone').first().fill('13907318888')
    await zhang.locator('#register-community input, input#register-community').first().fill('香樟路社区')
    await zhang.locator('[data-skill="环境保护"]').click()
    await shot(zhang, 'v06-register')
    await zhang.locator('#register-submit').click()
    await settled(zhang, '#mine')
    await shot(zhang, 'v07-mine-new-volunteer')

    await open(zhang, event(eventId), '#event-detail')
    await zhang.locator('#event-detail[data-choice="waitlist"]').waitFor()
    await zhang.locator('#signup-button').click()
    await zhang.locator('#event-detail[data-choice="waitlisted"]').waitFor()
    assert.match(await zhang.locator('#waitlist-position').innerText(), /第\s*1\s*位/)
    await shot(zhang, 'v08-waitlisted')
  })

  it('李志愿 cancels: 张阿姨 is offered the freed place, is told, and takes it', async () => {
    await open(li, event(eventId), '#cancel-button')
    await li.locator('#cancel-button').click()
    await confirmModal(li)
    // The place is held for 张阿姨 now: for 李志愿 the event is full, with a waitlist.
    await li.locator('#event-detail[data-choice="waitlist"]').waitFor()
    await shot(li, 'v09-cancelled')

    await open(zhang, event(eventId), '#event-detail[data-choice="offered"]')
    assert.match(await zhang.locator('#offer-countdown').innerText(), /还剩 [34] 小时/)
    await shot(zhang, 'v10-offered')
    await zhang.locator('#accept-offer-button').click()
    await zhang.locator('#event-detail[data-choice="confirmed"]').waitFor()
    await shot(zhang, 'v11-offer-taken')
  })

  it('at the event she checks in and out with the code on the organiser\'s screen', async () => {
    // The form's default: tomorrow 09:00–11:00, i.e. base + 25 h … + 27 h. A quarter hour before the start:
    await setTime(base + 24.75 * HOUR)
    await open(organizer, code(eventId), '[data-qr-text]')
    await shot(organizer, 'v12-checkin-code')
    const first = (await organizer.locator('[data-qr-text]').first().getAttribute('data-qr-text'))!
    assert.match(first, /^WMV1\./)

    await open(zhang, event(eventId), '#attendance[data-mode="in"]')
    await zhang.locator('#checkin-code-input input, input#checkin-code-input').first().fill(first)
    await zhang.locator('#checkin-code-submit').click()
    await zhang.locator('#attendance[data-mode="out"]').waitFor()
    assert.match(await zhang.locator('#checkin-time').innerText(), /08:45（扫码）/)
    await shot(zhang, 'v13-checked-in')

    // Five minutes after the end: the code of the start is long stale; the one on screen now checks her out.
    await setTime(base + 27.08 * HOUR)
    await open(organizer, code(eventId), '[data-qr-text]')
    const second = (await organizer.locator('[data-qr-text]').first().getAttribute('data-qr-text'))!
    assert.notEqual(second, first)
    await open(zhang, event(eventId), '#attendance[data-mode="out"]')
    await zhang.locator('#checkin-code-input input, input#checkin-code-input').first().fill(first)
    await zhang.locator('#checkin-code-submit').click()
    await zhang.locator('#checkin-code-error, #attendance-error').first().waitFor()
    assert.match(await zhang.locator('#checkin-code-error, #attendance-error').first().innerText(), /过期/)
    await zhang.locator('#checkin-code-input input, input#checkin-code-input').first().fill(second)
    await zhang.locator('#checkin-code-submit').click()
    await zhang.locator('#checkout-time').waitFor()
    assert.match(await zhang.locator('#attendance-hours').innerText(), /2\s*小时/)
    assert.match(await zhang.locator('#attendance-hours').innerText(), /待.*确认/)
    await shot(zhang, 'v14-checked-out')
  })

  it('王组织 confirms her hours on the roster', async () => {
    await open(organizer, roster(eventId), '[data-entry="u-citizen"]')
    await shot(organizer, 'v15-roster')
    await organizer.locator('[data-tab="attendance"]').click().catch(() => undefined)
    await organizer.locator('#confirm-hours-u-citizen').click()
    await organizer.locator('#hours-submit-u-citizen').click()
    await organizer.locator('#adjustments-u-citizen, [data-entry="u-citizen"]:has-text("已确认")').first().waitFor()
    await shot(organizer, 'v16-roster-confirmed')
  })

  it('张阿姨 sees her hours and star progress, asks for a certificate, and its code verifies publicly', async () => {
    await open(zhang, MINE, '#mine-total')
    assert.match(await zhang.locator('#mine-total').innerText(), /2/)
    assert.match(await zhang.locator('#mine-next').innerText(), /98/)
    await shot(zhang, 'v17-mine-hours')
    await zhang.locator('#request-certificate').click()
    await confirmModal(zhang)
    await settled(zhang, '#certificate')
    const number = (await zhang.locator('#cert-number').innerText()).match(/ZZ\d{4}-\d{6}/)![0]
    const check = (await zhang.locator('#cert-check-code').innerText()).match(/[0-9A-Z]{6}/)![0]
    assert.match(await zhang.locator('#cert-name').innerText(), /张桂兰/)
    assert.match(await zhang.locator('#cert-verify').innerText(), new RegExp(gw.url.replace(/\/$/, '')))
    await shot(zhang, 'v18-certificate')
    await zhang.locator('#cert-verify').scrollIntoViewIfNeeded()
    await shot(zhang, 'v19-certificate-qr')

    // A stranger's phone, no app, no account: the address the QR code carries.
    const stranger = await browser.newPage({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN' })
    await stranger.goto(`${gw.url}v/${number}?c=${check}`)
    assert.match(await stranger.locator('body').innerText(), /证明真实有效/)
    assert.match(await stranger.locator('body').innerText(), /张桂兰/)
    await stranger.screenshot({ path: join(process.env.E2E_SHOTS ?? join(__dirname, 'screenshots'), 'v20-verify-public.png') })
    await stranger.goto(`${gw.url}v/${number}?c=AAAAAA`)
    assert.match(await stranger.locator('body').innerText(), /未能核验/)
    await stranger.close()

    // The same check inside the app, signed out.
    const visitor = await browser.newPage({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN' })
    await visitor.goto(`${gw.url}#/packages/volunteer/verify/index?number=${number}&code=${check}`)
    await settled(visitor, '#verify-valid')
    await shot(visitor, 'v21-verify-in-app')
    await visitor.close()
    assert.deepEqual(errors, [])
  })

  it('王组织\'s yearly report counts the event', async () => {
    await open(organizer, '#/packages/volunteer/report/index', '#org-report')
    await shot(organizer, 'v22-org-report')
    assert.match(await organizer.locator('#training-rule').innerText(), /培训/)
  })
})
