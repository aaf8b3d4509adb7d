import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { ticketNumber } from '../../../../core/tickets/number'
import type { TicketView } from '../../../../core/views'
import { setTransport } from '../../../api'
import { fakeTransport, until } from '../../../testing/fake-transport'
import Triage from './index'

const testUtils = new TestUtils()

const ticket = (id: string, o: Partial<TicketView> = {}): TicketView => ({
  id, reporterId: null, reporterName: null, anonymous: false, categoryId: 'cat-E02-01', categoryName: '非法小广告',
  description: '电线杆上贴满小广告', location: null, address: '芙蓉中路', gridId: null, gridName: null, assigneeId: null,
  department: '城管局', state: 'triage', closeReason: null, mergedInto: null, photos: [], afterPhotos: [], deadline: '2030-11-21T00:00:00.000Z',
  overdue: false, reworkCount: 0, followers: 0, rating: null, createdAt: '2026-11-18T00:00:00.000Z', updatedAt: '2026-11-18T00:00:00.000Z',
  dispatchedAt: null, acceptedAt: null, resolvedAt: null, closedAt: null, version: 4, actions: ['dispatch', 'merge', 'refer', 'reject'], photoStatus: {}, ...o
})

const TRIAGE = [
  ticket('t1', { createdAt: '2026-11-18T02:00:00.000Z' }),
  ticket('t2', { categoryName: '暴露垃圾', description: '落客平台下堆了垃圾', address: '长沙南站西广场', gridName: '黎托街道·黎托社区·01网格', createdAt: '2026-11-17T00:00:00.000Z' })
]
const late = (id: string, o: Partial<TicketView> = {}) => ticket(id, {
  state: 'accepted', overdue: true, deadline: '2026-11-19T00:00:00.000Z', assigneeId: 'u-grid', gridName: '侯家塘街道·侯家塘社区·01网格', actions: ['resolve', 'merge', 'closeUnable'], mayUrge: true, ...o
})
const OVERDUE = [late('o1'), late('o2', { urgeCount: 2 }), late('o3', { urgeCount: 1, mayUrge: false })]

let fake: ReturnType<typeof fakeTransport>
beforeEach(() => {
  fake = fakeTransport({
    'tickets.triage': () => ({ ok: true, data: { items: TRIAGE, next: null } }),
    'tickets.overdue': () => ({ ok: true, data: { items: OVERDUE, next: null } }),
    'tickets.verifyQueue': () => ({ ok: true, data: { items: [] } }),
    'tickets.urge': (e) => (e.id === 'o2'
      ? { ok: false, error: { code: 'CONFLICT', message: '20 分钟前刚督办过，1 小时内不重复督办' } }
      : { ok: true, data: late(String(e.id), { urgeCount: 1 }) }),
    'tickets.act': (e) => ({ ok: true, data: ticket(String(e.id), { state: 'dispatched' }) }),
    'admin.managers': () => ({ ok: true, data: [{ id: 'u-zhao', nickname: '赵网格', gridIds: ['g1'] }, { id: 'u-qian', nickname: '钱网格', gridIds: ['g2', 'g3'] }, { id: 'u-none', nickname: '新网格员', gridIds: [] }] })
  })
  setTransport(fake.transport)
  jest.spyOn(Taro, 'showModal').mockImplementation((async () => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })) as unknown as typeof Taro.showModal)
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

const rows = () => Array.from(document.querySelectorAll('#ticket-table [data-row]')).map((r) => r.getAttribute('data-row'))
const cards = () => Array.from(document.querySelectorAll('#triage-list [data-ticket]')).map((r) => r.getAttribute('data-ticket'))
const tap = async (el: Element) => { await testUtils.act(async () => { testUtils.fireEvent.click(el) }) }
const calls = (action: string) => fake.calls.filter((c) => c.event.action === action).map((c) => c.event)

async function openQueue (queue: 'triage' | 'overdue') {
  await testUtils.mount(Triage, { props: {} })
  await testUtils.queries.waitForQuerySelector('#ticket-table [data-row]')
  if (queue === 'overdue') {
    await tap(document.querySelector('[data-queue="overdue"]')!)
    await until(() => rows().includes('o1'))
  }
}

describe('分拣台', () => {
  it('shows the queue as cards (phone) and as a table (desk) with ticket numbers, oldest waiting first', async () => {
    await openQueue('triage')
    expect(rows()).toEqual(['t2', 't1'])
    expect(cards()).toEqual(['t2', 't1'])
    expect(document.querySelector('[data-row="t2"] .tt-col-number')?.textContent).toBe(ticketNumber(TRIAGE[1]))
    expect(Array.from(document.querySelectorAll('#ticket-table .tt-head .tt-sortable')).map((h) => h.textContent)).toEqual(['编号', '类别', '网格', '状态', '上报时间 ▲', '时限'])
  })

  it('sorts by a column header, and searches by number or words', async () => {
    await openQueue('triage')
    await tap(document.querySelector('[data-sort="category"]')!)
    expect(rows()).toEqual(['t2', 't1'])
    await tap(document.querySelector('[data-sort="category"]')!)
    expect(rows()).toEqual(['t1', 't2'])
    await testUtils.act(() => { document.querySelector('#triage-search')!.dispatchEvent(new CustomEvent('input', { detail: { value: '南站' }, bubbles: true })) })
    expect(rows()).toEqual(['t2'])
    expect(cards()).toEqual(['t2'])
    await testUtils.act(() => { document.querySelector('#triage-search')!.dispatchEvent(new CustomEvent('input', { detail: { value: ticketNumber(TRIAGE[0]) }, bubbles: true })) })
    expect(rows()).toEqual(['t1'])
  })

  it('bulk dispatch: tick tickets, pick a manager, each goes to them with the version it was seen at', async () => {
    await openQueue('triage')
    await tap(document.querySelector('#ticket-table .tt-head .tt-check')!)
    expect(document.querySelector('.tr-bulk-count')?.textContent).toBe('已选 2 件')
    await until(() => document.querySelector('#bulk-dispatch') !== null)
    const picker = Array.from(document.querySelectorAll('taro-picker-core')).find((p) => p.querySelector('#bulk-dispatch'))!
    // The picker's choices render in an overlay outside it; the managers without a grid are not offered.
    const items = () => Array.from(document.querySelectorAll('.weui-picker__item')).map((i) => i.textContent)
    await until(() => items().includes('钱网格（2 个网格）'))
    expect(items()).not.toContain('新网格员（0 个网格）')
    await testUtils.act(async () => { picker.dispatchEvent(new CustomEvent('change', { detail: { value: 1 }, bubbles: true })) })
    await until(() => document.querySelector('#bulk-result') !== null)
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '把 2 件派遣给钱网格？' }))
    expect(calls('act')).toEqual([
      { action: 'act', id: 't2', transition: 'dispatch', expectedVersion: 4, assigneeId: 'u-qian' },
      { action: 'act', id: 't1', transition: 'dispatch', expectedVersion: 4, assigneeId: 'u-qian' }
    ])
    expect(document.querySelector('#bulk-result')?.textContent).toBe('已派遣给钱网格 2 件')
    expect(calls('triage')).toHaveLength(2)
  })

  it('已超期 shows the urge figures; bulk 督办 urges those it may and says which failed', async () => {
    await openQueue('overdue')
    expect(document.querySelector('#overdue-figures')?.textContent).toBe('已超期 3 件 · 已督办 2 件（共 3 次）· 未督办 1 件')
    expect(document.querySelectorAll('#ticket-table [data-urge]')).toHaveLength(2)
    for (const id of ['o1', 'o2', 'o3']) await tap(document.querySelector(`[data-row="${id}"] .tt-check`)!)
    expect(document.querySelector('#bulk-urge')?.textContent).toBe('批量督办（2）')
    await tap(document.querySelector('#bulk-urge')!)
    await until(() => document.querySelector('#bulk-result') !== null)
    expect(calls('urge').map((e) => e.id)).toEqual(['o1', 'o2'])
    expect(document.querySelector('#bulk-result')?.textContent).toBe(`已督办 1 件；1 件未成功：${ticketNumber(OVERDUE[1])}：20 分钟前刚督办过，1 小时内不重复督办`)
  })

  it('督办 one ticket from its card on a phone', async () => {
    await openQueue('overdue')
    await tap(document.querySelector('#triage-list [data-urge="o1"]')!)
    await until(() => calls('urge').length === 1)
    expect(calls('urge')).toEqual([{ action: 'urge', id: 'o1', expectedVersion: 4 }])
  })
})
