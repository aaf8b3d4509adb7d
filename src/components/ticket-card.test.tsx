import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../core/pages'
import { ticketNumber } from '../../core/tickets/number'
import type { TicketState } from '../../core/types'
import type { TicketView } from '../../core/views'
import { TicketCard } from './ticket-card'

const testUtils = new TestUtils()

const NOW = Date.parse('2026-11-20T12:00:00.000Z')

const ticket = (state: TicketState, deadline: string): TicketView => ({
  id: 't1', reporterId: null, reporterName: null, anonymous: false, categoryId: 'cat-E02-01', categoryName: '非法小广告',
  description: '电线杆上贴满小广告', location: null, address: '', gridId: 'g1', gridName: '侯家塘街道·01网格', assigneeId: 'u-zhao',
  department: '城管局', state, closeReason: null, mergedInto: null, photos: [], afterPhotos: [], deadline, overdue: false, reworkCount: 0,
  followers: 0, rating: null, createdAt: '2026-11-18T00:00:00.000Z', updatedAt: '2026-11-18T00:00:00.000Z', dispatchedAt: null,
  acceptedAt: null, resolvedAt: null, closedAt: null, version: 1, actions: [], photoStatus: {}
})

afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

const deadlineTag = () => document.querySelector('.ticket-meta .tag')

describe('TicketCard', () => {
  it.each<[TicketState, string, string | null]>([
    ['accepted', '2026-11-20T17:00:00.000Z', 'tag blue:还剩 5 小时'],
    ['rework', '2026-11-20T10:00:00.000Z', 'tag red:已超期 2 小时'],
    ['resolved', '2026-11-20T10:00:00.000Z', null],
    ['fixed', '2026-11-20T10:00:00.000Z', null]
  ])('a %s ticket due %s shows %s', async (state, deadline, expected) => {
    await testUtils.mount(TicketCard, { props: { ticket: ticket(state, deadline), nowMs: NOW } })
    await testUtils.queries.waitForQuerySelector('.ticket-card')
    const tag = deadlineTag()
    expect(tag ? `${tag.className}:${tag.textContent}` : null).toBe(expected)
  })

  it('shows the ticket number people can quote, and how often the office urged it', async () => {
    const t = { ...ticket('accepted', '2026-11-20T17:00:00.000Z'), urgeCount: 2 }
    await testUtils.mount(TicketCard, { props: { ticket: t, nowMs: NOW } })
    const no = await testUtils.queries.waitForQuerySelector('.ticket-no')
    expect(no.textContent).toBe(`编号 ${ticketNumber(t)}已督办 2 次`)
    expect(ticketNumber(t)).toMatch(/^261118-/)
  })

  it('opens the ticket detail page', async () => {
    jest.spyOn(Taro, 'navigateTo').mockImplementation((async () => ({ errMsg: 'navigateTo:ok' })) as unknown as typeof Taro.navigateTo)
    await testUtils.mount(TicketCard, { props: { ticket: ticket('accepted', '2026-11-20T17:00:00.000Z'), nowMs: NOW } })
    const card = await testUtils.queries.waitForQuerySelector('.ticket-card')
    await testUtils.act(() => { testUtils.fireEvent.click(card) })
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.ticketDetail, { id: 't1' }) })
  })
})
