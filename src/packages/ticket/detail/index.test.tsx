import type { TicketEvent } from '../../../../core/types'
import type { TicketDetailView, TicketView } from '../../../../core/views'
import { usePageTest } from '../../../testing/page-test'
import TicketDetail from './index'

// The page reads its id from the router, which the test renderer does not fill in.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useRouter: () => ({ params: { id: 't1' } }) }
})

const { $, text, serve, open } = usePageTest(TicketDetail)

/** As the reporter sees it: no steps of their own while the grid manager handles it. */
function ticketOf (extra: Partial<TicketView> = {}): TicketView {
  return {
    id: 't1', reporterId: 'u-zhang', reporterName: '张阿姨', anonymous: false, categoryId: 'cat-E02-01', categoryName: '非法小广告',
    description: '电线杆上贴满小广告', location: null, address: '芙蓉中路 8 号', gridId: 'g1', gridName: '侯家塘街道·01网格', assigneeId: 'u-zhao',
    department: '城管局', state: 'accepted', closeReason: null, mergedInto: null, photos: [], afterPhotos: [], deadline: '2026-11-20T00:00:00.000Z',
    overdue: false, reworkCount: 0, followers: 0, rating: null, createdAt: '2026-11-18T00:00:00.000Z', updatedAt: '2026-11-18T00:00:00.000Z',
    dispatchedAt: '2026-11-18T00:00:00.000Z', acceptedAt: '2026-11-18T01:00:00.000Z', resolvedAt: null, closedAt: null, version: 4, actions: [], photoStatus: {},
    ...extra
  }
}

const event = (o: Partial<TicketEvent> & Pick<TicketEvent, 'id' | 'action'>): TicketEvent => ({
  ticketId: 't1', fromState: 'accepted', toState: 'accepted', actorId: 'u-liu', actorRole: 'admin', note: '', at: '2026-11-19T02:00:00.000Z', ...o
})

const DEFERRED = ticketOf({
  deadline: '2026-12-05T15:59:59.000Z',
  deferral: { at: '2026-11-19T02:00:00.000Z', by: 'u-liu', reason: '需等待维修资金到位', originalDeadline: '2026-11-20T00:00:00.000Z', until: '2026-12-05T15:59:59.000Z' }
})
const TIMELINE: TicketEvent[] = [
  event({ id: 'e1', action: 'submit', fromState: 'triage', toState: 'triage', actorId: 'u-zhang', actorRole: 'citizen', at: '2026-11-18T00:00:00.000Z' }),
  event({ id: 'e2', action: 'accept', fromState: 'dispatched', toState: 'accepted', actorId: 'u-zhao', actorRole: 'grid_manager', at: '2026-11-18T01:00:00.000Z' }),
  event({ id: 'e3', action: 'defer', note: '需等待维修资金到位' })
]

async function show (view: TicketDetailView) {
  serve({ 'tickets.get': () => ({ ok: true, data: view }) })
  await open('#ticket-detail')
}

describe('案卷详情: 缓办', () => {
  beforeEach(() => { jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-19T04:00:00.000Z')) })

  it('a deferred ticket says to when, from which deadline, and why', async () => {
    await show({ ticket: DEFERRED, timeline: TIMELINE })
    expect(text('#deferral-facts .td-label')).toBe('缓办')
    expect(text('#deferral-facts .td-deferred')).toBe('已缓办至 12月5日（原时限 11月20日）')
    expect(text('#deferral-facts .td-reason')).toBe('原因：需等待维修资金到位')
  })

  it('a ticket never deferred has no such line', async () => {
    await show({ ticket: ticketOf(), timeline: TIMELINE.slice(0, 2) })
    expect($('#deferral-facts')).toBeNull()
  })

  it('the timeline reads 批准缓办 with the office\'s reason, marked like the other in-place steps, with no state', async () => {
    await show({ ticket: DEFERRED, timeline: TIMELINE })
    const item = $('.tl-item[data-action="defer"]')!
    expect(item.querySelector('.tl-title')?.textContent).toBe('批准缓办')
    expect(item.querySelector('.tl-note')?.textContent).toBe('文明办：需等待维修资金到位')
    expect(item.classList.contains('urge')).toBe(true)
    expect(item.querySelector('.tag')).toBeNull()
    expect($('.tl-item[data-action="accept"]')?.classList.contains('urge')).toBe(false)
  })
})
