import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import type { Result } from '../../../../core/errors'
import type { TicketView } from '../../../../core/views'
import { setTransport } from '../../../api'
import { fakeTransport, until } from '../../../testing/fake-transport'
import MyReports from './index'

// The test renderer runs no page lifecycle: show the page once on mount, as the app does when it opens.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useDidShow: (fn: () => void) => useEffect(() => { fn() }, []) }
})

const testUtils = new TestUtils()

const ticket = (id: string): TicketView => ({
  id, reporterId: 'u-c', reporterName: '张阿姨', anonymous: false, categoryId: 'cat-E02-01', categoryName: '非法小广告',
  description: `电线杆上贴满小广告 ${id}`, location: null, address: '', gridId: 'g1', gridName: '侯家塘街道·01网格', assigneeId: 'u-zhao',
  department: '城管局', state: 'accepted', closeReason: null, mergedInto: null, photos: [], afterPhotos: [], deadline: '2026-11-25T00:00:00.000Z',
  overdue: false, reworkCount: 0, followers: 0, rating: null, createdAt: '2026-11-18T00:00:00.000Z', updatedAt: '2026-11-18T00:00:00.000Z',
  dispatchedAt: null, acceptedAt: null, resolvedAt: null, closedAt: null, version: 1, actions: [], photoStatus: {}
})
const page = (items: TicketView[], next: string | null = null) => ({ ok: true as const, data: { items, next } })

afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

const shown = () => Array.from(document.querySelectorAll('#my-report-list .ticket-card')).map((el) => el.getAttribute('data-ticket'))
const tab = (key: string) => document.querySelector(`[data-tab="${key}"]`)!
async function tap (el: Element) { await testUtils.act(async () => { testUtils.fireEvent.click(el) }) }

describe('我的随手拍', () => {
  it('each tab has its own empty state that says what will appear there', async () => {
    jest.spyOn(Taro, 'switchTab').mockImplementation((async () => ({ errMsg: 'switchTab:ok' })) as unknown as typeof Taro.switchTab)
    setTransport(fakeTransport({ 'reports.mine': () => page([]), 'reports.followed': () => page([]) }).transport)
    await testUtils.mount(MyReports, { props: {} })
    const empty = await testUtils.queries.waitForQuerySelector('#my-reports-empty')
    expect(empty.textContent).toContain('还没有上报过问题')
    await tap(empty.querySelector('.resident-empty-action')!)
    expect(Taro.switchTab).toHaveBeenCalled()
    await tap(tab('followed'))
    await until(() => document.querySelector('#my-reports-empty')?.textContent?.includes('还没有关注的问题') ?? false)
    expect(document.querySelector('#my-reports-empty')?.textContent).toContain('+1 关注')
    expect(tab('followed').getAttribute('aria-selected')).toBe('true')
  })

  it('a slow answer for one tab never lands in the other', async () => {
    let answerMine: (r: Result<unknown>) => void = () => undefined
    const fake = fakeTransport({
      'reports.mine': (() => new Promise((resolve) => { answerMine = resolve })) as unknown as () => Result<unknown>,
      'reports.followed': () => page([ticket('f1')])
    })
    setTransport(fake.transport)
    await testUtils.mount(MyReports, { props: {} })
    await testUtils.queries.waitForQuerySelector('.status-loading')
    await tap(tab('followed'))
    await until(() => shown().length === 1)
    await testUtils.act(async () => { answerMine(page([ticket('m1'), ticket('m2')])) })
    expect(shown()).toEqual(['f1'])
    await tap(tab('mine'))
    await until(() => shown().length === 2)
    expect(shown()).toEqual(['m1', 'm2'])
    // Each tab was read once: going back to a tab shows what it already has.
    expect(fake.calls.map((c) => c.event.action)).toEqual(['mine', 'followed'])
  })

  it('pages on 加载更多 until the end, and shows a failed first load with 重试', async () => {
    let fail = true
    const fake = fakeTransport({
      'reports.mine': (e) => {
        if (fail) return { ok: false, error: { code: 'INTERNAL', message: '网络不通，请检查网络后重试' } }
        return e.cursor ? page([ticket('m3')]) : page([ticket('m1'), ticket('m2')], 'c2')
      }
    })
    setTransport(fake.transport)
    await testUtils.mount(MyReports, { props: {} })
    const retry = await testUtils.queries.waitForQuerySelector('.status-error .btn-plain')
    expect(document.querySelector('#my-reports-empty')).toBeNull()
    fail = false
    await tap(retry)
    const more = await testUtils.queries.waitForQuerySelector('#list-more')
    expect(shown()).toEqual(['m1', 'm2'])
    await tap(more)
    await until(() => shown().length === 3)
    expect(document.querySelector('#list-foot')?.textContent).toBe('共 3 条，已经到底了')
    expect(fake.calls.map((c) => c.event.cursor ?? null)).toEqual([null, null, 'c2'])
  })
})
