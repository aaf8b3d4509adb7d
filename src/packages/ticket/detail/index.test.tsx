import type { TicketEvent } from '../../../../core/types'
import type { TicketDetailView, TicketView } from '../../../../core/views'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import TicketDetail from './index'

// The page reads its id from the router, which the test renderer does not fill in.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useRouter: () => ({ params: { id: 't1' } }) }
})

const { $, text, serve, open, tap, type, dialogs } = usePageTest(TicketDetail)

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

describe('案卷详情: the office\'s moderation', () => {
  const OFFICE = ticketOf({ mayModerate: true, photos: ['f-face', 'f-wall'], redactedPhotos: [], version: 6 })

  it('屏蔽 asks why, confirms, sends the reason with the version and reloads', async () => {
    const hidden = { ...OFFICE, hidden: { at: '2026-11-19T05:00:00.000Z', by: 'u-liu', reason: '描述中含有他人电话号码' }, version: 7 }
    let current: TicketView = OFFICE
    const fake = serve({
      'tickets.get': () => ({ ok: true, data: { ticket: current, timeline: TIMELINE } }),
      'tickets.hide': () => { current = hidden; return { ok: true, data: hidden } }
    })
    await open('#moderation-card')
    await tap('#hide-open')
    await tap('#hide-submit')
    expect(text('#hide-error')).toBe('请写明原因（至少 2 个字），会记入操作记录')
    expect(fake.sent('hide')).toEqual([])
    await type('#hide-reason', '描述中含有他人电话号码')
    await tap('#hide-submit')
    await until(() => fake.sent('hide').length === 1)
    expect(dialogs()[0]).toMatchObject({ title: '不公开显示这条上报？', confirmText: '不公开显示' })
    expect(fake.sent('hide')).toEqual([{ action: 'hide', id: 't1', expectedVersion: 6, reason: '描述中含有他人电话号码' }])
    await until(() => $('#ticket-hidden') !== null)
    expect(text('#ticket-hidden')).toContain('原因：描述中含有他人电话号码')
    expect(text('#hide-open')).toBe('恢复公开显示')
  })

  it('shows a redacted photo as 已屏蔽 with its reason, and 屏蔽照片 under the others', async () => {
    const view = { ...OFFICE, redactedPhotos: [{ fileId: 'f-face', at: '2026-11-19T05:00:00.000Z', by: 'u-liu', reason: '拍到了路人的脸' }] }
    const fake = serve({
      'tickets.get': () => ({ ok: true, data: { ticket: view, timeline: TIMELINE } }),
      'tickets.redactPhoto': () => ({ ok: true, data: view })
    })
    await open('[data-photo="f-face"]')
    expect(text('[data-photo="f-face"] .md-redacted')).toBe('已屏蔽')
    expect(text('[data-redacted="f-face"]')).toBe('原因：拍到了路人的脸')
    expect($('[data-redact="f-face"]')).toBeNull()
    await tap('[data-redact="f-wall"]')
    await type('#redact-reason', '照片里有车牌')
    await tap('#redact-submit')
    await until(() => fake.sent('redactPhoto').length === 1)
    expect(fake.sent('redactPhoto')).toEqual([{ action: 'redactPhoto', id: 't1', fileId: 'f-wall', expectedVersion: 6, reason: '照片里有车牌' }])
    expect(dialogs()[0]).toMatchObject({ title: '屏蔽这张照片？', confirmColor: '#c92a2a' })
  })

  it('the reporter of a hidden report reads why, and gets no moderation', async () => {
    await show({ ticket: ticketOf({ hidden: { at: '2026-11-19T05:00:00.000Z', by: 'u-liu', reason: '含有他人隐私' } }), timeline: TIMELINE })
    expect(text('#ticket-hidden')).toContain('其他居民看不到这条上报')
    expect(text('#ticket-hidden')).toContain('原因：含有他人隐私')
    expect($('#moderation-card')).toBeNull()
    expect($('[data-redact]')).toBeNull()
  })
})
