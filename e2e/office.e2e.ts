import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { createGridIndex, distanceMeters, ringCentroid } from '../core/routing'
import { ticketNumber } from '../core/tickets/number'
import type { GcjPoint } from '../core/types'
import type { DispatchOptionView, TicketDetailView, TicketView } from '../core/views'
import { devLogin, devToken, launchBrowser, phonePage, settled, shot, startGateway, type Gateway } from './harness'

/**
 * The office at work, in the browser against the local gateway: merge a duplicate into a picked candidate (and see
 * the warning for a far one), dispatch by the suggestion from the ticket's place, 督办 an overdue ticket (its
 * handler sees the message), bulk dispatch at a desk. Screenshots at phone size (375×667) and at a desk (1280×800).
 */

async function api<T> (base: string, fn: string, body: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${base}api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  const r = await res.json() as { ok: boolean; data: T; error?: { message: string } }
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

const east = (p: GcjPoint, m: number): GcjPoint => ({ lng: p.lng + m / (111_320 * Math.cos((p.lat * Math.PI) / 180)), lat: p.lat })
async function waitState (page: Page, state: string): Promise<void> {
  await page.waitForFunction((s) => document.querySelector('#ticket-detail')?.getAttribute('data-state') === s, state, { timeout: 15_000 })
}
const modalButton = (page: Page, label: string) => page.locator('.taro__modal .taro-model__btn:visible', { hasText: label })

/** Taro's H5 modal fades in and out: wait until it is wholly there (or gone) before a screenshot. */
async function modalShown (page: Page, title: string): Promise<void> {
  await page.locator('.taro__modal .taro-modal__title:visible', { hasText: title }).waitFor()
  await page.waitForFunction((t) => {
    const el = Array.from(document.querySelectorAll('.taro__modal .taro-modal__title')).find((x) => x.textContent?.includes(t))
    for (let e: Element | null = el ?? null; e; e = e.parentElement) if (getComputedStyle(e).opacity !== '1') return false
    return !!el
  }, title)
}
async function modalGone (page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__modal')).every((m) => getComputedStyle(m).display === 'none' || (m as HTMLElement).offsetParent === null))
}

async function openTicket (page: Page, base: string, id: string): Promise<void> {
  await page.goto(`${base}#/packages/ticket/detail/index?id=${id}`)
  await settled(page, '#ticket-detail')
}

describe('the office: merge, dispatch, 督办 and bulk steps, on a phone and at a desk', () => {
  let gw: Gateway
  let browser: Browser
  let citizen: string
  let resident: string
  let admin: string
  /** A point in the seeded city, a point just outside every grid, a point kilometres away. */
  let here: GcjPoint
  let outside: GcjPoint
  let far: GcjPoint
  let n = 0

  const report = async (token: string, o: { categoryId: string; location: GcjPoint; description: string; address?: string }): Promise<TicketView> =>
    (await api<{ ticket: TicketView }>(gw.url, 'reports', { action: 'submit', clientRequestId: `req-office-e2e-${++n}-xyz`, address: '', ...o }, token)).ticket

  before(async () => {
    gw = await startGateway()
    browser = await launchBrowser()
    citizen = await devToken(gw.url, 'u-citizen')
    resident = await devToken(gw.url, 'u-volunteer')
    admin = await devToken(gw.url, 'u-admin')
    const { grids } = await api<{ grids: Array<{ id: string; code: string; polygon: Array<[number, number]> }> }>(gw.url, 'reports', { action: 'gridMap' })
    here = ringCentroid(grids.find((g) => g.id === 'grid-002')!.polygon)!
    far = ringCentroid(grids.find((g) => distanceMeters(here, ringCentroid(g.polygon)!) > 3_000)!.polygon)!
    // Walk east from the district's east edge until the point is in no grid.
    const index = createGridIndex(grids)
    const maxLng = Math.max(...grids.flatMap((g) => g.polygon.map((p) => p[0])))
    outside = { lng: maxLng + 0.002, lat: 28.15 }
    assert.equal(index.locate(outside).kind, 'none')
  })
  after(async () => {
    await browser?.close()
    await gw?.stop()
  })

  it('merges a duplicate into a candidate picked from the nearby list, after warning about a far one', async () => {
    const original = await report(citizen, { categoryId: 'cat-E01-01', location: here, description: '人行道边堆了好几袋生活垃圾，有异味', address: '芙蓉中路三段 公交站北侧' })
    const farOne = await report(citizen, { categoryId: 'cat-E02-01', location: far, description: '电线杆上贴满了小广告', address: '另一个街道' })
    const duplicate = await report(resident, { categoryId: 'cat-E01-01', location: east(here, 40), description: '公交站旁边的垃圾好几天没人收', address: '芙蓉中路 公交站' })

    const { page, errors } = await deskPage(browser)
    await devLogin(page, gw.url, 'u-admin')
    await openTicket(page, gw.url, duplicate.id)
    assert.equal(await page.locator('#ticket-number').innerText(), `编号 ${ticketNumber(duplicate)}`)
    assert.doesNotMatch(await page.locator('#ticket-detail').innerText(), /GCJ-02|坐标|必填）/)
    await shot(page, 'office-desk-02-ticket-detail')

    await page.locator('#ticket-actions .tk-btn', { hasText: '合并重复' }).click()
    await page.locator(`#merge-nearby [data-candidate="${original.id}"]`).waitFor()
    assert.match(await page.locator(`#merge-nearby [data-candidate="${original.id}"]`).innerText(), new RegExp(ticketNumber(original)))

    // The far one, found by its number: the picker says how the two differ, and the confirm says it again.
    await page.locator('.merge-number input').fill(ticketNumber(farOne).toLowerCase())
    await page.locator('.tk-btn-search').click()
    await page.locator(`#merge-found [data-candidate="${farOne.id}"]`).waitFor()
    const warns = await page.locator('#merge-found .tk-warn').allInnerTexts()
    assert.equal(warns.length, 2)
    assert.match(warns[0], /类别不同/)
    assert.match(warns[1], /地点相距 \d+\.\d 公里/)
    await page.locator('#merge-submit').click()
    await modalShown(page, '这两件可能不是同一问题')
    assert.match(await page.locator('.taro__modal .taro-modal__text:visible').innerText(), /类别不同.*地点相距/)
    await shot(page, 'office-desk-03b-merge-warning')
    await modalButton(page, '再看看').click()
    await modalGone(page)

    await page.locator(`#merge-nearby [data-candidate="${original.id}"]`).click()
    await shot(page, 'office-desk-03-merge-picker')
    await page.locator('#merge-submit').click()
    await modalButton(page, '合并').click()
    await waitState(page, 'closed')
    assert.match(await page.locator('#ticket-detail').innerText(), /已合并到原案卷/)
    const after = await api<TicketDetailView>(gw.url, 'tickets', { action: 'get', id: duplicate.id }, admin)
    assert.equal(after.ticket.mergedInto, original.id)
    assert.deepEqual(errors, [])

    // The same picker on a phone.
    const again = await report(resident, { categoryId: 'cat-E01-01', location: east(here, 20), description: '垃圾还在，没人清理', address: '芙蓉中路' })
    const phone = await phonePage(browser)
    await devLogin(phone.page, gw.url, 'u-admin')
    await openTicket(phone.page, gw.url, again.id)
    await shot(phone.page, 'office-phone-02-ticket-detail')
    await phone.page.locator('#ticket-actions .tk-btn', { hasText: '合并重复' }).click()
    await phone.page.locator(`#merge-nearby [data-candidate="${original.id}"]`).click()
    await shot(phone.page, 'office-phone-03-merge-picker')
    assert.deepEqual(phone.errors, [])
  })

  it('dispatches a report from outside every grid to the suggested nearest manager', async () => {
    const t = await report(citizen, { categoryId: 'cat-E02-01', location: outside, description: '区界外侧的护栏上挂满了广告横幅', address: '浏阳河东岸 护栏' })
    assert.equal(t.state, 'triage')
    const options = await api<DispatchOptionView[]>(gw.url, 'tickets', { action: 'dispatchOptions', id: t.id }, admin)

    const { page, errors } = await deskPage(browser)
    await devLogin(page, gw.url, 'u-admin')
    await openTicket(page, gw.url, t.id)
    await page.locator('#dispatch-options .tk-option').first().waitFor()
    const first = page.locator('#dispatch-options .tk-option').first()
    assert.equal(await first.getAttribute('data-manager'), options[0].managerId)
    assert.match(await first.innerText(), /离案卷 (约 )?[\d.]+ (米|公里)/)
    await first.click()
    assert.match(await page.locator('#dispatch-picker').innerText(), new RegExp(`派遣给：${options[0].nickname}`))
    await shot(page, 'office-desk-04-dispatch-suggested')
    await page.locator('#ticket-actions .tk-btn', { hasText: '派遣' }).click()
    await waitState(page, 'dispatched')
    const sent = await api<TicketDetailView>(gw.url, 'tickets', { action: 'get', id: t.id }, admin)
    assert.equal(sent.ticket.assigneeId, options[0].managerId)
    assert.equal(sent.ticket.gridId, options[0].gridId)
    assert.deepEqual(errors, [])
  })

  it('督办 an overdue ticket from the 已超期 queue; the handler sees the message', async () => {
    const overdue = await api<{ items: TicketView[] }>(gw.url, 'tickets', { action: 'overdue', limit: 100 }, admin)
    const target = overdue.items.find((t) => t.mayUrge && t.assigneeId === 'u-grid')
    assert.ok(target, 'the seed has an overdue ticket of 赵网格 to urge')

    const { page, errors } = await deskPage(browser)
    await devLogin(page, gw.url, 'u-admin')
    await page.goto(`${gw.url}#/packages/admin/triage/index`)
    await settled(page, '#ticket-table [data-row]')
    await shot(page, 'office-desk-01-triage')
    await page.locator('[data-queue="overdue"]').click()
    await page.locator(`#ticket-table [data-row="${target.id}"]`).waitFor()
    assert.match(await page.locator('#overdue-figures').innerText(), /已超期 \d+ 件 · 已督办 0 件/)
    await shot(page, 'office-desk-05-overdue')
    await page.locator(`#ticket-table [data-row="${target.id}"] [data-urge]`).click()
    await modalButton(page, '督办').click()
    await page.locator('#bulk-result', { hasText: '已督办 1 件' }).waitFor()
    await modalGone(page)
    assert.match(await page.locator(`#ticket-table [data-row="${target.id}"] .tr-urged`).innerText(), /已督办 1 次/)
    assert.match(await page.locator('#overdue-figures').innerText(), /已督办 1 件（共 1 次）/)
    assert.deepEqual(errors, [])

    const phone = await phonePage(browser)
    await devLogin(phone.page, gw.url, 'u-admin')
    await phone.page.goto(`${gw.url}#/packages/admin/triage/index`)
    await settled(phone.page, '#triage-list [data-ticket]')
    await shot(phone.page, 'office-phone-01-triage')
    await phone.page.locator('[data-queue="overdue"]').click()
    await phone.page.locator(`#triage-list [data-ticket="${target.id}"]`).waitFor()
    await shot(phone.page, 'office-phone-05-overdue')

    // 赵网格 hears of it in 消息, and the ticket's timeline says who urged.
    const gm = await phonePage(browser)
    await devLogin(gm.page, gw.url, 'u-grid')
    await gm.page.goto(`${gw.url}#/packages/citizen/messages/index`)
    await gm.page.getByText('文明办督办').first().waitFor()
    assert.match(await gm.page.getByText(ticketNumber(target)).first().innerText(), /已超过处理时限/)
    await shot(gm.page, 'office-phone-06-handler-urged')
    await openTicket(gm.page, gw.url, target.id)
    assert.match(await gm.page.locator('#timeline').innerText(), /文明办督办/)
    assert.deepEqual([...phone.errors, ...gm.errors], [])
  })

  it('a resident sending a fix back is asked what is still wrong first, in plain words, then it is sent', async () => {
    const mine = await api<{ items: TicketView[] }>(gw.url, 'reports', { action: 'mine', limit: 50 }, citizen)
    const resolved = mine.items.find((t) => t.state === 'resolved')
    assert.ok(resolved, 'the seed has a resolved report of 张阿姨')
    const { page, errors } = await phonePage(browser)
    await devLogin(page, gw.url, 'u-citizen')
    await openTicket(page, gw.url, resolved.id)
    const shown = await page.locator('#ticket-detail').innerText()
    assert.doesNotMatch(shown, /GCJ-02|坐标|经度|纬度|必填）/)
    assert.match(shown, new RegExp(`编号 ${ticketNumber(resolved)}`))
    await page.locator('[data-rating="unsatisfied"]').click()
    await page.locator('#ticket-actions .tk-btn', { hasText: '未解决，返工' }).click()
    await page.locator('.act-prompt[data-prompt="rejectFix"]').waitFor()
    assert.equal(await page.locator('.act-prompt .act-title').innerText(), '哪里还没有解决？')
    await page.locator('.act-prompt textarea').fill('垃圾清走了，但地上的污水还在')
    await shot(page, 'office-phone-07-resident-rework-asks')
    await page.locator('#prompt-submit').click()
    await waitState(page, 'rework')
    assert.match(await page.locator('#timeline').innerText(), /地上的污水还在/)
    assert.deepEqual(errors, [])
  })

  it('bulk dispatch at a desk: tick two reports, pick a manager, both go to them', async () => {
    const a = await report(citizen, { categoryId: 'cat-E02-01', location: east(outside, 30), description: '区界外护栏上的小广告（一）', address: '浏阳河东岸' })
    const b = await report(citizen, { categoryId: 'cat-E02-01', location: east(outside, 60), description: '区界外护栏上的小广告（二）', address: '浏阳河东岸' })
    const { page, errors } = await deskPage(browser)
    await devLogin(page, gw.url, 'u-admin')
    await page.goto(`${gw.url}#/packages/admin/triage/index`)
    await settled(page, `#ticket-table [data-row="${a.id}"]`)
    await page.locator('#triage-search input').fill('区界外护栏')
    await page.waitForFunction(() => document.querySelectorAll('#ticket-table [data-row]').length === 2)
    await page.locator(`#ticket-table [data-row="${a.id}"] .tt-check`).click()
    await page.locator(`#ticket-table [data-row="${b.id}"] .tt-check`).click()
    await page.locator('#bulk-dispatch').waitFor()
    await shot(page, 'office-desk-06a-bulk-selected')
    await page.locator('#bulk-dispatch').click()
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click()
    await modalShown(page, '把 2 件派遣给')
    await modalButton(page, '派遣').click()
    await page.locator('#bulk-result', { hasText: ' 2 件' }).waitFor()
    await modalGone(page)
    await shot(page, 'office-desk-06-bulk-dispatched')
    const sent = await Promise.all([a, b].map(async (t) => (await api<TicketDetailView>(gw.url, 'tickets', { action: 'get', id: t.id }, admin)).ticket))
    assert.deepEqual(sent.map((t) => t.state), ['dispatched', 'dispatched'])
    assert.equal(sent[0].assigneeId, sent[1].assigneeId)
    assert.ok(sent[0].assigneeId)
    assert.deepEqual(errors, [])
  })
})
