import { newSignup } from '../core/volunteer/seats'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { createSqliteStore } from '../server/adapters/sqlite'
import { devLogin, launchBrowser, phonePage, settled, shot, startGateway, type Gateway } from './harness'

const EVENTS = '#/packages/volunteer/events/index'
const SURVEY = '#/packages/citizen/survey/index'
const MESSAGES = '#/packages/citizen/messages/index'

/** Scroll an element of the current page to the middle of the phone's screen, then take the shot. */
async function shotAt (page: Page, selector: string, name: string): Promise<void> {
  await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await shot(page, name)
}

async function open (page: Page, base: string, hash: string, ready: string): Promise<void> {
  await page.goto(`${base}${hash}`)
  await settled(page, ready)
}

/** Taro's H5 toast and modal fade in and out: wait until the toast is gone and the modal fully shown. */
async function toastGone (page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const t = document.querySelector<HTMLElement>('.taro__toast')
    return !t || getComputedStyle(t).display === 'none' || getComputedStyle(t).opacity === '0'
  })
}
async function modalShown (page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const m = document.querySelector<HTMLElement>('.taro__modal')
    return !!m && getComputedStyle(m).display !== 'none' && getComputedStyle(m).opacity === '1'
  })
}

const choices = (page: Page) => page.locator('#event-list .event').evaluateAll((cards) =>
  Object.fromEntries(cards.map((c) => [c.querySelector('.event-title')?.textContent ?? '', c.getAttribute('data-choice')])))

const standings = (page: Page) => page.locator('#headline .rate').evaluateAll((rates) => Object.fromEntries(rates.map((r) => [
  r.querySelector('.rate-label')?.textContent ?? '',
  { standing: r.getAttribute('data-standing'), value: r.querySelector('.rate-value')?.textContent, color: getComputedStyle(r.querySelector('.rate-value')!).color }
])))

describe('the resident\'s screens: 首页, volunteer events, the survey and 消息, as a resident, a volunteer and an organizer', () => {
  let gw: Gateway
  let browser: Browser
  let fullEventTitle: string

  before(async () => {
    gw = await startGateway()
    browser = await launchBrowser()
    // Fill the seeded training without a waitlist, as thirty signups would (read and written beside the gateway).
    const store = createSqliteStore({ file: join(gw.dataDir, 'wenming.sqlite') })
    const events = (await store.listEvents({ limit: 50 })).items
    const noWaitlist = events.find((e) => !e.waitlistEnabled && Date.parse(e.startAt) > Date.now())!
    fullEventTitle = noWaitlist.title
    for (let i = noWaitlist.taken; i < noWaitlist.capacity; i++) {
      await store.takeSeat(newSignup(noWaitlist.id, `u-resident-${String(i + 1).padStart(3, '0')}`, new Date().toISOString()))
    }
    await store.close()
  })
  after(async () => {
    await browser?.close()
    await gw?.stop()
  })

  it('a resident: 首页 colours each rate by its target and direction; 志愿服务 explains that signing up needs a volunteer registration', async () => {
    const { page, errors } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-citizen')
    await page.goto(gw.url)
    await settled(page, '#headline')
    await shot(page, 'r01-home')
    const s = await standings(page)
    assert.equal(s['知晓率'].standing, 'met')
    assert.equal(s['满意率'].standing, 'missed')
    // 返工率 has no target and lower is better: never drawn as if it met one.
    assert.equal(s['返工率'].standing, 'none')
    assert.notEqual(s['返工率'].color, s['知晓率'].color)
    assert.match(await page.locator('#headline .rate', { hasText: '返工率' }).innerText(), /越低越好/)
    assert.equal(s['参与率'].standing, 'none')
    assert.match(s['参与率'].value ?? '', /^万分之\d+\.\d$/)
    assert.match(await page.locator('#headline .rate', { hasText: '参与率' }).innerText(), /已参与 \d+ 人[\s\S]*常住人口 \d+(\.\d)?万/)
    assert.match(await page.locator('#headline .rate', { hasText: '知晓率' }).innerText(), /样本 \d+/)
    await shotAt(page, '#headline .rate:has-text("参与率")', 'r02-home-participation')
    await shotAt(page, '#headline .rate:has-text("返工率")', 'r03-home-tickets')

    await page.evaluate(() => document.querySelector('.shortcuts')?.scrollIntoView())
    await page.locator('.shortcut', { hasText: '志愿服务' }).click()
    await settled(page, '#event-list .event')
    assert.match(await page.locator('#events-register-note').innerText(), /报名活动需要先注册成为志愿者/)
    const seen = await choices(page)
    assert.ok(Object.keys(seen).length >= 4)
    assert.equal(seen[fullEventTitle], 'full')
    assert.deepEqual(new Set(Object.values(seen)), new Set(['register', 'full']))
    assert.equal(await page.locator('#event-list .ev-btn-go, #event-list .ev-btn-wait').count(), 0)
    await shot(page, 'r04-events-resident')
    await shotAt(page, `#event-list .event:has-text("${fullEventTitle}")`, 'r05-events-resident-full')
    assert.equal(await page.locator(`#event-list .event:has-text("${fullEventTitle}") .ev-btn`).innerText(), '已满')

    // Her own reports (seeded in every state), then the tab of those she follows.
    await open(page, gw.url, '#/packages/citizen/my-reports/index', '#my-report-list .ticket-card')
    await shot(page, 'r07-my-reports')
    await page.locator('[data-tab="followed"]').click()
    await page.locator('#my-reports-empty, #my-report-list .ticket-card').first().waitFor()
    await shot(page, 'r08-my-reports-followed')
    assert.deepEqual(errors, [])
  })

  it('a volunteer signs up and cancels; a full event without a waitlist says 已满 and cannot be tapped into a toast', async () => {
    const { page, errors } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-volunteer')
    await open(page, gw.url, EVENTS, '#event-list .event')
    assert.equal(await page.locator('#events-register-note').count(), 0)
    const seen = await choices(page)
    assert.equal(seen[fullEventTitle], 'full')
    await shot(page, 'r10-events-volunteer')

    const full = page.locator(`#event-list .event:has-text("${fullEventTitle}")`)
    assert.equal(await full.locator('.ev-btn').getAttribute('aria-disabled'), 'true')
    await full.locator('.ev-btn').click({ force: true })
    assert.equal(await page.locator('.taro__toast:visible').count(), 0)
    await shotAt(page, `#event-list .event:has-text("${fullEventTitle}")`, 'r11-events-volunteer-full')

    const card = page.locator('#event-list .event[data-choice="signup"]').first()
    const id = await card.getAttribute('data-event')
    const mine = page.locator(`#event-list .event[data-event="${id}"]`)
    await mine.locator('.ev-btn-go').click()
    await page.waitForFunction((eid) => document.querySelector(`[data-event="${eid}"]`)?.getAttribute('data-choice') === 'confirmed', id)
    assert.match(await mine.innerText(), /已报名[\s\S]*取消截止[\s\S]*取消报名/)
    await toastGone(page)
    await shotAt(page, `#event-list .event[data-event="${id}"]`, 'r12-events-signed-up')

    await toastGone(page)
    await mine.locator('.ev-btn-plain').click()
    await modalShown(page)
    assert.match(await page.locator('.taro-modal__content').innerText(), /取消报名？/)
    await shot(page, 'r13-events-cancel-confirm')
    await page.locator('.taro-model__confirm').click()
    await page.waitForFunction((eid) => document.querySelector(`[data-event="${eid}"]`)?.getAttribute('data-choice') === 'signup', id)
    assert.equal(await mine.locator('.ev-btn-go').innerText(), '报名')
    await toastGone(page)
    await shotAt(page, `#event-list .event[data-event="${id}"]`, 'r14-events-cancelled')
    assert.deepEqual(errors, [])
  })

  it('a volunteer answers the survey: an empty submit marks each question in place, then a full answer with the text question goes through', async () => {
    const { page, errors } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-volunteer')
    await open(page, gw.url, SURVEY, '[data-question]')
    const ids = await page.locator('[data-question]').evaluateAll((qs) => qs.map((q) => q.getAttribute('data-question')))
    assert.ok(ids.includes('q7'), 'the text question is shown')
    assert.equal(await page.locator('[data-question="q7"] textarea').count(), 1)
    const multiTitle = await page.locator('[data-question="q5"] .q-title').innerText()
    assert.equal(multiTitle.split('（可多选）').length - 1, 1)
    await shot(page, 'r20-survey')

    await page.locator('.survey-submit').click()
    await page.locator('#survey-missing').waitFor()
    const marked = await page.locator('.question-missing').evaluateAll((qs) => qs.map((q) => q.getAttribute('data-question')))
    assert.deepEqual(marked, ids.filter((q) => q !== 'q7'))
    // Scrolled to the first unanswered question.
    await page.waitForFunction(() => {
      const r = document.querySelector('[data-question="q1"]')!.getBoundingClientRect()
      return r.top >= -1 && r.top < window.innerHeight / 2
    })
    await shot(page, 'r21-survey-empty-submit')
    await shotAt(page, '.submit-bar', 'r22-survey-empty-submit-bottom')

    for (const q of ids) {
      if (q === 'q7') continue
      await page.locator(`[data-question="${q}"] [data-option="0"]`).click()
      if (q === 'q5') await page.locator(`[data-question="${q}"] [data-option="2"]`).click()
    }
    assert.equal(await page.locator('.question-missing').count(), 0)
    await page.locator('[data-question="q7"] textarea').fill('希望老小区的路灯多检查')
    await shotAt(page, '[data-question="q7"]', 'r23-survey-filled')
    await page.locator('.survey-submit').click()
    await page.locator('#survey-done').waitFor()
    await page.evaluate(() => document.querySelector('#survey-done')?.scrollIntoView({ block: 'center' }))
    await shot(page, 'r24-survey-done')

    const store = createSqliteStore({ file: join(gw.dataDir, 'wenming.sqlite') })
    const mine = (await store.listResponses({ surveyId: 'sv-2026-civility', userId: 'u-volunteer', limit: 5 })).items
    await store.close()
    assert.equal(mine.length, 1)
    assert.equal(mine[0].answers.q7, '希望老小区的路灯多检查')
    assert.deepEqual(mine[0].answers.q5, [0, 2])
    assert.deepEqual(errors, [])
  })

  it('an organizer sees their events without a 报名 button, and an empty 消息 that says what will appear there', async () => {
    const { page, errors } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-organizer')
    await open(page, gw.url, EVENTS, '#event-list .event')
    const seen = await choices(page)
    assert.deepEqual(new Set(Object.values(seen)), new Set(['organizing']))
    assert.equal(await page.locator('#event-list .ev-btn').count(), 0)
    assert.match(await page.locator('#event-list .event').first().innerText(), /我组织的/)
    await shot(page, 'r30-events-organizer')
    await shotAt(page, `#event-list .event:has-text("${fullEventTitle}")`, 'r31-events-organizer-full')

    await open(page, gw.url, MESSAGES, '#messages-empty')
    assert.match(await page.locator('#messages-empty').innerText(), /还没有消息[\s\S]*会在这里通知你/)
    await shot(page, 'r32-messages-empty')
    assert.deepEqual(errors, [])
  })
})
