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
})
