import TestUtils from '@tarojs/test-utils-react'
import type { TicketView } from '../../../../core/views'
import { setTransport } from '../../../api'
import { fakeTransport, until } from '../../../testing/fake-transport'
import Inbox from './index'

const testUtils = new TestUtils()

const ticket = (id: string, state: TicketView['state'], overdue: boolean): TicketView => ({
  id, reporterId: null, reporterName: null, anonymous: false, categoryId: 'cat-E02-01', categoryName: '非法小广告',
  description: '电线杆上贴满小广告', location: null, address: '', gridId: 'g1', gridName: '侯家塘街道·01网格', assigneeId: 'u-grid',
  department: '城管局', state, closeReason: null, mergedInto: null, photos: [], afterPhotos: [], deadline: '2026-11-20T00:00:00.000Z',
  overdue, reworkCount: 0, followers: 0, rating: null, createdAt: '2026-11-18T00:00:00.000Z', updatedAt: '2026-11-18T00:00:00.000Z',
  dispatchedAt: '2026-11-18T00:00:00.000Z', acceptedAt: null, resolvedAt: null, closedAt: null, version: 3,
  actions: state === 'dispatched' ? ['accept', 'handBack'] : ['resolve'],
  photoStatus: {}
})

describe('网格待办', () => {
  it('lists my tickets with state counters and accepts one with its version', async () => {
    const fake = fakeTransport({
      'tickets.inbox': () => ({ ok: true, data: { items: [ticket('t1', 'dispatched', true), ticket('t2', 'accepted', false)], counts: { dispatched: 1, accepted: 1, rework: 0, resolved: 0, overdue: 1 } } }),
      'tickets.act': (e) => ({ ok: true, data: { ...ticket(String(e.id), 'accepted', true) } })
    })
    setTransport(fake.transport)
    await testUtils.mount(Inbox, { props: {} })
    await testUtils.queries.waitForQuerySelector('#inbox-list .ticket-card')
    expect(document.querySelectorAll('#inbox-list .ticket-card')).toHaveLength(2)
    expect(document.querySelector('.overdue-bar')?.textContent).toBe('有 1 件已超期，请优先处理')
    expect(Array.from(document.querySelectorAll('.tab .badge')).map((b) => b.textContent)).toEqual(['1', '1'])

    const accept = document.querySelector('[data-ticket="t1"] .ticket-actions .btn-small')!
    expect(document.querySelector('[data-ticket="t2"] .ticket-actions')).toBeNull()
    await testUtils.act(async () => { testUtils.fireEvent.click(accept) })
    await until(() => fake.calls.filter((c) => c.event.action === 'inbox').length === 2)
    // accept sends the version it saw (a concurrent change answers CONFLICT), then the inbox reloads
    expect(fake.calls.map((c) => c.event.action)).toEqual(['inbox', 'act', 'inbox'])
    expect(fake.calls[1].event).toEqual({ action: 'act', id: 't1', transition: 'accept', expectedVersion: 3 })
  })

  it('says so when there is nothing to do', async () => {
    setTransport(fakeTransport({
      'tickets.inbox': () => ({ ok: true, data: { items: [], counts: { dispatched: 0, accepted: 0, rework: 0, resolved: 0, overdue: 0 } } })
    }).transport)
    await testUtils.mount(Inbox, { props: {} })
    const empty = await testUtils.queries.waitForQuerySelector('.status-empty')
    expect(empty.textContent).toBe('没有待办案卷')
  })
})
