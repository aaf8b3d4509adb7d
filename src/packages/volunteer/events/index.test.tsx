import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import type { EventChoice } from '../../../../core/volunteer/event-choice'
import type { EventView } from '../../../../core/views'
import { setTransport } from '../../../api'
import { fakeTransport, until } from '../../../testing/fake-transport'
import Events from './index'

const testUtils = new TestUtils()

const event = (id: string, choice: EventChoice, over: Partial<EventView> = {}): EventView => ({
  id, kind: 'service', title: `活动${id}`, description: '', organizerId: 'u-org', gridId: null, address: '香樟路社区广场', location: null,
  startAt: '2026-12-04T01:00:00.000Z', endAt: '2026-12-04T04:00:00.000Z', capacity: 30, taken: 3, waitlistEnabled: true,
  cancelDeadline: '2026-12-03T01:00:00.000Z', status: 'published', createdAt: '2026-11-01T00:00:00.000Z',
  mySignup: null, choice, canCancel: false, ...over
})

let confirm = true
beforeEach(() => {
  confirm = true
  jest.spyOn(Taro, 'showToast').mockImplementation((async () => ({ errMsg: 'showToast:ok' })) as unknown as typeof Taro.showToast)
  jest.spyOn(Taro, 'showModal').mockImplementation((async () => ({ confirm, cancel: !confirm, errMsg: 'showModal:ok' })) as unknown as typeof Taro.showModal)
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

const card = (id: string) => document.querySelector(`[data-event="${id}"]`)!
const buttonsOf = (id: string) => Array.from(card(id).querySelectorAll('.ev-btn')).map((b) => b.textContent)

async function mountWith (items: EventView[], canSignUp: boolean) {
  const fake = fakeTransport({ 'volunteer.events': () => ({ ok: true, data: { items, next: null, canSignUp } }) })
  setTransport(fake.transport)
  await testUtils.mount(Events, { props: {} })
  await testUtils.queries.waitForQuerySelector('#event-list .event')
  return fake
}

describe('志愿活动: each person sees what they can do', () => {
  it('a resident sees the events, a note that signing up needs a volunteer registration, and no 报名 button', async () => {
    await mountWith([event('e1', 'register'), event('e2', 'full', { taken: 30, waitlistEnabled: false })], false)
    expect(document.querySelector('#events-register-note')?.textContent).toContain('志愿者注册即将开放')
    expect(buttonsOf('e1')).toEqual([])
    expect(card('e1').textContent).toContain('志愿者可报名')
    expect(buttonsOf('e2')).toEqual(['已满'])
  })

  it('a full event without a waitlist shows a disabled 已满 that does nothing when tapped', async () => {
    const fake = await mountWith([event('e2', 'full', { taken: 30, waitlistEnabled: false })], true)
    const full = card('e2').querySelector('.ev-btn')!
    expect(full.getAttribute('aria-disabled')).toBe('true')
    await testUtils.act(() => { testUtils.fireEvent.click(full) })
    expect(fake.calls.filter((c) => c.event.action === 'signup')).toEqual([])
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
    // The list answers what the last action left, as the server would.
    const live = fakeTransport({
      'volunteer.events': () => ({ ok: true, data: { items: [current], next: null, canSignUp: true } }),
      'volunteer.signup': () => {
        current = { ...current, choice: 'confirmed', canCancel: true, taken: 4 }
        return { ok: true, data: { outcome: 'confirmed', signup: { id: 's1', eventId: 'e1', userId: 'u-v', status: 'confirmed', createdAt: '', checkInAt: null, checkOutAt: null, hours: null } } }
      },
      'volunteer.cancel': () => {
        current = { ...current, choice: 'signup', canCancel: false, taken: 3 }
        return { ok: true, data: { signup: { id: 's1', eventId: 'e1', userId: 'u-v', status: 'cancelled', createdAt: '', checkInAt: null, checkOutAt: null, hours: null } } }
      }
    })
    setTransport(live.transport)
    await testUtils.mount(Events, { props: {} })
    await testUtils.queries.waitForQuerySelector('#event-list .event')
    expect(document.querySelector('#events-register-note')).toBeNull()
    expect(buttonsOf('e1')).toEqual(['报名'])

    await testUtils.act(() => { testUtils.fireEvent.click(card('e1').querySelector('.ev-btn')!) })
    await until(() => buttonsOf('e1').includes('取消报名'))
    expect(card('e1').textContent).toContain('已报名')
    expect(card('e1').textContent).toContain('取消截止12月3日')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功' }))

    confirm = false
    await testUtils.act(() => { testUtils.fireEvent.click(card('e1').querySelector('.ev-btn')!) })
    await until(() => (Taro.showModal as jest.Mock).mock.calls.length === 1)
    expect(live.calls.filter((c) => c.event.action === 'cancel')).toEqual([])

    confirm = true
    await testUtils.act(() => { testUtils.fireEvent.click(card('e1').querySelector('.ev-btn')!) })
    await until(() => buttonsOf('e1').includes('报名'))
    expect(live.calls.filter((c) => c.event.action === 'cancel')).toEqual([{ fn: 'volunteer', event: { action: 'cancel', eventId: 'e1' } }])
  })

  it('a volunteer on the waitlist sees 候补中, and a full event that keeps one offers 候补', async () => {
    await mountWith([
      event('e4', 'waitlisted', { taken: 30, canCancel: true }),
      event('e5', 'waitlist', { taken: 30 })
    ], true)
    expect(card('e4').textContent).toContain('候补中')
    expect(buttonsOf('e4')).toEqual(['取消候补'])
    expect(buttonsOf('e5')).toEqual(['候补'])
    expect(card('e5').textContent).toContain('可候补')
  })

  it('a visitor who is not signed in is asked to sign in, not shown a 重试', async () => {
    setTransport(fakeTransport({ 'volunteer.events': () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录后再操作' } }) }).transport)
    await testUtils.mount(Events, { props: {} })
    const prompt = await testUtils.queries.waitForQuerySelector('#sign-in-prompt')
    expect(prompt.textContent).toContain('登录后可以查看志愿活动')
    expect(document.querySelector('.status-error')).toBeNull()
  })
})
