import { ticketNumber } from '../../core/tickets/number'
import type { TicketView } from '../../core/views'
import { NO_FILTERS, choices, filterTickets, matchesText, nextSort, sortTickets, streetOf } from './ticket-list'

const t = (id: string, o: Partial<TicketView> = {}): TicketView => ({
  id, reporterId: null, reporterName: null, anonymous: false, categoryId: 'cat-E02-01', categoryName: '非法小广告',
  description: '电线杆上贴满小广告', location: null, address: '芙蓉中路', gridId: 'g1', gridName: '侯家塘街道·侯家塘社区·01网格', assigneeId: null,
  department: '城管局', state: 'triage', closeReason: null, mergedInto: null, photos: [], afterPhotos: [], deadline: '2026-11-21T00:00:00.000Z',
  overdue: false, reworkCount: 0, followers: 0, rating: null, createdAt: '2026-11-18T00:00:00.000Z', updatedAt: '2026-11-18T00:00:00.000Z',
  dispatchedAt: null, acceptedAt: null, resolvedAt: null, closedAt: null, version: 1, actions: [], photoStatus: {}, ...o
})

const a = t('a', { createdAt: '2026-11-18T01:00:00.000Z', deadline: '2026-11-22T00:00:00.000Z' })
const b = t('b', { categoryName: '暴露垃圾', description: '垃圾堆', address: '长沙南站西广场', gridName: null, createdAt: '2026-11-17T00:00:00.000Z', state: 'rework' })
const c = t('c', { gridName: '左家塘街道·曙光里社区·02网格', createdAt: '2026-11-19T00:00:00.000Z', deadline: '2026-11-19T12:00:00.000Z' })

describe('the office list: search and filters', () => {
  it('finds a ticket by its number, with or without the dash, and by words of what was reported', () => {
    const n = ticketNumber(b)
    expect(filterTickets([a, b, c], { ...NO_FILTERS, text: n }).map((x) => x.id)).toEqual(['b'])
    expect(filterTickets([a, b, c], { ...NO_FILTERS, text: n.replace('-', '').toLowerCase() }).map((x) => x.id)).toEqual(['b'])
    expect(filterTickets([a, b, c], { ...NO_FILTERS, text: '南站 垃圾' }).map((x) => x.id)).toEqual(['b'])
    expect(matchesText(a, '  ')).toBe(true)
    expect(matchesText(a, '不存在的词')).toBe(false)
  })

  it('filters by category and by street; a ticket in no grid has its own street choice', () => {
    expect(filterTickets([a, b, c], { ...NO_FILTERS, category: '非法小广告' }).map((x) => x.id)).toEqual(['a', 'c'])
    expect(filterTickets([a, b, c], { ...NO_FILTERS, street: '左家塘街道' }).map((x) => x.id)).toEqual(['c'])
    expect(streetOf(b)).toBe('未落入网格')
    expect(choices([a, b, c], streetOf)).toHaveLength(3)
  })
})

describe('the office list: sortable columns', () => {
  it('sorts by each column, both ways', () => {
    expect(sortTickets([a, b, c], { key: 'createdAt', dir: 'asc' }).map((x) => x.id)).toEqual(['b', 'a', 'c'])
    expect(sortTickets([a, b, c], { key: 'createdAt', dir: 'desc' }).map((x) => x.id)).toEqual(['c', 'a', 'b'])
    expect(sortTickets([a, b, c], { key: 'deadline', dir: 'asc' }).map((x) => x.id)).toEqual(['c', 'b', 'a'])
    expect(sortTickets([a, b, c], { key: 'state', dir: 'desc' }).map((x) => x.id)[0]).toBe('b')
    const byNumber = sortTickets([a, b, c], { key: 'number', dir: 'asc' }).map(ticketNumber)
    expect(byNumber).toEqual([...byNumber].sort())
  })

  it('a second click on a column flips it; a new column starts ascending, times newest first', () => {
    expect(nextSort({ key: 'grid', dir: 'asc' }, 'grid')).toEqual({ key: 'grid', dir: 'desc' })
    expect(nextSort({ key: 'grid', dir: 'desc' }, 'category')).toEqual({ key: 'category', dir: 'asc' })
    expect(nextSort({ key: 'grid', dir: 'asc' }, 'createdAt')).toEqual({ key: 'createdAt', dir: 'desc' })
  })
})
