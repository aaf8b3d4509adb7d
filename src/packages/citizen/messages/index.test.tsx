import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import { setTransport } from '../../../api'
import { fakeTransport, until } from '../../../testing/fake-transport'
import Messages from './index'

// The test renderer runs no page lifecycle: show the page once on mount, as the app does when it opens.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useDidShow: (fn: () => void) => useEffect(() => { fn() }, []) }
})

const testUtils = new TestUtils()

const message = (n: number, read = false) => ({
  id: `m${n}`, userId: 'u-c', ticketId: `t${n}`, title: '问题已受理', body: `「非法小广告」已由网格员受理 ${n}`, read, at: '2026-11-20T02:00:00.000Z'
})

beforeEach(() => {
  jest.spyOn(Taro, 'switchTab').mockImplementation((async () => ({ errMsg: 'switchTab:ok' })) as unknown as typeof Taro.switchTab)
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('消息', () => {
  it('an empty list says what will appear there and when, and leads to 随手拍', async () => {
    setTransport(fakeTransport({ 'users.messages': () => ({ ok: true, data: { items: [], next: null, unread: 0 } }) }).transport)
    await testUtils.mount(Messages, { props: {} })
    const empty = await testUtils.queries.waitForQuerySelector('#messages-empty')
    expect(empty.textContent).toContain('还没有消息')
    expect(empty.textContent).toContain('处理完成请你核查')
    await testUtils.act(() => { testUtils.fireEvent.click(empty.querySelector('.resident-empty-action')!) })
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: pageUrl(PAGES.report) })
  })

  it('a failed load shows the error with 重试, not the empty state', async () => {
    let fail = true
    setTransport(fakeTransport({
      'users.messages': () => (fail ? { ok: false, error: { code: 'INTERNAL', message: '网络不通，请检查网络后重试' } } : { ok: true, data: { items: [message(1)], next: null, unread: 1 } }),
      'users.readMessages': () => ({ ok: true, data: { unread: 0 } })
    }).transport)
    await testUtils.mount(Messages, { props: {} })
    const retry = await testUtils.queries.waitForQuerySelector('.status-error .btn-plain')
    expect(document.querySelector('#messages-empty')).toBeNull()
    fail = false
    await testUtils.act(() => { testUtils.fireEvent.click(retry) })
    await testUtils.queries.waitForQuerySelector('#message-list .message')
    expect(document.querySelector('#message-list')?.textContent).toContain('问题已受理')
  })

  it('pages on 加载更多, shows a failed page with 重试 under the list, and says when the end is reached', async () => {
    let failSecond = true
    const fake = fakeTransport({
      'users.messages': (e) => {
        if (!e.cursor) return { ok: true, data: { items: [message(1), message(2, true)], next: 'c2', unread: 1 } }
        if (failSecond) return { ok: false, error: { code: 'INTERNAL', message: '网络不通，请检查网络后重试' } }
        return { ok: true, data: { items: [message(3, true)], next: null, unread: 0 } }
      },
      'users.readMessages': () => ({ ok: true, data: { unread: 0 } })
    })
    setTransport(fake.transport)
    await testUtils.mount(Messages, { props: {} })
    const more = await testUtils.queries.waitForQuerySelector('#list-more')
    expect(document.querySelectorAll('#message-list .message')).toHaveLength(2)
    await testUtils.act(() => { testUtils.fireEvent.click(more) })
    await until(() => document.querySelector('.resident-foot-error') !== null)
    expect(document.querySelector('.resident-foot-error')?.textContent).toContain('网络不通')
    expect(document.querySelectorAll('#message-list .message')).toHaveLength(2)
    failSecond = false
    await testUtils.act(() => { testUtils.fireEvent.click(document.querySelector('.resident-foot-error .resident-foot-btn')!) })
    await until(() => document.querySelectorAll('#message-list .message').length === 3)
    expect(document.querySelector('#list-foot')?.textContent).toBe('共 3 条，已经到底了')
    expect(fake.calls.filter((c) => c.event.action === 'messages').map((c) => c.event.cursor ?? null)).toEqual([null, 'c2', 'c2'])
    expect(fake.calls.filter((c) => c.event.action === 'readMessages')).toHaveLength(1)
  })
})
