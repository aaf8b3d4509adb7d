import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import type { EventView } from '../../../../core/views'
import { until } from '../../../testing/fake-transport'
import { sent, usePageTest } from '../../../testing/page-test'
import { eventOf as event, signupOf } from './testing/fixtures'
import Events from './index'

const { testUtils, setConfirm, tap, serve, open, dialogs } = usePageTest(Events)

const card = (id: string) => document.querySelector(`[data-event="${id}"]`)!
const buttonsOf = (id: string) => Array.from(card(id).querySelectorAll('.ev-btn')).map((b) => b.textContent)

async function mountWith (items: EventView[], canSignUp: boolean) {
  const fake = serve({ 'volunteer.events': () => ({ ok: true, data: { items, next: null, canSignUp } }) })
  await open('#event-list .event')
  return fake
}

describe('志愿活动: each person sees what they can do', () => {
  it('a resident sees the events, is led to the volunteer registration, and has no 报名 button', async () => {
    await mountWith([event('e1', 'register'), event('e2', 'full', { taken: 30, waitlistEnabled: false })], false)
    expect(document.querySelector('#events-register-note')?.textContent).toContain('注册成为志愿者')
    expect(buttonsOf('e1')).toEqual([])
    expect(card('e1').textContent).toContain('志愿者可报名')
    expect(buttonsOf('e2')).toEqual(['已满'])
    await tap('#events-register-button')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.volunteerRegister) })
  })

  it('a full event without a waitlist shows a disabled 已满 that does nothing when tapped', async () => {
    const fake = await mountWith([event('e2', 'full', { taken: 30, waitlistEnabled: false })], true)
    const full = card('e2').querySelector('.ev-btn')!
    expect(full.getAttribute('aria-disabled')).toBe('true')
    await tap(full)
    expect(fake.calls.filter((c) => c.event.action === 'signup')).toEqual([])
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(card('e2').textContent).toContain('名额已满')
  })

  it('an organizer sees their events marked as theirs, with no 报名 button', async () => {
    await mountWith([event('e1', 'organizing'), event('e3', 'organizing')], false)
    expect(document.querySelector('#events-organizer-note')).not.toBeNull()
    // Their own events need no volunteer registration, so no note about it.
    expect(document.querySelector('#events-register-note')).toBeNull()
    expect(card('e1').textContent).toContain('我组织的')
    expect(buttonsOf('e1')).toEqual([])
    expect(buttonsOf('e3')).toEqual([])
  })

  it('a volunteer signs up, then sees 已报名 with 取消报名, and cancels after confirming', async () => {
    let current = event('e1', 'signup')
    // The server answers what the last action left.
    const live = serve({
      'volunteer.events': () => ({ ok: true, data: { items: [current], next: null, canSignUp: true } }),
      'volunteer.event': () => ({ ok: true, data: current }),
      'volunteer.signup': () => {
        current = { ...current, choice: 'confirmed', canCancel: true, taken: 4, placesLeft: 26 }
        return { ok: true, data: { outcome: 'confirmed', signup: signupOf('e1'), waitlistPosition: null } }
      },
      'volunteer.cancel': () => {
        current = { ...current, choice: 'signup', canCancel: false, taken: 3, placesLeft: 27 }
        return { ok: true, data: { signup: signupOf('e1', { status: 'cancelled' }) } }
      }
    })
    await open('#event-list .event')
    expect(document.querySelector('#events-register-note')).toBeNull()
    expect(buttonsOf('e1')).toEqual(['报名'])

    await tap(card('e1').querySelector('.ev-btn')!)
    await until(() => buttonsOf('e1').includes('取消报名'))
    expect(card('e1').textContent).toContain('已报名')
    expect(card('e1').textContent).toContain('取消截止12月3日')
    expect(card('e1').textContent).toContain('剩 26 个名额')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功' }))
    // The button's tap is its own: the card does not open the event.
    expect(Taro.navigateTo).not.toHaveBeenCalled()

    setConfirm(false)
    await tap(card('e1').querySelector('.ev-btn')!)
    await until(() => dialogs().length === 1)
    expect(live.calls.filter((c) => c.event.action === 'cancel')).toEqual([])

    setConfirm(true)
    await tap(card('e1').querySelector('.ev-btn')!)
    await until(() => buttonsOf('e1').includes('报名'))
    expect(live.calls.filter((c) => c.event.action === 'cancel')).toEqual([{ fn: 'volunteer', event: { action: 'cancel', eventId: 'e1' } }])
  })

  it('a volunteer on the waitlist sees 候补中 and the place, and a full event that keeps one offers 候补', async () => {
    await mountWith([
      event('e4', 'waitlisted', { taken: 30, canCancel: true, waitlistPosition: 2, waitlistLength: 3 }),
      event('e5', 'waitlist', { taken: 30, waitlistLength: 3 })
    ], true)
    expect(card('e4').textContent).toContain('候补中')
    expect(card('e4').textContent).toContain('候补第 2 位')
    expect(buttonsOf('e4')).toEqual(['取消候补'])
    expect(buttonsOf('e5')).toEqual(['候补'])
    expect(card('e5').textContent).toContain('可候补（已有 3 人候补）')
  })

  it('an offered place is confirmed from the card with 确认参加', async () => {
    let current = event('e6', 'offered', { taken: 30, mySignup: signupOf('e6', { status: 'offered', offerExpiresAt: '2026-12-02T06:00:00.000Z' }) })
    const fake = serve({
      'volunteer.events': () => ({ ok: true, data: { items: [current], next: null, canSignUp: true } }),
      'volunteer.event': () => ({ ok: true, data: current }),
      'volunteer.acceptOffer': () => {
        current = { ...current, choice: 'confirmed', canCancel: true, mySignup: signupOf('e6') }
        return { ok: true, data: { signup: signupOf('e6') } }
      }
    })
    await open('#event-list .event')
    expect(card('e6').textContent).toContain('为你保留到 12月2日')
    await tap(card('e6').querySelector('[data-action="accept"]')!)
    await until(() => card('e6').textContent?.includes('✓ 已报名') ?? false)
    expect(fake.calls.filter((c) => c.event.action === 'acceptOffer')).toEqual([{ fn: 'volunteer', event: { action: 'acceptOffer', eventId: 'e6' } }])
  })

  it('a card shows date, place, distance and each required training with whether I hold it, and opens the event', async () => {
    await mountWith([event('e7', 'training', {
      requiredTrainings: ['应急救援', '医疗健康'], missingTrainings: ['应急救援'], distanceM: 1234, address: '雨花区人民医院'
    })], true)
    const c = card('e7')
    expect(c.querySelector('.ev-when')?.textContent).toMatch(/^12月4日 周五 \d\d:00–\d\d:00$/)
    expect(c.querySelector('.ev-place')?.textContent).toBe('雨花区人民医院 · 距你 1.2 公里')
    expect(Array.from(c.querySelectorAll('.ev-req')).map((r) => r.textContent)).toEqual([
      '需完成「应急救援」培训 — ✗ 未具备', '需完成「医疗健康」培训 — ✓ 已具备'
    ])
    expect(c.textContent).toContain('需先完成培训')
    expect(buttonsOf('e7')).toEqual([])
    await tap(c)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.eventDetail, { id: 'e7' }) })
  })

  it('a visitor who is not signed in is asked to sign in, not shown a 重试', async () => {
    serve({ 'volunteer.events': () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录后再操作' } }) })
    const prompt = await open('#sign-in-prompt')
    expect(prompt.textContent).toContain('登录后可以查看志愿活动')
    expect(document.querySelector('.status-error')).toBeNull()
    expect(document.querySelector('#event-filters')).toBeNull()
  })
})

describe('志愿活动: filters and paging', () => {
  const listCalls = (fake: Parameters<typeof sent>[0]) => sent(fake, 'events')

  it('each filter asks the server again with it: type, time, service area, near me', async () => {
    jest.spyOn(Taro, 'getLocation').mockImplementation((async () => ({ longitude: 113.01, latitude: 28.01, accuracy: 10, errMsg: 'getLocation:ok' })) as unknown as typeof Taro.getLocation)
    const fake = await mountWith([event('e1', 'signup')], true)
    expect(listCalls(fake)).toEqual([{ action: 'events', cursor: null, limit: 20 }])

    await tap('[data-filter-kind="training"]')
    await until(() => listCalls(fake).length === 2)
    expect(listCalls(fake)[1]).toEqual({ action: 'events', cursor: null, limit: 20, kind: 'training' })
    expect(document.querySelector('[data-filter-kind="training"]')?.getAttribute('aria-pressed')).toBe('true')

    await tap('[data-filter-days="7"]')
    await until(() => listCalls(fake).length === 3)
    const week = listCalls(fake)[2] as { fromIso: string; toIso: string }
    const days = (Date.parse(week.toIso) - Date.parse(week.fromIso)) / 86_400_000
    expect(days).toBeGreaterThan(7)
    expect(days).toBeLessThan(9)

    await testUtils.act(async () => { document.querySelector('taro-picker-core')!.dispatchEvent(new CustomEvent('change', { detail: { value: 9 }, bubbles: true })) })
    await until(() => listCalls(fake).length === 4)
    expect(listCalls(fake)[3]).toMatchObject({ kind: 'training', topic: '应急救援' })

    await tap('#filter-near')
    await until(() => listCalls(fake).length === 5)
    expect(Taro.getLocation).toHaveBeenCalledWith({ type: 'gcj02' })
    expect(listCalls(fake)[4]).toMatchObject({ near: { lng: 113.01, lat: 28.01 }, withinKm: 5, topic: '应急救援' })

    await tap('[data-filter-kind="all"]')
    await until(() => listCalls(fake).length === 6)
    expect(listCalls(fake)[5]).not.toHaveProperty('kind')
  })

  it('says when nothing matches, and that only events with a place are near', async () => {
    jest.spyOn(Taro, 'getLocation').mockImplementation((async () => ({ longitude: 113.01, latitude: 28.01, accuracy: 10, errMsg: 'getLocation:ok' })) as unknown as typeof Taro.getLocation)
    serve({ 'volunteer.events': (e) => ({ ok: true, data: { items: e.near ? [] : [event('e1', 'signup')], next: null, canSignUp: true } }) })
    await open('#event-list .event')
    await tap('#filter-near')
    const empty = await testUtils.queries.waitForQuerySelector('.status-empty')
    expect(empty.textContent).toContain('没有符合条件的活动')
    expect(empty.textContent).toContain('5 公里内')
  })

  it('loads the next page on 加载更多 and keeps the first', async () => {
    const fake = serve({
      'volunteer.events': (e) => ({
        ok: true,
        data: e.cursor ? { items: [event('e3', 'signup')], next: null, canSignUp: true } : { items: [event('e1', 'signup'), event('e2', 'signup')], next: 'c2', canSignUp: true }
      })
    })
    await open('#list-more')
    await tap('#list-more')
    await until(() => document.querySelectorAll('#event-list .event').length === 3)
    expect(fake.calls.map((c) => c.event.cursor)).toEqual([null, 'c2'])
    expect(document.querySelector('#list-foot')?.textContent).toContain('共 3 条')
  })
})
