import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { createSqliteStore } from '../server/adapters/sqlite'
import { devLogin, launchBrowser, phonePage, settled, shot, startGateway, type Gateway } from './harness'

describe('foundation: the app runs in a browser against the local gateway', () => {
  let gw: Gateway
  let browser: Browser

  before(async () => {
    gw = await startGateway()
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await gw?.stop()
  })

  it('a citizen opens the app, sees the home indicators, signs in and sees the citizen role on 我的', async () => {
    const { page, errors } = await phonePage(browser)
    await page.goto(gw.url)
    await page.locator('#headline').waitFor({ timeout: 30_000 })
    const headline = await page.locator('#headline').innerText()
    assert.match(headline, /知晓率/)
    assert.match(headline, /结案率/)
    assert.match(headline, /样本 \d+/)
    assert.match(headline, /\d+\.\d%/)
    await shot(page, '01-home')

    await devLogin(page, gw.url, 'u-citizen')
    assert.equal(await page.locator('#me-name').innerText(), '张阿姨')
    const roles = await page.locator('#me-roles .tag').allInnerTexts()
    assert.deepEqual(roles, ['居民'])
    await shot(page, '02-me-citizen')
    assert.deepEqual(errors, [])
  })

  it('a grid manager signs in and sees the inbox with the seeded tickets of their own grids only', async () => {
    const { page, errors } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-grid')
    assert.ok((await page.locator('#me-roles .tag').allInnerTexts()).includes('网格员'))
    await page.locator('.cell', { hasText: '网格待办' }).click()
    await settled(page, '#inbox-list .ticket-card')
    const shown = await page.locator('#inbox-list .ticket-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-ticket')))
    await shot(page, '03-grid-inbox')

    // What the store holds for this manager, read beside the gateway (WAL allows a second reader).
    const store = createSqliteStore({ file: join(gw.dataDir, 'wenming.sqlite') })
    const manager = await store.getUser('u-grid')
    const expected = await store.listTickets({ gridIds: manager!.gridIds, states: ['dispatched', 'accepted', 'rework', 'resolved'], limit: 100 })
    await store.close()
    assert.ok(shown.length > 0)
    assert.deepEqual([...shown].sort(), expected.items.map((t) => t.id).sort())
    assert.deepEqual(errors, [])
  })

  it('a visitor opening a page by its address meets 请先登录, signs in on 我的 and lands back on that page', async () => {
    const { page, errors } = await phonePage(browser)
    await page.goto(`${gw.url}#/packages/grid/inbox/index`)
    await settled(page, '#sign-in-prompt')
    assert.equal(await page.locator('#sign-in-prompt .status-title').innerText(), '请先登录')
    assert.equal(await page.locator('#sign-in-go').innerText(), '去登录')
    assert.equal(await page.locator('#sign-in-back').innerText(), '返回')
    assert.equal(await page.locator('#sign-in-prompt').getByText('重试').count(), 0)
    // An enabled button looks enabled: no disabled attribute, white on the dark green (5.7:1).
    const look = await page.locator('#sign-in-go').evaluate((b) => ({ disabled: b.hasAttribute('disabled'), color: getComputedStyle(b).color, bg: getComputedStyle(b).backgroundColor }))
    assert.deepEqual(look, { disabled: false, color: 'rgb(255, 255, 255)', bg: 'rgb(6, 119, 59)' })
    await shot(page, '04-sign-in-prompt')

    await page.locator('#sign-in-go').click()
    await page.locator('.demo-user[data-user="u-grid"]').click()
    await settled(page, '#inbox-list .ticket-card')
    assert.match(await page.locator('#taro-navigation-bar .taro-navigation-bar-title').innerText(), /网格待办/)
    assert.deepEqual(errors, [])
  })

  it('a page below the tabs has WeChat\'s navigation bar: its title and a back button that goes back', async () => {
    const { page, errors } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-citizen')
    const bar = page.locator('#taro-navigation-bar')
    assert.equal(await bar.locator('.taro-navigation-bar-title').innerText(), '我的')
    await page.locator('#me-areas .cell', { hasText: '我的随手拍' }).click()
    await settled(page, '.ticket-card')
    assert.equal(await bar.locator('.taro-navigation-bar-title').innerText(), '我的随手拍')
    const back = bar.locator('.taro-navigation-bar-back')
    assert.ok(await back.isVisible())
    assert.equal(await back.getAttribute('aria-label'), '返回')
    await shot(page, '05-nav-bar-back')
    await back.click()
    await settled(page, '#me-areas')
    assert.equal(await bar.locator('.taro-navigation-bar-title').innerText(), '我的')

    // Opened by its address there is nothing to go back to: the bar offers home instead.
    await page.goto('about:blank')
    await page.goto(`${gw.url}#/packages/citizen/my-reports/index`)
    await settled(page, '.ticket-card')
    const home = bar.locator('.taro-navigation-bar-home')
    assert.ok(await home.isVisible())
    assert.equal(await home.getAttribute('aria-label'), '回到首页')
    await home.click()
    await page.locator('#headline').waitFor()
    assert.deepEqual(errors, [])
  })

  it('an unknown address shows 页面不存在 with the way home, not the page before', async () => {
    const { page, errors } = await phonePage(browser)
    await page.goto(`${gw.url}#/pages/no-such-page/index`)
    await settled(page, '#not-found')
    assert.match(await page.locator('#not-found').innerText(), /页面不存在/)
    await shot(page, '06-not-found')
    await page.locator('#not-found-home').click()
    await page.locator('#headline').waitFor()
    assert.deepEqual(errors, [])
  })

  it('large text: 特大 on 我的 makes text 1.5×, still fits the phone, and is remembered after a reload', async () => {
    const { page, errors } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-citizen')
    const sizes = () => page.evaluate(() => ({
      title: parseFloat(getComputedStyle(document.querySelector('#me-areas .cell-title')!).fontSize),
      desc: parseFloat(getComputedStyle(document.querySelector('#me-areas .cell-desc')!).fontSize),
      wide: Math.max(...Array.from(document.querySelectorAll('.taro_page_show *')).map((e) => e.getBoundingClientRect().right))
    }))
    const standard = await sizes()
    assert.ok(standard.desc >= 14, `secondary text is ${standard.desc} px`)
    await page.locator('.text-size-option[data-scale="1.5"]').click()
    const large = await sizes()
    assert.equal(large.title, standard.title * 1.5)
    assert.ok(large.desc >= 16, `large-mode secondary text is ${large.desc} px`)
    assert.ok(large.wide <= 375, `something sticks out to ${large.wide} px`)
    await page.locator('#me-areas').evaluate((el) => el.scrollIntoView())
    await shot(page, '07-me-large-text')
    await page.reload()
    await settled(page, '#me-areas .cell-title')
    assert.equal((await sizes()).title, large.title)
    assert.equal(await page.locator('.text-size-option[data-scale="1.5"]').getAttribute('aria-checked'), 'true')
    assert.deepEqual(errors, [])
  })

  it('退出登录 clears the report draft: the next person on the phone starts from an empty form', async () => {
    const { page, errors } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-citizen')
    await page.goto(`${gw.url}#/pages/report/index`)
    await settled(page, '.desc textarea')
    await page.locator('.desc textarea').fill('楼下垃圾桶满了没人收')
    await page.goto(`${gw.url}#/pages/me/index`)
    await settled(page, '#me-logout')
    await page.locator('#me-logout').click()
    await page.locator('#me-name', { hasText: '未登录' }).waitFor()
    const stored = await page.evaluate(() => localStorage.getItem('wm.reportDraft') ?? '')
    assert.doesNotMatch(stored, /垃圾桶/)
    await page.goto(`${gw.url}#/pages/report/index`)
    await settled(page, '.desc textarea')
    assert.equal(await page.locator('.desc textarea').inputValue(), '')
    assert.deepEqual(errors, [])
  })
})
